"""Which machine this is, and the names sync tools give the files they deliver.

The machine id lives outside the synced folder (machine_file, below), so two machines that
share a data folder never share an id. A sync tool delivers a file under a temp name and renames
it when whole; when two machines changed one file it keeps both, one under a conflict name.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
from contextlib import suppress
from pathlib import Path

from coach.core.disk import FILE_MODE, make_folder
from coach.core.storage.errors import bad_file, write_error
from coach.core.storage.files import read_bytes

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,40}")

# A data file's name: a stem ("2026-11", "settings"), then maybe a sync tool's tag, ".json", and
# maybe a tag after it. A tag is a conflict copy's when it says "conflict" in any form (Syncthing
# ".sync-conflict-...", Dropbox and Nextcloud "(... conflicted copy ...)", Nextcloud
# "_conflict-...", "(conflict 1)", unison's "(conflict on ...)"), is git mergetool's ".orig", or
# a copy's number (" (1)" from Google Drive and Windows, " 2" from iCloud), or a write-once copy
# of our own (".w17", witness.py). Anything else
# (a file set aside, a backup) is not read; `doctor` lists it and says why.
_NAME = re.compile(r"(?P<stem>[A-Za-z0-9][A-Za-z0-9-]*)(?P<tag>[^/]*?)\.json(?P<after>[^/]*)")
_COPY_TAG = re.compile(r"(?i)[^/]*conflict[^/]*|\.orig| \(\d{1,3}\)| \d{1,3}|\.w\d{1,9}")
UNFINISHED = (".tmp", ".partial", ".part")  # a sync tool's (or our) file not yet delivered


def valid_id(name: str) -> bool:
    """Whether name can be a machine id (and so a folder name under machines/)."""
    return bool(_ID.fullmatch(name))


def new_machine_id() -> str:
    """The host's name, made safe for a folder, and a random part so two hosts never clash."""
    host = re.sub(r"[^a-z0-9]+", "-", socket.gethostname().lower()).strip("-")[:20]
    return f"{host or 'machine'}-{secrets.token_hex(4)}"


def data_name(name: str) -> tuple[str, bool] | None:
    """(stem, is a conflict copy) for a data file's name; None for anything else: temp files,
    partial downloads, dot-files, files set aside. '2026-11.json' -> ('2026-11', False)."""
    if name.startswith((".", "~")) or name.endswith(UNFINISHED):
        return None
    found = _NAME.fullmatch(name)
    if found is None:
        return None
    tag = found["tag"] + found["after"]
    if not tag:
        return found["stem"], False
    return (found["stem"], True) if _COPY_TAG.fullmatch(tag) else None


def read_machine_file(path: Path) -> dict[str, str]:
    """The machine file's settings ({} when there is none); StoreError if it cannot be read."""
    raw = read_bytes(path)  # never a FIFO, a device or a link: it may come from a sync tool
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise bad_file(path, "is not a JSON object of text values", "correct it, or remove it")
    return data


def write_machine_file(path: Path, data: dict[str, str], exclusive: bool = False) -> bool:
    """Write the machine file atomically; exclusive: only when there is none yet (False if one
    appeared first, so two processes starting at once end with one id)."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        make_folder(path.parent)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "w") as out:
            json.dump(data, out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        if not exclusive:
            os.replace(temp, path)
            return True
        try:
            os.link(temp, path)
        except FileExistsError:
            return False
        return True
    except OSError as exc:
        raise write_error(exc, path) from None
    finally:
        with suppress(OSError):
            temp.unlink()


def local_machine_id(path: Path) -> str:
    """This machine's id from its machine file, made (once, race-free) when there is none."""
    for _ in range(2):
        found = read_machine_file(path).get("machine_id")
        if found is not None:
            if not valid_id(found):
                raise bad_file(path, f"machine_id {found[:40]!r} is not a-z, 0-9 and -",
                               "correct it, or remove the line to make a new one")
            return found
        data = read_machine_file(path) | {"machine_id": new_machine_id()}
        if write_machine_file(path, data, exclusive=not path.exists()):
            return data["machine_id"]
    return local_machine_id(path)


MACHINE_DIR_ENV = "BACKCOACH_MACHINE_DIR"


def machine_file() -> Path:
    """This machine's id and sync_dir: outside the data folder, which may be synced to others
    ($BACKCOACH_MACHINE_DIR, else the platform's config folder)."""
    env = os.environ.get(MACHINE_DIR_ENV)
    if env:
        return Path(env).expanduser() / "machine.json"
    from platformdirs import user_config_dir

    return Path(user_config_dir("backcoach", appauthor=False)) / "machine.json"
