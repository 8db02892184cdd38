"""Folders only this user can use, outside the data folder, and the files in them.

Made 0700 one level at a time and opened without following a link, each checked to be a folder
this user owns; every read and write then goes through the folder's descriptor, so a link or
another user's folder put in its place later is never followed. What is read back is untrusted
input all the same (another program of the user's, or the user, may have put it there): only a
regular file, never more than a cap, opened without blocking (a FIFO would hang the app).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from coach.core import disk

FOLDER_MODE = 0o700
FILE_MODE = 0o600
MAX_BYTES = 1 << 20  # far above any record this app writes; a bigger file is not one of ours
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW


def _checked(fd: int, where: Path) -> None:
    """The folder is this user's (else OSError); one that others could use is made private."""
    info = os.fstat(fd)
    if info.st_uid != os.getuid():
        raise PermissionError(errno.EPERM, "belongs to another user; not used", str(where))
    if stat.S_IMODE(info.st_mode) != FOLDER_MODE:
        os.fchmod(fd, FOLDER_MODE)  # ours, but others could read or plant files: not any more


@contextmanager
def private_folder(root: Path, *names: str, create: bool) -> Iterator[int]:
    """A descriptor of root/names..., where root is this user's and each name below it is made
    (create) or must exist; OSError when a level is a link, not a folder, or another user's."""
    if create:
        os.makedirs(root.parent, mode=FOLDER_MODE, exist_ok=True)
    fd = os.open(root.parent, os.O_RDONLY | os.O_DIRECTORY)  # the user's own choice of place
    where = root.parent
    try:
        for name in (root.name, *names):
            if create:
                with suppress(FileExistsError):
                    os.mkdir(name, FOLDER_MODE, dir_fd=fd)
            below = os.open(name, _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd, where = below, where / name
            _checked(fd, where)
        yield fd
    finally:
        os.close(fd)


def read_file(folder: int, name: str) -> bytes | None:
    """The bytes of a regular file in the folder, or None for anything else (a link, a FIFO, a
    device, a folder, one over MAX_BYTES, one that is gone): disk.read_file, as every read."""
    try:
        return disk.read_file(Path(name), MAX_BYTES, dir_fd=folder)
    except OSError:
        return None


def write_file(folder: int, name: str, data: bytes) -> None:
    """Replace the folder's file `name` with data, atomically; OSError when it cannot."""
    temp = f".{name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE,
                 dir_fd=folder)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp, dir_fd=folder)
        raise
    os.fsync(folder)


def json_names(folder: int) -> list[str]:
    """The folder's '*.json' names, sorted; temp files (dot names) left out."""
    return sorted(n for n in os.listdir(folder) if n.endswith(".json") and not n.startswith("."))


def remove(folder: int, name: str) -> None:
    with suppress(FileNotFoundError):
        os.unlink(name, dir_fd=folder)
