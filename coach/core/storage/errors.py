"""What can go wrong with the data folder, one kind per fix, each a one-line message.

The kinds differ in what the user (or the UI) can do about them: only a broken file can be moved
aside; a held lock passes; a full disk or a read-only folder needs the user outside backcoach.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import ClassVar

FIX = "restore it from a backup, or move it aside to start that file afresh"
RECORD_FIX = "correct or remove that record in the file, or restore the file from a backup"


class StoreError(Exception):
    """The store cannot be used as it is; the message is one line naming the path and the fix.

    `kind` tells the kinds apart for a screen that words each its own way; `movable` says
    whether moving `path` aside (Store.set_aside) is a fix.
    """

    kind: ClassVar[str] = "unusable"
    movable: ClassVar[bool] = False

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class BrokenFile(StoreError):
    """A file that exists but is not what backcoach wrote: moving it aside starts it afresh."""

    kind = "broken"
    movable = True


class NewerFile(StoreError):
    """A file a newer backcoach wrote: this one must not read or touch it."""

    kind = "newer"


class Unreadable(StoreError):
    """A file or folder the system will not let us read (permissions, an I/O error)."""

    kind = "unreadable"


class NotWritable(StoreError):
    """The folder or a file in it refuses writes: read-only, immutable, or not ours."""

    kind = "read-only"


class DiskFull(StoreError):
    """No space (or quota) left to write."""

    kind = "disk-full"


class WrongType(StoreError):
    """A file where a folder belongs, or a folder where a file belongs."""

    kind = "wrong-type"


class LockHeld(StoreError):
    """Another backcoach is writing; `pid` is its process id when it could be read."""

    kind = "locked"

    def __init__(self, message: str, path: Path, pid: int | None) -> None:
        super().__init__(message, path)
        self.pid = pid


LONGEST_PROBLEM = 200  # a problem quotes the bad value; a huge one would swamp the terminal


def bad_file(path: Path, problem: str, fix: str = FIX) -> BrokenFile:
    """The error for a file that exists but is not what backcoach wrote."""
    if len(problem) > LONGEST_PROBLEM:
        problem = problem[: LONGEST_PROBLEM - 1] + "…"
    return BrokenFile(f"{path}: {problem}; {fix}", path)


_FULL = {errno.ENOSPC, errno.EDQUOT}
_REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_error(exc: OSError, fallback: Path) -> StoreError:
    """The StoreError for an OSError met while writing in the data folder."""
    path = Path(exc.filename) if exc.filename else fallback
    reason = exc.strerror or str(exc)
    if exc.errno in _FULL:
        return DiskFull(f"{path}: cannot be written ({reason}); free some disk space", path)
    if exc.errno in _REFUSED:
        return NotWritable(
            f"{path}: cannot be written ({reason}); make the folder writable for you", path
        )
    if exc.errno in (errno.ENOTDIR, errno.EISDIR):
        return wrong_type(path)
    return StoreError(f"{path}: cannot be written ({reason}); check the disk", path)


def read_error(exc: OSError, path: Path) -> StoreError:
    """The StoreError for an OSError met while reading `path` (a file or a folder)."""
    if exc.errno in (errno.ENOTDIR, errno.EISDIR):
        return wrong_type(path)
    reason = exc.strerror or str(exc)
    return Unreadable(f"{path}: cannot be read ({reason}); check its permissions", path)


def wrong_type(path: Path) -> WrongType:
    """A path that is a folder where a file belongs, or has a file where a folder belongs."""
    if path.is_dir():
        return WrongType(f"{path}: is a folder where backcoach keeps a file; move it away", path)
    for parent in (path, *path.parents):
        if parent.exists() and not parent.is_dir():
            return WrongType(
                f"{parent}: is a file where backcoach keeps a folder; move it away", parent
            )
    return WrongType(f"{path}: is not the file or folder backcoach expects there", path)
