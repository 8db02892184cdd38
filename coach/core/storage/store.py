"""Where sessions, settings and routines are kept: TinyDB files behind a small API; atomic,
locked, versioned. The folder's layout is in folder.py; each kind of file has its own part.

The summaries are derived: recomputed from the month file on every save, and open() repairs any
month a crash (or another tool) left behind. Sessions that did no work (opened and left at once)
stay in their month file but are not counted in the summaries.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from coach.core.storage.datafile import SCHEMA_VERSION, FileStorage, StoreDB
from coach.core.storage.errors import StoreError
from coach.core.storage.files import sweep_temp_files
from coach.core.storage.folder import SESSIONS, month_of
from coach.core.storage.routines import ROUTINES, RoutineFile
from coach.core.storage.sessions import SessionFiles
from coach.core.storage.settings import SETTINGS, SettingsFile
from coach.core.storage.summaries import (
    DAY_TABLE,
    TOTALS_TABLE,
    YearSummary,
    checked_day_totals,
    stamp,
    totals_of,
)

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "month_of"]


class Store(SessionFiles, SettingsFile, RoutineFile):
    """The user's sessions, settings and routines in one folder. Build it cheaply; open() to write.

    The read methods never write and never create anything, so `backcoach status` can use a
    Store without open().
    """

    def open(self) -> list[str]:
        """Create the folder, sweep crash leftovers, check the files, migrate old ones, bring
        the summaries up to date. Returns one line per record that cannot be shown (skipped by
        every read from now on, and kept in its file as it is).

        A month file is read only when it changed since its summary was made, so opening ten
        years costs what opening one month does. Raises StoreError for a file that cannot be
        used; nothing is written in that case.
        """
        with self.locked():  # makes the folder (and moves an old layout's top files)
            for folder in (self.home, self.sessions_dir, self.days_dir, self.totals_dir):
                sweep_temp_files(folder)
            years = {y: self._year_summary(y) for y in self.years() + self.totals_years()}
            summarized = self._check_years(years)
            months = self.own_months()
            changed = {m: self._check_month(m) for m in months if not self._fresh(m, summarized)}
            summaries = [file for year in years.values() for file in year.files.values()]
            old = [file for file in (*summaries, *changed.values()) if file.old]
            old += self._check_small_files()
            for file in old:  # every file parsed above, so migrating cannot fail half-way
                file.write(file.read() or {})
            # The summaries of months that changed, and of months whose file is gone.
            stale = {m: (file.read() or {}).get(SESSIONS, {}) for m, file in changed.items()}
            stale |= {m: {} for m in summarized if m not in months}
            for year in {m[:4] for m in stale}:
                summary = years.get(year) or self._year_summary(year)
                self._summarize(summary, {m: docs for m, docs in stale.items() if m[:4] == year})
        self.strict = False
        self.skipped = self._skipped_in(months)
        self.unread.clear()
        if self._shared():  # other machines' records that cannot be shown, and files unread
            self.month_totals()
        self.settings()
        self.user_routines()
        # Another machine's files (or a conflict copy) that cannot be read are skipped, not
        # fatal: said here, and in `backcoach doctor`.
        unread = [f"{line.rsplit('; ', 1)[0]}; skipped until the sync tool delivers it whole"
                  for line in self.unread.values()]
        return list(self.skipped.values()) + unread

    def _shared(self) -> bool:
        """Whether anything but this machine's own month files holds sessions: another
        machine's folder, or a conflict copy."""
        own = self.own_dir()
        return any(folder != own or copy for sources in self.session_sources().values()
                   for folder, _, copy in sources)

    def _skipped_in(self, months: list[str]) -> dict[tuple[str, str], str]:
        """The records the month summaries list as ones that cannot be shown."""
        skipped: dict[tuple[str, str], str] = {}
        read: tuple[str, YearSummary] | None = None  # one year's summary read at a time
        for month in months:
            if read is None or read[0] != month[:4]:
                read = (month[:4], self._year_summary(month))
            doc = read[1].totals_doc(month)
            bad = doc.get("bad") if isinstance(doc, dict) else None
            skipped.update(((month, key), str(line)) for key, line in (bad or {}).items())
        return skipped

    def _check_years(self, years: dict[str, YearSummary]) -> dict[str, Any]:
        """Month -> the stamp of the month file its summaries were made from (None when they
        are no use), every summary checked. One year's documents held at a time, and only
        the stamp kept of them: all ten years' documents held 3.5 MB."""
        summarized: dict[str, Any] = {}
        for year in years.values():
            days_file = year.files[DAY_TABLE]
            days = {month: checked_day_totals(days_file.path, month, doc)
                    for month, doc in (days_file.read() or {}).get(DAY_TABLE, {}).items()}
            totals = (year.files[TOTALS_TABLE].read() or {}).get(TOTALS_TABLE, {})
            for month in {**days, **totals}:
                made = made_from(totals.get(month))
                fresh = made is not None and made[1] == days.get(month, {})
                # A month in two year files (never written so) is made again.
                summarized[month] = made[0] if made is not None and fresh and month not in summarized else None
            for file in year.files.values():
                if not file.old:  # an old one is kept: open() migrates it from what was read
                    file.forget()
        return summarized

    def _check_month(self, month: str) -> FileStorage:
        """The month file, parsed (its records are checked as its summary is made)."""
        file = FileStorage(self.month_path(month), SESSIONS)
        file.read()
        return file

    def _check_small_files(self) -> list[FileStorage]:
        """Check settings and routines; the ones with an older schema, to migrate."""
        settings = StoreDB(self.settings_path, SETTINGS)
        self._settings_from(settings)
        routines = StoreDB(self.routines_path, ROUTINES)
        self._routines_from(routines)
        return [db.file for db in (settings, routines) if db.file.old]

    def _fresh(self, month: str, summarized: dict[str, Any]) -> bool:
        """Whether both summaries of the month were made from the month file as it is now."""
        made = summarized.get(month)
        return made is not None and made == stamp(self.month_path(month))


    def set_aside(self, path: Path) -> Path:
        """Move an unreadable file aside as '<name>.broken-YYYYmmdd-HHMMSS'; returns the new path.

        Nothing is deleted: the user (or a helper) can still rescue what the file holds.
        StoreError when the move fails (the folder is read-only, the file is gone).
        """
        path = Path(path)
        stamp_text = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        with self.locked():
            target = path.with_name(f"{path.name}.broken-{stamp_text}")
            n = 1
            while target.exists():  # never rename over an earlier one set aside the same second
                n += 1
                target = path.with_name(f"{path.name}.broken-{stamp_text}-{n}")
            path.rename(target)
        return target


def made_from(doc: Any) -> tuple[Any, Any] | None:
    """A month's totals document as open() needs it: (the file stamp, the day totals) it was
    made from, or None when it is no use (made before sync, or unreadable)."""
    if not isinstance(doc, dict) or "digest" not in doc or totals_of(doc) is None:
        return None  # made before sync: remade, so other machines can trust it
    return doc.get("file"), doc.get("days")
