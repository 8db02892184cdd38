"""The data folder's layout, and the lock every read-modify-write holds.

A data folder may be shared by several machines through a sync tool (Syncthing, Dropbox,
Nextcloud, git, rsync). Each machine writes only its own folder, from its first write, and
reads everyone's; so no path is ever written by two machines, and a tool that copies both ways
without conflict copies (rsync -a, unison newer-wins, cp -r) cannot replace one machine's file
with another's:

    machines/<machine-id>/settings.json         the Settings
    machines/<machine-id>/routines.json         the routines made or imported, keyed by id
    machines/<machine-id>/deleted.json          tombstones: sessions and routines deleted, when
    machines/<machine-id>/sessions/2026-11.json the sessions of that month's training days
    machines/<machine-id>/days/2026.json        per month: the day totals (derived, small)
    machines/<machine-id>/totals/2026.json      per month: routines, exercises, pain (derived)
    machines/<machine-id>/nudges/...            the break log (coach/core/nudge/log.py)
    machines/<machine-id>/.lock                 held while anything is written; the writer's pid
    machines/<machine-id>/moved.json            its files went to another folder (moving.py)

Before machine folders, the first machine kept the same files at the top (owner.json naming
it). They are still read, and the machine they belong to moves them into its folder at its
next write. The machine id is kept outside this folder (machine.py: machine_file).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from coach.core.disk import make_folder
from coach.core.storage.errors import StoreError, read_error, write_error
from coach.core.storage.files import data_files
from coach.core.storage.locking import LOCK_WAIT_S, FolderLock
from coach.core.storage.machine import local_machine_id, read_machine_file, valid_id
from coach.core.storage.moving import (
    MOVED_FILE,
    Moved,
    move_own,
    moved_away,
    own_entries,
    write_moved_note,
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
FIRST = "(first machine)"  # the old top files' writer, when owner.json does not say


def month_of(day: dt.date) -> str:
    """The month file a training day belongs to, e.g. '2026-11'."""
    return f"{day.year:04d}-{day.month:02d}"


class DataFolder:
    """Where each file of the store lives; the base of the Store's parts.

    The paths below (sessions_dir, month_path, ...) are this machine's own files, the only ones
    it writes, all in its machine folder.
    """

    def __init__(self, folder: Path, machine: str | None = None) -> None:
        self.folder = Path(folder)
        self._machine = machine
        self._lock: FolderLock | None = None  # home/.lock, made at the first write

    @property
    def machine(self) -> str:
        """This machine's id: given, or from the machine file outside the data folder."""
        if self._machine is None:
            from coach.core.storage.machine import machine_file

            self._machine = local_machine_id(machine_file())
        return self._machine

    def owner(self) -> str | None:
        """The machine the old top files belong to, or None when owner.json does not say."""
        found = read_machine_file(self.folder / OWNER_FILE).get("machine_id")
        if found is not None and not valid_id(found):
            raise StoreError(f"{self.folder / OWNER_FILE}: machine_id {found[:40]!r} is not "
                             "a-z, 0-9 and -; correct it, or remove the file", self.folder / OWNER_FILE)
        return found

    @property
    def home(self) -> Path:
        """This machine's own folder, the only one it writes."""
        return self.machine_dir(self.machine)

    def own_dir(self) -> Path:
        """Where this machine's files are now, without moving anything (reads must not write):
        the top, for an old folder of this machine's that no write has moved yet."""
        self._follow_on_read()
        if own_entries(self.folder) and self.owner() in (None, self.machine):
            return self.folder
        return self.home

    def machine_dir(self, machine: str) -> Path:
        return self.folder / MACHINES / machine

    def follow(self) -> bool:
        """When `backcoach doctor --sync-dir` moved this machine's files to another folder while
        this copy was running, use that folder from now on; True when it did. Only the folder
        this machine's own file (outside any synced folder) names is followed, never one a
        synced file names. Called holding the old folder's lock, so no write is half-way."""
        if not moved_away(self.machine_dir(self.machine)):
            return False
        from coach.core.storage.machine import machine_file

        try:
            target = read_machine_file(machine_file()).get("sync_dir")
        except StoreError:
            return False
        if not target or Path(target).expanduser().resolve() == self.folder.resolve():
            return False
        self.folder = Path(target).expanduser()
        return True

    def _follow_on_read(self) -> None:
        """A command that only reads (status, export) follows a move too. Once this object has
        written, only a write follows (under the lock), so a read in one thread never moves
        the folder under a write in another."""
        if self._lock is None:
            self.follow()

    def follow_move(self) -> Path:
        """The data folder, after following a move of this machine's files (a stat when there
        was none: a running app asks every half minute)."""
        if moved_away(self.machine_dir(self.machine)):
            with self.locked():
                pass
        return self.folder

    def source_dirs(self) -> list[tuple[str, Path]]:
        """Every machine's folder, (machine id, folder); the old top one first when it holds
        files. Reads only."""
        self._follow_on_read()
        try:
            owner = self.owner() or FIRST
        except StoreError:
            owner = FIRST
        out = [(owner, self.folder)] if own_entries(self.folder) else []
        try:
            links = (self.folder / MACHINES).is_symlink()  # never followed out of the folder
            names = [] if links else sorted(os.listdir(self.folder / MACHINES))
        except FileNotFoundError:
            names = []
        except OSError as exc:
            raise read_error(exc, self.folder / MACHINES) from None
        out += [(n, self.machine_dir(n)) for n in names if valid_id(n)
                and self.machine_dir(n).is_dir() and not self.machine_dir(n).is_symlink()]
        return out

    lock_wait_s = LOCK_WAIT_S

    def _move_old_top_files(self) -> None:
        """An old folder's top files, when they are this machine's, into its machine folder: the
        top is then written by nobody, so two machines that each had a history before their
        sync tool met never write one file. An old copy still running holds the top lock."""
        names = own_entries(self.folder)
        if not names or self.owner() not in (None, self.machine):
            return
        with FolderLock(self.folder / LOCK_FILE, self.lock_wait_s).held():
            move_own(self.folder, own_entries(self.folder), self.home)

    def move_to(self, folder: Path) -> Moved:
        """Move this machine's files into its machine folder in another data folder (merged
        with any there), and leave a note here that a copy still running follows."""
        target = Path(folder) / MACHINES / self.machine
        with self.locked():  # a running copy waits; an old layout's top files come along
            source = self.home
            moved = move_own(source, own_entries(source), target)
            (target / MOVED_FILE).unlink(missing_ok=True)  # from a move away from there earlier
            write_moved_note(source, Path(folder))
        return moved

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
        if self._lock is not None and self._lock.held_here:
            with self._lock.held(), self._as_store_errors():
                yield
            return
        for _ in range(2):  # the second time in the folder this machine's files moved to
            try:
                make_folder(self.home)
            except OSError as exc:
                raise write_error(exc, self.folder) from None
            if self._lock is None or self._lock.path != self.home / LOCK_FILE:
                self._lock = FolderLock(self.home / LOCK_FILE, self.lock_wait_s)
            with self._lock.held(), self._as_store_errors():
                if self.follow():
                    continue
                self._move_old_top_files()
                yield
                return
        raise StoreError(f"{self.folder}: this machine's files moved again while it wrote; "
                         "try again", self.folder)

    @contextmanager
    def _as_store_errors(self) -> Iterator[None]:
        try:
            yield
        except StoreError:
            raise
        except OSError as exc:
            raise write_error(exc, self.folder) from None
