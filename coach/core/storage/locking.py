"""The one exclusive lock over the data folder, so two open copies (two SSH sessions) lose nothing.

The holder writes its process id into the lock file, so a copy that finds the lock taken can
say which process has it. Writes are short (tens of milliseconds), so a wait of a few seconds
means the other copy is stuck, and the user hears so at once instead of after a long freeze.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from coach.core.disk import NotAFile, make_folder, open_lock_file
from coach.core.storage.errors import LockHeld, WrongType, write_error

LOCK_WAIT_S = 3.0
POLL_S = 0.02


class FolderLock:
    """Re-entrant within a thread; two threads of one process take turns like two processes."""

    def __init__(self, path: Path, wait_s: float = LOCK_WAIT_S) -> None:
        self.path = path
        self.wait_s = wait_s
        self._mine = threading.local()  # this thread's descriptor and depth

    @property
    def held_here(self) -> bool:
        """Whether this thread holds it (a nested use)."""
        return getattr(self._mine, "depth", 0) > 0

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock; raises LockHeld, or a StoreError when the lock file cannot be made."""
        depth = getattr(self._mine, "depth", 0)
        if depth == 0:
            self._mine.fd = self._acquire()
        self._mine.depth = depth + 1
        try:
            yield
        finally:
            self._mine.depth -= 1
            if self._mine.depth == 0:
                self._release(self._mine.fd)

    def _acquire(self) -> int:
        try:
            make_folder(self.path.parent)  # a save before open() makes the folder, privately
            fd = open_lock_file(self.path)
        except (IsADirectoryError, NotAFile) as exc:
            raise lock_file_problem(exc, self.path) from None
        except OSError as exc:
            raise write_error(exc, self.path) from None
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    pid = _holder(fd)
                    os.close(fd)
                    raise self._held(pid) from None
                time.sleep(POLL_S)
            except OSError as exc:
                os.close(fd)
                raise write_error(exc, self.path) from None
        with suppress(OSError):  # who holds it is a courtesy; a full disk must not stop a save
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return fd

    def _release(self, fd: int) -> None:
        try:
            with suppress(OSError):
                os.ftruncate(fd, 0)  # a stale pid would name the wrong process
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _held(self, pid: int | None) -> LockHeld:
        who = f"another backcoach (process {pid})" if pid else "another backcoach"
        return LockHeld(
            f"{self.path}: {who} is writing to this data folder and has not finished within "
            f"{self.wait_s:.0f} s; close that copy, or try again",
            self.path,
            pid,
        )


def lock_file_problem(exc: OSError, path: Path) -> WrongType:
    """What to do about a folder, a FIFO, a device or a link where a lock file belongs."""
    what = "a folder" if isinstance(exc, IsADirectoryError) else (
        (exc.strerror or "").removeprefix("is ").split(", which")[0].removesuffix(", not a file"))
    return WrongType(f"{path}: is {what} where backcoach keeps a lock file, not a regular "
                     "file; remove it", path)


def _holder(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and len(text) < 12 else None
