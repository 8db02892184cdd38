"""Bytes to and from disk, safely: private folders, atomic writes and the one safe read, for
the store and for anything else backcoach keeps or reads (content, the checked-content cache).
Below every package of the core.

Every OSError reaches the caller as itself: only the caller knows what the file was for.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from contextlib import suppress
from pathlib import Path

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


class NotAFile(OSError):
    """Something other than a plain file where one is read: a FIFO, a device, a socket, a link
    where links are not followed, or a file far larger than any we write. Its strerror says
    which, for the caller's one-line message."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(errno.EINVAL, what, str(path))


class TooLarge(NotAFile):
    """A file larger than the reader's limit: not one backcoach wrote, or the wrong file."""


_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
          stat.S_IFSOCK: "a socket"}


def read_file(path: Path, limit: int, *, links: bool = False, streams: bool = False,
              dir_fd: int | None = None) -> bytes:
    """The bytes of the plain file at path, at most limit of them, or OSError.

    Every file backcoach reads may come from outside (a sync tool, an import, a cache left on
    disk), so reading never blocks and never runs away: the file is opened without waiting
    (O_NONBLOCK: a FIFO would wait for a writer forever), must be a plain file once open (a
    device such as /dev/zero never ends), and is read no further than limit. With
    links=False a link is refused, not followed (O_NOFOLLOW): in the data folder a file is
    replaced, never written through, so a link there was never one of ours.
    streams=True is for a path the user named on the command line: a pipe (`<(curl ...)`) or a
    device is then what they asked for, read as it comes, still no further than limit.
    With dir_fd, path is relative to that open folder (a private folder held open).
    A missing file is FileNotFoundError; a folder IsADirectoryError; the rest NotAFile.
    """
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    if not streams:
        flags |= getattr(os, "O_NONBLOCK", 0)
    if not links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = _open(path, flags, dir_fd=dir_fd, links=links)
    try:
        _plain(fd, path, streams)
        chunks, left = [], limit + 1
        while left > 0:  # the size may change under us (a sync tool): count what is read
            chunk = os.read(fd, min(left, 2**20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    if left <= 0:
        raise TooLarge(path, f"is over {limit // 2**20 or 1} MB, far more than backcoach writes")
    return b"".join(chunks)


def _open(path: Path, flags: int, mode: int = FILE_MODE, *, dir_fd: int | None = None,
          links: bool = False) -> int:
    """os.open, with a link refused under O_NOFOLLOW as NotAFile that says where it points."""
    try:
        return os.open(path, flags, mode) if dir_fd is None else \
            os.open(path, flags, mode, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not links:
            try:
                target = f" (to {os.readlink(path, dir_fd=dir_fd)})"
            except OSError:
                target = ""
            raise NotAFile(path, f"is a link{target}, which backcoach does not follow here") \
                from None
        raise


def _plain(fd: int, path: Path, streams: bool = False) -> None:
    """IsADirectoryError or NotAFile unless the open fd is a plain file (or, with streams, a
    pipe or a device)."""
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(mode) and not (streams and stat.S_IFMT(mode) in _KINDS):
        raise NotAFile(path, f"is {_KINDS.get(stat.S_IFMT(mode), 'not a plain file')}, "
                             "not a file")


def open_lock_file(path: Path) -> int:
    """An fd open for read and write on the plain file at path, made private if missing: a file
    to flock and to write the holder's pid in. Opened without waiting and never through a link;
    anything but a plain file is NotAFile (a FIFO there took a lock that `status` could not
    see, so a second nudger or writer was told a lie), a folder IsADirectoryError."""
    fd = _open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        _plain(fd, path)
    except OSError:
        os.close(fd)
        raise
    return fd
