"""Moving one machine's files: an old single-machine layout into its machine folder, and a
machine's history into another data folder (`backcoach doctor --sync-dir`).

Nothing is overwritten: a file whose name is taken at the target is kept beside it under a
conflict-copy name, which every reader merges (sessions by uuid, settings and routines by when
they were saved, tombstones and break records as a union). A move is one rename per file, so a
crash part-way leaves each file in one place or the other, and running it again finishes it.
"""

from __future__ import annotations

import errno
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from coach.core.disk import make_folder, read_file, write_atomic
from coach.core.storage.errors import read_error, write_error
from coach.core.storage.files import DATA_LIMIT, read_bytes, sweep_temp_files

# What the layout before machine folders kept at the top of a data folder (with its conflict
# copies, migration backups and files set aside, which share the first word of the name).
OWN_NAMES: Final = ("sessions", "days", "totals", "nudges", "settings", "routines", "deleted")
MOVED_FILE: Final = "moved.json"  # left in a machine folder whose files went to another folder


@dataclass
class Moved:
    """What a move did: files renamed, and those kept beside a file of the same name."""

    files: list[Path] = field(default_factory=list)
    beside: list[Path] = field(default_factory=list)


def own_entries(folder: Path) -> list[str]:
    """The names in folder that belong to a machine's own files (OWN_NAMES) and hold data."""
    try:
        names = sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise read_error(exc, folder) from None
    return [n for n in names if re.split(r"[. ]", n, maxsplit=1)[0] in OWN_NAMES
            and _holds_data(folder / n)]


def _holds_data(path: Path) -> bool:
    """A file, or a folder with a file in it that is not a lock or a temp file; not a link."""
    if path.is_symlink() or not path.is_dir():
        return path.is_file() and not path.is_symlink()
    try:
        return any(not n.startswith(".") for n in os.listdir(path))
    except OSError:
        return True  # cannot tell: moving it says why


def move_own(source: Path, names: list[str], target: Path) -> Moved:
    """Move source/<name> for each name into target, file by file; folders are merged."""
    moved = Moved()
    for name in names:
        _move(source / name, target / name, moved)
    return moved


def _move(src: Path, dst: Path, moved: Moved) -> None:
    if src.is_dir() and not src.is_symlink():
        sweep_temp_files(src)
        with_lock = src / ".lock"  # an old version's lock: nothing to keep, and it blocks rmdir
        if with_lock.is_file():
            with_lock.unlink()
        for name in sorted(os.listdir(src)):
            _move(src / name, dst / name, moved)
        try:
            src.rmdir()
        except OSError:
            pass  # something we do not move (a sync tool's temp file) stays where it was
        return
    if src.name.startswith("."):
        return  # a temp file or a lock: not ours to carry
    free = dst
    n = 1
    while free.exists() or free.is_symlink():
        free = dst.with_name(_beside_name(dst.name, n))
        n += 1
    try:
        make_folder(free.parent)
        try:
            os.rename(src, free)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            data = read_bytes(src)  # another file system: copied whole, then the old removed
            write_atomic(free, data or b"")
            src.unlink()
    except OSError as exc:
        raise write_error(exc, free) from None
    moved.files.append(free)
    if free != dst:
        moved.beside.append(free)


def _beside_name(name: str, n: int) -> str:
    """'2026-11.json' -> '2026-11 (conflict 1).json', a name every reader merges."""
    if name.endswith(".json"):
        return f"{name.removesuffix('.json')} (conflict {n}).json"
    return f"{name} (conflict {n})"


def write_moved_note(folder: Path, target: Path) -> None:
    """Say in the old machine folder where its files went: a copy still running follows them
    (to the folder this machine's own settings name, never to one the note names)."""
    write_atomic(folder / MOVED_FILE, json.dumps({"moved_to": str(target)}).encode())


def moved_away(folder: Path) -> bool:
    return (folder / MOVED_FILE).is_file()


def count_sessions(paths: list[Path]) -> int:
    """How many sessions the moved month files hold, each once."""
    found: set[str] = set()
    for path in paths:
        if path.parent.name == "sessions" and path.suffix == ".json":
            try:  # the safe read: a FIFO moved along would block, a /dev/zero link run away
                data = json.loads(read_file(path, DATA_LIMIT))
            except (OSError, ValueError):
                continue
            table = data.get("sessions") if isinstance(data, dict) else None
            found.update(table if isinstance(table, dict) else ())
    return len(found)
