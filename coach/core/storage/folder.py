"""The data folder's layout, and the lock every read-modify-write holds.

    settings.json          the Settings
    routines.json          the routines the user made or imported, keyed by id
    sessions/2026-11.json  the sessions whose training day is in that month, keyed by uuid
    days/2026.json         per month of that year: the day totals (derived, small)
    totals/2026.json       per month of that year: routines, exercises, pain (derived)
    .lock                  held while anything is written; holds the writer's process id
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from coach.core.storage.errors import StoreError, write_error
from coach.core.storage.files import data_files
from coach.core.storage.locking import FolderLock

SESSIONS: Final = "sessions"
DAYS: Final = "days"
TOTALS = "totals"
SETTINGS_FILE = "settings.json"
ROUTINES_FILE = "routines.json"
LOCK_FILE = ".lock"


def month_of(day: dt.date) -> str:
    """The month file a training day belongs to, e.g. '2026-11'."""
    return f"{day.year:04d}-{day.month:02d}"


class DataFolder:
    """Where each file of the store lives; the base of the Store's parts."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = FolderLock(self.folder / LOCK_FILE)

    @property
    def sessions_dir(self) -> Path:
        return self.folder / SESSIONS

    @property
    def days_dir(self) -> Path:
        return self.folder / DAYS

    @property
    def settings_path(self) -> Path:
        return self.folder / SETTINGS_FILE

    @property
    def routines_path(self) -> Path:
        return self.folder / ROUTINES_FILE

    def month_path(self, month: str) -> Path:
        return self.sessions_dir / f"{month}.json"

    @property
    def totals_dir(self) -> Path:
        return self.folder / TOTALS

    def year_path(self, year: str) -> Path:
        return self.days_dir / f"{year}.json"

    def totals_path(self, year: str) -> Path:
        return self.totals_dir / f"{year}.json"

    def months(self) -> list[str]:
        """The months that have a session file, oldest first; StoreError if unlistable."""
        return data_files(self.sessions_dir, len("2026-11"))

    def years(self) -> list[str]:
        return data_files(self.days_dir, len("2026"))

    def totals_years(self) -> list[str]:
        return data_files(self.totals_dir, len("2026"))

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock across a read and the write that depends on it.

        Re-entrant, so the save methods work inside. An import checks names and ids and saves
        under one lock, so another copy cannot take them between. Any OSError inside (a full
        disk, a read-only folder) comes out as a StoreError that says which and why.
        """
        with self._lock.held():
            try:
                yield
            except StoreError:
                raise
            except OSError as exc:
                raise write_error(exc, self.folder) from None
