"""Bytes on disk: crash leftovers, data files read and listed (folders, atomic writes and the
one safe read: coach/core/disk).

Every OSError here reaches the caller as itself; errors.py turns it into a StoreError with the
path, because only the caller knows whether it was reading or writing.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from coach.core.disk import TEMP_SUFFIX, NotAFile, read_file
from coach.core.storage.errors import bad_file, read_error

DATA_LIMIT = 64 * 2**20  # a month of sessions is tens of kB; more is not a file we wrote


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
    """A data file's bytes, or None when there is no such file (a missing file is an empty one).

    A link to nowhere is not a missing file: it names a file the user had, so it is reported;
    a FIFO, a device, a link or a runaway size is a file to move aside.
    """
    try:
        return read_file(path, DATA_LIMIT)
    except FileNotFoundError:
        return None
    except NotAFile as exc:
        raise bad_file(path, str(exc.strerror), "move it aside (backcoach keeps plain files "
                                                "here)") from None
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
