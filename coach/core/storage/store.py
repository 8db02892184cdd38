"""Where sessions and settings are kept: TinyDB files behind a small API; atomic, locked, versioned.

Layout of the data folder:

    settings.json          the Settings
    routines.json          the routines the user made or imported, keyed by id
    sessions/2026-11.json  the sessions whose training day is in that month, keyed by uuid
    days/2026.json         per month of that year: training day -> [sessions, seconds]
    .lock                  held while anything is written

A save rewrites one month file and one year summary, so it costs the same with ten years of
history as with one month. The summary is derived: it is recomputed from the month file on every
save, and open() repairs any month a crash left behind. Sessions that did no work (opened and
left at once) stay in their month file but are not counted in the summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from pydantic import ValidationError
from tinydb.table import Document

from coach.core.content.errors import describe
from coach.core.content.models import Routine
from coach.core.session.outcomes import counts_toward_streak
from coach.core.session.records import SessionRecord, Settings
from coach.core.storage.datafile import (
    SCHEMA_VERSION,
    Kind,
    StoreDB,
    StoreError,
    bad_file,
    data_files,
    docs,
    gc_paused,
    make_folder,
    replace,
    sweep_temp_files,
)

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]

SESSIONS = "sessions"
DAYS = "days"
SETTINGS_FILE = "settings.json"
SETTINGS_ID = "1"
ROUTINES = "routines"
ROUTINES_FILE = "routines.json"
MONTHS = "months"
LOCK_FILE = ".lock"
LOCK_TIMEOUT_S = 15.0

DayTotals = dict[str, list[int]]  # "2026-11-03" -> [sessions, seconds]


def month_of(day: dt.date) -> str:
    """The month file a training day belongs to, e.g. '2026-11'."""
    return f"{day.year:04d}-{day.month:02d}"


class Store:
    """The user's sessions, settings and routines in one folder. Build it cheaply; open() to write.

    The read methods never write and never create anything, so `backcoach status` can use a
    Store without open().
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock: FileLock | None = None
        self._saved_in: dict[str, str] = {}  # uuid -> month, to catch a session changing month

    # -- opening ---------------------------------------------------------------------------------

    def open(self) -> None:
        """Create the folder, sweep crash leftovers, check every file, migrate old ones.

        Raises StoreError for a file that is corrupt or from a newer backcoach; nothing is
        written in that case.
        """
        try:
            make_folder(self.folder)
        except OSError as exc:
            raise _os_error(exc, self.folder) from None
        with self._locked():
            for folder in (self.folder, self._sessions_dir, self._days_dir):
                sweep_temp_files(folder)
            old: list[tuple[Path, Kind]] = []
            months = {m: self._check_month(m, old) for m in self._months()}
            summaries = {y: self._check_year(y, old) for y in self._years()}
            self._check_settings(old)
            self._check_routines(old)
            for path, kind in old:  # every file parsed above, so migrating cannot fail half-way
                db = StoreDB(path, kind)
                db.storage.write(db.storage.read() or {})
            self._repair(months, summaries)

    def _check_month(self, month: str, old: list[tuple[Path, Kind]]) -> DayTotals:
        db = StoreDB(self._month_path(month), SESSIONS)
        totals = _totals(db.file.path, docs(db.table(SESSIONS)))
        _note_old(db, old)
        return totals

    def _check_year(self, year: str, old: list[tuple[Path, Kind]]) -> dict[str, DayTotals]:
        db = StoreDB(self._year_path(year), DAYS)
        summary = docs(db.table(MONTHS))
        _note_old(db, old)
        return {month: _day_totals(db.file.path, month, doc) for month, doc in summary.items()}

    def _check_settings(self, old: list[tuple[Path, Kind]]) -> None:
        db = StoreDB(self._settings_path, "settings")
        self._settings_from(db)
        _note_old(db, old)

    def _check_routines(self, old: list[tuple[Path, Kind]]) -> None:
        db = StoreDB(self._routines_path, ROUTINES)
        self._routines_from(db)
        _note_old(db, old)

    def _repair(self, months: dict[str, DayTotals], years: dict[str, dict[str, DayTotals]]) -> None:
        # The summary must equal what the month files say; a crash between the two writes of a
        # save leaves one month behind, and this puts it right.
        known = set(months) | {m for summary in years.values() for m in summary}
        for month in sorted(known):
            want = months.get(month, {})
            if years.get(month[:4], {}).get(month, {}) != want:
                self._write_summary(month, want)

    # -- sessions --------------------------------------------------------------------------------

    def save_session(self, record: SessionRecord) -> None:
        """Insert the session, or replace the one with its uuid; atomic and locked."""
        month = month_of(record.day)
        first = self._saved_in.setdefault(record.uuid, month)
        if first != month:  # two copies in two month files would be worse than a loud failure
            raise ValueError(f"session {record.uuid} was filed under {first}, now {month}")
        with self._locked():
            summary = StoreDB(self._year_path(month[:4]), DAYS)
            summary.storage.read()  # a broken summary stops the save before the month is written
            db = StoreDB(self._month_path(month), SESSIONS)
            table = db.table(SESSIONS)
            replace(table, record.uuid, record.model_dump(mode="json"))
            self._write_summary(month, _totals(db.file.path, docs(table)), summary)

    def delete_session(self, uuid: str) -> None:
        """Remove the session with this uuid (a discarded one) if it is stored; atomic, locked."""
        with self._locked():
            # Almost always the month this Store just saved it in; otherwise newest first.
            known = self._saved_in.get(uuid)
            for month in ([known] if known else []) + self._months()[::-1]:
                summary = StoreDB(self._year_path(month[:4]), DAYS)
                db = StoreDB(self._month_path(month), SESSIONS)
                table = db.table(SESSIONS)
                if table.contains(doc_id=uuid):  # type: ignore[arg-type]
                    summary.storage.read()  # refuse before writing anything if it is broken
                    table.remove(doc_ids=[uuid])  # type: ignore[list-item]
                    self._write_summary(month, _totals(db.file.path, docs(table)), summary)
                    break
        self._saved_in.pop(uuid, None)

    def sessions(self) -> list[SessionRecord]:
        """Every session, oldest first. Reads every month file: call it off the UI thread."""
        return self._sessions_in(self._months())

    def recent_sessions(self, days: int, today: dt.date | None = None) -> list[SessionRecord]:
        """The sessions of the last `days` training days up to today, oldest first."""
        today = today or dt.date.today()
        return self.sessions_since(today - dt.timedelta(days=max(days, 1) - 1))

    def sessions_since(self, first: dt.date) -> list[SessionRecord]:
        """The sessions whose training day is `first` or later, oldest first."""
        months = [m for m in self._months() if m >= month_of(first)]
        return [r for r in self._sessions_in(months) if r.day >= first]

    def sessions_between(self, first: dt.date, last: dt.date) -> list[SessionRecord]:
        """The sessions whose training day is from `first` to `last` inclusive, oldest first.

        Reads only the month files that can hold those days.
        """
        months = [m for m in self._months() if month_of(first) <= m <= month_of(last)]
        return [r for r in self._sessions_in(months) if first <= r.day <= last]

    def import_sessions(self, records: Sequence[SessionRecord]) -> tuple[int, int]:
        """Merge sessions in by uuid; returns (added, already present). Atomic per file, locked.

        A uuid stored anywhere (or met earlier in `records`) counts as present and is left as it
        is, so importing the same sessions twice adds nothing. The records are not validated
        again: the caller has. Every file involved is read and checked before the first write,
        so an unreadable one raises StoreError with nothing written.
        """
        with self._locked():
            # Every month file, not only the target ones: a uuid may be filed under another
            # month, and a month we cannot read might hold it (a duplicate would be worse).
            stored = {m: StoreDB(self._month_path(m), SESSIONS) for m in self._months()}
            seen = {key for db in stored.values() for key in _keys(db)}
            new: dict[str, dict[str, dict[str, Any]]] = {}
            present = 0
            for record in records:
                if record.uuid in seen:
                    present += 1
                    continue
                seen.add(record.uuid)
                new.setdefault(month_of(record.day), {})[record.uuid] = record.model_dump(
                    mode="json"
                )
            plans = []
            checked: set[str] = set()
            for month, added in sorted(new.items()):
                # Not `get() or`: a TinyDB is falsy when its default table is empty.
                if month not in stored:
                    stored[month] = StoreDB(self._month_path(month), SESSIONS)
                db = stored[month]
                if month[:4] not in checked:  # a broken summary stops the import unwritten
                    StoreDB(self._year_path(month[:4]), DAYS).storage.read()
                    checked.add(month[:4])
                totals = _totals(db.file.path, {**docs(db.table(SESSIONS)), **added})
                plans.append((month, db, added, totals))
            for month, db, added, totals in plans:
                # One write per month file, however many sessions it gains.
                table = db.table(SESSIONS)
                table.insert_multiple(
                    Document(doc, doc_id=key)  # type: ignore[arg-type]
                    for key, doc in added.items()
                )
                self._write_summary(month, totals)  # reads the year afresh: builds on the last
                for key in added:
                    self._saved_in.setdefault(key, month)
        return sum(len(added) for added in new.values()), present

    def session_days(self) -> dict[dt.date, tuple[int, int]]:
        """Training day -> (sessions, seconds of work), from the small per-year summaries."""
        days: dict[dt.date, tuple[int, int]] = {}
        for year in self._years():
            db = StoreDB(self._year_path(year), DAYS)
            for month, doc in docs(db.table(MONTHS)).items():
                for day, (count, seconds) in _day_totals(db.file.path, month, doc).items():
                    key = dt.date.fromisoformat(day)
                    old = days.get(key, (0, 0))
                    days[key] = (old[0] + count, old[1] + seconds)
        return dict(sorted(days.items()))

    def _sessions_in(self, months: Iterable[str]) -> list[SessionRecord]:
        with gc_paused():
            records = [r for month in months for r in self._month_records(month)]
        return sorted(records, key=lambda r: r.started_at)

    def _month_records(self, month: str) -> list[SessionRecord]:
        db = StoreDB(self._month_path(month), SESSIONS)
        return [_record(db.file.path, key, doc) for key, doc in docs(db.table(SESSIONS)).items()]

    def _write_summary(self, month: str, totals: DayTotals, db: StoreDB | None = None) -> None:
        db = db if db is not None else StoreDB(self._year_path(month[:4]), DAYS)
        table = db.table(MONTHS)
        if table.get(doc_id=month) == (totals or None):  # type: ignore[arg-type]
            return
        if totals:
            replace(table, month, totals)
        else:
            table.remove(doc_ids=[month])  # type: ignore[list-item]

    # -- settings --------------------------------------------------------------------------------

    def settings(self) -> Settings:
        """The saved settings, or the defaults when none are saved."""
        return self._settings_from(StoreDB(self._settings_path, "settings"))

    def _settings_from(self, db: StoreDB) -> Settings:
        doc = db.table("settings").get(doc_id=SETTINGS_ID)  # type: ignore[arg-type]
        if doc is None:
            return Settings()
        try:
            return Settings.model_validate(dict(doc))
        except ValidationError as exc:
            raise bad_file(db.file.path, describe("settings", exc)[0]) from None

    def save_settings(self, settings: Settings) -> None:
        """Save the settings; atomic and locked."""
        with self._locked():
            db = StoreDB(self._settings_path, "settings")
            replace(db.table("settings"), SETTINGS_ID, settings.model_dump(mode="json"))

    # -- the user's routines ----------------------------------------------------------------------

    def user_routines(self) -> list[Routine]:
        """The routines the user made or imported, sorted by name; reads only, creates nothing."""
        return self._routines_from(StoreDB(self._routines_path, ROUTINES))

    def save_routine(self, routine: Routine) -> None:
        """Insert the routine, or replace the one with its id; atomic and locked."""
        with self._locked():
            db = StoreDB(self._routines_path, ROUTINES)
            table = db.table(ROUTINES)
            # exclude_none: a step's dosing keeps only the fields it changes, as in a TOML file.
            replace(table, routine.id, routine.model_dump(mode="json", exclude_none=True))

    def delete_routine(self, routine_id: str) -> None:
        """Remove the user's routine with this id if it is stored; atomic and locked."""
        with self._locked():
            table = StoreDB(self._routines_path, ROUTINES).table(ROUTINES)
            if table.contains(doc_id=routine_id):  # type: ignore[arg-type]
                table.remove(doc_ids=[routine_id])  # type: ignore[list-item]

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock across a read and the write that depends on it.

        The lock is re-entrant, so the save methods work inside; use it after open(). An import
        checks names and ids and saves under one lock, so another copy cannot take them between.
        """
        with self._locked():
            yield

    def _routines_from(self, db: StoreDB) -> list[Routine]:
        routines = []
        for key, doc in docs(db.table(ROUTINES)).items():
            try:
                routine = Routine.model_validate(doc)
            except ValidationError as exc:
                raise bad_file(db.file.path, describe(f"routine {key}", exc)[0]) from None
            if routine.id != key:  # the key is what save and delete go by; they must agree
                raise bad_file(db.file.path, f"routine {key} says its id is {routine.id}")
            routines.append(routine)
        return sorted(routines, key=lambda r: (r.name.casefold(), r.id))

    # -- a file that cannot be read --------------------------------------------------------------

    def set_aside(self, path: Path) -> Path:
        """Move an unreadable file aside as '<name>.broken-YYYYmmdd-HHMMSS'; returns the new path.

        Nothing is deleted: the user (or a helper) can still rescue what the file holds.
        """
        path = Path(path)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        with self._locked():
            target = path.with_name(f"{path.name}.broken-{stamp}")
            n = 1
            while target.exists():  # never rename over an earlier one set aside the same second
                n += 1
                target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
            path.rename(target)
        return target

    # -- layout ----------------------------------------------------------------------------------

    @property
    def _sessions_dir(self) -> Path:
        return self.folder / SESSIONS

    @property
    def _days_dir(self) -> Path:
        return self.folder / DAYS

    @property
    def _settings_path(self) -> Path:
        return self.folder / SETTINGS_FILE

    @property
    def _routines_path(self) -> Path:
        return self.folder / ROUTINES_FILE

    def _month_path(self, month: str) -> Path:
        return self._sessions_dir / f"{month}.json"

    def _year_path(self, year: str) -> Path:
        return self._days_dir / f"{year}.json"

    def _months(self) -> list[str]:
        return data_files(self._sessions_dir, len("2026-11"))

    def _years(self) -> list[str]:
        return data_files(self._days_dir, len("2026"))

    @contextmanager
    def _locked(self) -> Iterator[None]:
        # One exclusive lock for every read-modify-write, so two open copies lose nothing.
        if self._lock is None:
            self._lock = FileLock(self.folder / LOCK_FILE, timeout=LOCK_TIMEOUT_S, mode=0o600)
        try:
            with self._lock:
                yield
        except Timeout:  # an OSError too, so it comes first
            path = self.folder / LOCK_FILE
            raise StoreError(
                f"{path}: another backcoach held the lock for {LOCK_TIMEOUT_S:.0f} s; "
                "close it and try again",
                path,
            ) from None
        except OSError as exc:  # a full disk, a folder made read-only: say which and why
            raise _os_error(exc, self.folder) from None


def _os_error(exc: OSError, folder: Path) -> StoreError:
    path = Path(exc.filename) if exc.filename else folder
    problem = f"cannot be written ({exc.strerror}); check the disk space and the permissions"
    return StoreError(f"{path}: {problem}", path)


def _note_old(db: StoreDB, old: list[tuple[Path, Kind]]) -> None:
    if db.file.written_with is not None and db.file.written_with < SCHEMA_VERSION:
        old.append((db.file.path, db.file.kind))


def _keys(db: StoreDB) -> list[str]:
    """The uuids in a month file, without building its documents."""
    data = db.storage.read() or {}
    return [str(key) for key in data.get(SESSIONS, {})]


def _record(path: Path, key: str, doc: dict[str, Any]) -> SessionRecord:
    try:
        record = SessionRecord.model_validate(doc)
    except ValidationError as exc:
        raise bad_file(path, describe(f"session {key}", exc)[0]) from None
    if record.uuid != key:
        raise bad_file(path, f"session {key} says its uuid is {record.uuid}")
    return record


def _totals(path: Path, docs: dict[str, dict[str, Any]]) -> DayTotals:
    """Training day -> [sessions, seconds] over the sessions that did some work."""
    totals: DayTotals = {}
    for key, doc in docs.items():
        try:
            day = dt.date.fromisoformat(doc["day"]).isoformat()
            seconds = sum(int(step["seconds"]) for step in doc["steps"])
        except (KeyError, TypeError, ValueError) as exc:
            problem = f"session {key} has no valid day or step seconds ({exc})"
            raise bad_file(path, problem) from None
        if seconds > 0 and counts_toward_streak(doc):
            count, total = totals.get(day, (0, 0))
            totals[day] = [count + 1, total + seconds]
    return dict(sorted(totals.items()))


def _day_totals(path: Path, month: str, doc: dict[str, Any]) -> DayTotals:
    """A summary document, checked: day -> [sessions, seconds]."""
    out: DayTotals = {}
    for day, value in doc.items():
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and v >= 0 for v in value)
        )
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            ok = False
        if not ok:
            raise bad_file(path, f'month "{month}" day "{day}" is not [sessions, seconds]')
        out[day] = list(value)
    return out
