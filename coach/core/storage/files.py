"""Bytes on disk: private folders, atomic writes, crash leftovers, reading and listing.

Every OSError here reaches the caller as itself; errors.py turns it into a StoreError with the
path, because only the caller knows whether it was reading or writing.
"""

from __future__ import annotations

import os
import secrets
from contextlib import suppress
from pathlib import Path

from coach.core.storage.errors import bad_file, read_error

TEMP_SUFFIX = ".tmp"
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_folder(folder: Path) -> None:
    """Create folder (and parents) private to the user; an existing folder is left as it is."""
    if folder.is_dir():
        return
    make_folder(folder.parent)
    with suppress(FileExistsError):  # another process may create it at the same moment
        folder.mkdir(mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask
        fsync_folder(folder.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new entry in folder survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path with data; a reader, or a crash, sees the old file or the new, never half."""
    make_folder(path.parent)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            os.fchmod(fd, FILE_MODE)  # exact, whatever the umask
            view = memoryview(data)
            while view:  # os.write may write less than asked (a signal, a nearly full disk)
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(path.parent)


def sweep_temp_files(folder: Path) -> list[Path]:
    """Remove the temp files a killed writer left behind; call it only while holding the lock."""
    swept = []
    # Only the names write_atomic makes: a sync tool's own temp files are not ours to remove.
    for temp in folder.glob(f".*.{'[0-9a-f]' * 8}{TEMP_SUFFIX}"):
        with suppress(FileNotFoundError):
            temp.unlink()
            swept.append(temp)
    return swept


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when there is no such file (a missing file is an empty one).

    A link to nowhere is not a missing file: it names a file the user had, so it is reported.
    """
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise bad_file(path, f"is a link to {os.readlink(path)}, which is missing") from None
        return None
    except OSError as exc:
        raise read_error(exc, path) from None


def data_files(folder: Path, length: int) -> list[str]:
    """The names of folder's data files ('2026-11', '2026'), sorted; others (set aside) skipped.

    A missing folder holds none; one that cannot be listed is an error, never "none".
    """
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise read_error(exc, folder) from None
    stems = [name[: -len(".json")] for name in names if name.endswith(".json")]
    return sorted(s for s in stems if len(s) == length and s.replace("-", "").isdigit())
