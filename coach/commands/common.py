"""What the commands share: the user-error type, the shipped library, safe and atomic output.

Every line a command prints goes through say() or print_json(): user text (names, paths,
imported fields) may hold terminal controls, and a terminal must show them, never obey them.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from coach.core.content.errors import BROKEN_INSTALL
from coach.core.content.loading import ContentError, Library, load_library
from coach.core.text import json_escaped, terminal_safe
from coach.paths import cache_dir, content_dir

USER_ERROR = 2


class UserError(Exception):
    """A mistake the user can fix; its message is the one line they see."""


def say(line: str, *, err: bool = False) -> None:
    """Print one line, every control character in it shown as a symbol, never obeyed."""
    print(terminal_safe(line), file=sys.stderr if err else sys.stdout)


def json_text(value: object, indent: int | None = None) -> str:
    """JSON for a terminal: lossless, readable letters kept, every control written escaped."""
    return json_escaped(json.dumps(value, indent=indent, ensure_ascii=False))


def shipped_library() -> Library:
    try:
        return load_library(content_dir(), cache_dir())
    except ContentError as exc:
        raise UserError(BROKEN_INSTALL + "\n".join(exc.problems)) from None


def first_library() -> tuple[Library, Callable[[], Library] | None]:
    """The app's first library, and the check to run after the first frame (if unchecked):
    see coach/core/content/sealed.py."""
    from coach.core.content.sealed import first_library as first

    try:
        return first(content_dir(), cache_dir())
    except ContentError as exc:
        raise UserError(BROKEN_INSTALL + "\n".join(exc.problems)) from None


def write_stdout(data: bytes) -> None:
    # Bytes, so a non-UTF-8 terminal locale cannot make a routine name fail half-way.
    # A closed pipe raises BrokenPipeError here, which cli.main answers for every command.
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def stdout_closed() -> None:
    """The reader closed the pipe (`backcoach exercises | head -1`): it has what it wanted.
    Point stdout at /dev/null, so the interpreter's last flush at exit cannot fail again."""
    devnull = open(os.devnull, "w")  # noqa: SIM115 - stdout must stay open until exit
    os.dup2(devnull.fileno(), sys.stdout.fileno())


def write_file(path: Path, data: bytes) -> None:
    from coach.core.disk import write_atomic

    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name for the export")
    if not path.parent.is_dir():
        raise UserError(f"{path}: the folder {path.parent} does not exist; create it first")
    try:
        # Temp file beside it, fsync, rename: never half an export. Private (0600) like the
        # data folder, since it holds pain scores.
        write_atomic(path, data)
    except OSError as exc:
        raise UserError(
            f"{path}: cannot be written ({exc.strerror}); check the disk space and permissions"
        ) from None
