"""The data folder's layout, and the lock every read-modify-write holds.

A data folder may be shared by several machines through a sync tool (Syncthing, Dropbox,
Nextcloud, git). Each machine writes only its own files, and reads everyone's:

    owner.json                      which machine writes the files at the top (the first one
                                    that wrote here; an older backcoach's folder becomes its)
    settings.json                   the Settings
    routines.json                   the routines the user made or imported, keyed by id
    deleted.json                    tombstones: sessions and routines deleted, and when
    sessions/2026-11.json           the sessions whose training day is in that month, by uuid
    days/2026.json                  per month of that year: the day totals (derived, small)
    totals/2026.json                per month of that year: routines, exercises, pain (derived)
    .lock                           held while anything is written; holds the writer's pid
    machines/<machine-id>/...       the same files, for every other machine

The machine id is kept outside this folder (coach.paths.machine_file), so it is never shared.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from coach.core.storage.errors import StoreError, read_error, write_error
from coach.core.storage.files import data_files, make_folder
from coach.core.storage.locking import FolderLock
from coach.core.storage.machine import (
    local_machine_id,
    read_machine_file,
    valid_id,
    write_machine_file,
)

SESSIONS: Final = "sessions"
DAYS: Final = "days"
TOTALS: Final = "totals"
SETTINGS_FILE = "settings.json"
ROUTINES_FILE = "routines.json"
DELETED_FILE = "deleted.json"
OWNER_FILE = "owner.json"
MACHINES = "machines"
LOCK_FILE = ".lock"
FIRST = "(first machine)"  # the top files' writer, when owner.json does not say


def month_of(day: dt.date) -> str:
    """The month file a training day belongs to, e.g. '2026-11'."""
    return f"{day.year:04d}-{day.month:02d}"


class DataFolder:
    """Where each file of the store lives; the base of the Store's parts.

    The paths below (sessions_dir, month_path, ...) are this machine's own files, the only ones
    it writes; the first of them claims the top of a folder no machine has claimed.
    """

    def __init__(self, folder: Path, machine: str | None = None) -> None:
        self.folder = Path(folder)
        self._machine = machine
        self._home: Path | None = None
        self._lock = FolderLock(self.folder / LOCK_FILE)  # moved to home/.lock at first use

    @property
    def machine(self) -> str:
        """This machine's id: given, or from the machine file outside the data folder."""
        if self._machine is None:
            from coach.paths import machine_file

            self._machine = local_machine_id(machine_file())
        return self._machine

    def owner(self) -> str | None:
        """The machine that writes the top files, or None when none has claimed them."""
        return read_machine_file(self.folder / OWNER_FILE).get("machine_id")

    @property
    def home(self) -> Path:
        """This machine's own folder: the top one if it is (or now becomes) the owner."""
        if self._home is None:
            owner = self.owner()
            if owner is None and self.folder.is_dir():
                claim = {"machine_id": self.machine}
                write_machine_file(self.folder / OWNER_FILE, claim, exclusive=True)
                owner = self.owner()
            if owner is None:  # no folder yet: claimed when it is made (open, a first save)
                return self.folder
            self._home = self.folder if owner == self.machine else self.machine_dir(self.machine)
        return self._home

    def machine_dir(self, machine: str) -> Path:
        return self.folder / MACHINES / machine

    def source_dirs(self) -> list[tuple[str, Path]]:
        """Every machine's folder, (machine id, folder); the top one first. Reads only."""
        try:
            owner = self.owner() or FIRST
        except StoreError:
            owner = FIRST
        out = [(owner, self.folder)]
        try:
            names = sorted(os.listdir(self.folder / MACHINES))
        except FileNotFoundError:
            names = []
        except OSError as exc:
            raise read_error(exc, self.folder / MACHINES) from None
        out += [(n, self.machine_dir(n)) for n in names
                if valid_id(n) and self.machine_dir(n).is_dir()]
        return out

    @property
    def sessions_dir(self) -> Path:
        return self.home / SESSIONS

    @property
    def days_dir(self) -> Path:
        return self.home / DAYS

    @property
    def settings_path(self) -> Path:
        return self.home / SETTINGS_FILE

    @property
    def routines_path(self) -> Path:
        return self.home / ROUTINES_FILE

    @property
    def deleted_path(self) -> Path:
        return self.home / DELETED_FILE

    def month_path(self, month: str) -> Path:
        return self.sessions_dir / f"{month}.json"

    @property
    def totals_dir(self) -> Path:
        return self.home / TOTALS

    def year_path(self, year: str) -> Path:
        return self.days_dir / f"{year}.json"

    def totals_path(self, year: str) -> Path:
        return self.totals_dir / f"{year}.json"

    def own_months(self) -> list[str]:
        """The months this machine has a session file for, oldest first; StoreError if
        unlistable."""
        return data_files(self.sessions_dir, len("2026-11"))

    def years(self) -> list[str]:
        return data_files(self.days_dir, len("2026"))

    def totals_years(self) -> list[str]:
        return data_files(self.totals_dir, len("2026"))

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold this machine's lock across a read and the write that depends on it.

        Re-entrant, so the save methods work inside. An import checks names and ids and saves
        under one lock, so another copy cannot take them between. Any OSError inside (a full
        disk, a read-only folder) comes out as a StoreError that says which and why. Two
        machines never write one file, so one lock per machine is enough.
        """
        if not self._lock.held_here:
            try:
                make_folder(self.folder)  # a save before open() makes it; then it is claimed
            except OSError as exc:
                raise write_error(exc, self.folder) from None
            # Asked again at every write: two machines that claimed the top files before their
            # sync tool met find out which one kept them, and the other moves to machines/<id>.
            self._home = None
            path = self.home / LOCK_FILE
            if self._lock.path != path:
                self._lock = FolderLock(path, self._lock.wait_s)
        with self._lock.held():
            try:
                yield
            except StoreError:
                raise
            except OSError as exc:
                raise write_error(exc, self.folder) from None
