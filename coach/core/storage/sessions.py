"""Sessions in month files, and the per-month summaries kept beside them at every write.

A save rewrites one month file and its year's summary file, so it costs the same with ten years
of history as with one month. Records a month file holds but that cannot be shown are kept as
they are and left out of every summary: before open() a read raises for them (a command must not
print a partial answer as if whole); after open() (which reported them) reads skip them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb.table import Document

from coach.core.session.counting import NO_DAY, DayCount, streak_days
from coach.core.session.records import STORED, SessionRecord
from coach.core.storage.datafile import FileStorage, StoreDB, docs, replace
from coach.core.storage.folder import SESSIONS, month_of
from coach.core.storage.marks import REVIVED
from coach.core.storage.summaries import (
    MonthRecords,
    MonthTotals,
    YearSummary,
    read_records,
    rows_of,
    stamp,
    summarize,
    totals_of,
)
from coach.core.storage.union import Everyone, digest, revision


class SessionFiles(Everyone):
    """The Store's sessions: one file per month of training days, plus the year summaries.

    Writes go to this machine's own files; reads are over every machine's (union.py).
    """

    def __init__(self, folder: Path, machine: str | None = None) -> None:
        super().__init__(folder, machine)
        self._saved_in: dict[str, str] = {}  # uuid -> month, to catch a session changing month
        self.strict = True  # open() turns it off, having reported what cannot be shown
        self.skipped: dict[tuple[str, str], str] = {}  # (month, key) -> the problem
        self.revived = 0  # of the sessions the last import added, how many had been deleted

    # -- writing ---------------------------------------------------------------------------------

    def save_session(self, record: SessionRecord) -> bool:
        """Insert the session, or replace the one with its uuid; atomic and locked.

        False, with nothing written, when the store holds a later revision of it: a kept copy
        or a retry that comes after a newer save must never take its place.
        """
        month = month_of(record.day)
        first = self._saved_in.setdefault(record.uuid, month)
        if first != month:  # two copies in two month files would be worse than a loud failure
            raise ValueError(f"session {record.uuid} was filed under {first}, now {month}")
        with self.locked():
            year = self._year_summary(month)
            # A broken summary stops the save before the month is written; a fresh one spares
            # checking the month's other records again.
            bad = self._unchanged_since_summary(year, month)
            db = StoreDB(self.month_path(month), SESSIONS)
            table = db.table(SESSIONS)
            if revision(table.get(doc_id=record.uuid)) > record.revision:  # type: ignore[call-overload]
                return False
            replace(table, record.uuid, record.model_dump(mode="json"))
            trusted = None if bad is None else {month: _without(bad, record.uuid)}
            self._summarize(year, {month: docs(table)}, trusted)
            if record.uuid in self.my_deletes():
                self.bury(REVIVED, record.uuid)  # saved again after this machine deleted it: undo
        return True

    def delete_session(self, uuid: str) -> SessionRecord | None:
        """Remove the session with this uuid; returns it, or None when it is not stored (any
        more: another open copy may have deleted it). Atomic and locked.

        Another machine's files are never written: a tombstone in this machine's deleted.json
        takes the session out of every machine's history.
        """
        with self.locked():
            found = self._delete_own(uuid)
            if found is None:
                for month in self.months()[::-1]:
                    doc = self.month_docs(month).get(uuid)
                    if doc is not None:
                        found = (month, doc)
                        break
            self._saved_in.pop(uuid, None)
            if found is None:
                return None
            self.bury("sessions", uuid, extra={"month": found[0]})
            return _record_or_none(dict(found[1]))

    def _delete_own(self, uuid: str) -> tuple[str, dict[str, Any]] | None:
        """Take the session out of this machine's month file; (month, its document) or None."""
        # Almost always the month this Store just saved it in; otherwise newest first.
        known = self._saved_in.get(uuid)
        for month in ([known] if known else []) + self.own_months()[::-1]:
            table = StoreDB(self.month_path(month), SESSIONS).table(SESSIONS)
            doc = table.get(doc_id=uuid)  # type: ignore[call-overload]
            if doc is None:
                continue
            year = self._year_summary(month)
            bad = self._unchanged_since_summary(year, month)  # refuses if it is broken
            table.remove(doc_ids=[uuid])  # type: ignore[list-item]
            trusted = None if bad is None else {month: _without(bad, uuid)}
            self._summarize(year, {month: docs(table)}, trusted)
            return month, dict(doc)
        return None

    def import_sessions(self, records: Sequence[SessionRecord]) -> tuple[int, int]:
        """Merge sessions in by uuid; returns (added, already present). Atomic per file, locked.

        A uuid stored anywhere (or met earlier in `records`) counts as present and is left as it
        is, so importing the same sessions twice adds nothing. The records are not validated
        again: the caller has. Every file involved is read and checked before the first write,
        so an unreadable one raises StoreError with nothing written.
        """
        with self.locked():
            # Every month file, not only the target ones: a uuid may be filed under another
            # month, and a month we cannot read might hold it (a duplicate would be worse).
            # Every machine's, and the deleted ones: a deleted session stays deleted.
            stored = {m: self.month_docs(m) for m in self.months()}
            seen = {key for month_docs in stored.values() for key in month_docs}
            deletes = self.deletes()["sessions"]
            new: dict[str, dict[str, dict[str, Any]]] = {}
            present = 0
            for record in records:
                if record.uuid in seen:
                    present += 1
                    continue
                seen.add(record.uuid)
                dumped = record.model_dump(mode="json")
                new.setdefault(month_of(record.day), {})[record.uuid] = dumped
            years = {m[:4]: self._year_summary(m) for m in new}
            for year in years.values():
                year.check()  # a broken summary stops the import unwritten
            for month, added in sorted(new.items()):
                # One write per month file, however many sessions it gains.
                table = StoreDB(self.month_path(month), SESSIONS).table(SESSIONS)
                kept = {k for k in added if table.contains(doc_id=k)}  # type: ignore[arg-type]
                table.insert_multiple(
                    Document(doc, doc_id=key)  # type: ignore[arg-type]
                    for key, doc in added.items() if key not in kept
                )
                for key in kept:  # deleted, but still in this machine's file: the import's
                    replace(table, key, added[key])
                for key in added:
                    self._saved_in.setdefault(key, month)
            for name, year in years.items():  # one summary write per year
                self._summarize(year, {m: self._own_docs(m) for m in new if m[:4] == name})
            back = {key for added in new.values() for key in added} & deletes.keys()
            # Imported again after a delete, on any machine (the user's own file is the
            # user's word): alive on every machine again, and `revived` says how many.
            self.restore("sessions", {key: deletes[key] for key in back})
            self.revived = len(back)
        return sum(len(added) for added in new.values()), present

    def _summarize(self, year: YearSummary, months: dict[str, dict[str, Any]],
                   trusted: dict[str, dict[str, str]] | None = None) -> None:
        """Bring the year file's summaries of these months (key -> stored doc) up to date.

        `trusted`: month -> its bad records, for a month whose other records were all checked
        when its summary was made; the rest are checked here.
        """
        for month, month_docs in months.items():
            path = self.month_path(month)
            rows, bad = rows_of(path, month_docs, (trusted or {}).get(month))
            stamped = stamp(path) if month_docs else None
            days, totals = summarize(rows, bad, stamped)
            # What lets another machine trust this summary: the file's hash, and its uuids
            # (to see that no session is counted twice, nor one deleted elsewhere).
            totals |= {"digest": digest(path), "keys": sorted(month_docs), "by": self.machine}
            year.put(month, days, totals if stamped else None)
        year.write()

    def _unchanged_since_summary(self, year: YearSummary, month: str) -> dict[str, str] | None:
        """The month's bad records when its summary was made from the file as it is, else None.
        Raises for a broken summary file."""
        year.check()
        doc = year.totals_doc(month)
        if isinstance(doc, dict) and doc.get("file") == stamp(self.month_path(month)):
            totals = totals_of(doc)
            return None if totals is None else totals.bad
        return None

    def _year_summary(self, when: str) -> YearSummary:
        """The summaries of the year of `when`, a month ('2026-11') or a year ('2026')."""
        return YearSummary(self.year_path(when[:4]), self.totals_path(when[:4]))

    # -- reading ---------------------------------------------------------------------------------

    def sessions(self) -> list[SessionRecord]:
        """Every session, oldest first. Reads every month file: call it off the UI thread."""
        return self._sessions_in(self.months())

    def recent_sessions(self, days: int, today: dt.date | None = None) -> list[SessionRecord]:
        """The sessions of the last `days` training days up to today, oldest first."""
        today = today or dt.date.today()
        return self.sessions_since(today - dt.timedelta(days=max(days, 1) - 1))

    def sessions_since(self, first: dt.date) -> list[SessionRecord]:
        """The sessions whose training day is `first` or later, oldest first."""
        months = [m for m in self.months() if m >= month_of(first)]
        return [r for r in self._sessions_in(months) if r.day >= first]

    def sessions_between(self, first: dt.date, last: dt.date) -> list[SessionRecord]:
        """The sessions whose training day is from `first` to `last` inclusive, oldest first.

        Reads only the month files that can hold those days.
        """
        months = [m for m in self.months() if month_of(first) <= m <= month_of(last)]
        return [r for r in self._sessions_in(months) if first <= r.day <= last]

    def month_sessions(self, month: str) -> list[SessionRecord]:
        """The sessions of one month file ('2026-11'), in no particular order."""
        return self._month_records(month).records

    def day_counts(self) -> dict[dt.date, DayCount]:
        """Training day -> its sessions by coach.core.session.counting's rule, over every
        machine, from the summaries (recomputed for a month whose summary cannot be trusted).
        What the calendar, the streak and `status` count."""
        days: dict[dt.date, DayCount] = {}
        for day_totals in self.union_days().values():
            for day, values in day_totals.items():
                key = dt.date.fromisoformat(day)
                days[key] = days.get(key, NO_DAY).plus(DayCount(*values))
        return dict(sorted(days.items()))

    def session_days(self) -> dict[dt.date, tuple[int, int]]:
        """The training days that count for the streak -> (sessions, seconds of work) that day:
        streak_days() of day_counts()."""
        return streak_days(self.day_counts())

    def month_totals(self) -> dict[str, MonthTotals]:
        """Month -> its totals and pain check-ins, from the summaries: what Totals needs without
        reading the month files. A month whose summary is stale is read afresh (not rewritten)."""
        out = self.union_totals()
        for month, totals in out.items():
            self.skipped.update(((month, key), line) for key, line in totals.bad.items())
        return out

    def _sessions_in(self, months: Sequence[str]) -> list[SessionRecord]:
        records = [r for month in months for r in self._month_records(month).records]
        return sorted(records, key=lambda r: r.started_at)

    def _month_records(self, month: str) -> MonthRecords:
        found = MonthRecords()
        for path, month_docs in self.docs_by_file(month).items():
            part = read_records(path, month_docs, self.strict)
            found.records += part.records
            found.bad |= part.bad
        self.skipped.update(((month, key), line) for key, line in found.bad.items())
        return found

    def _own_docs(self, month: str) -> dict[str, Any]:
        """This machine's month file's documents by key, without building TinyDB documents."""
        return (FileStorage(self.month_path(month), SESSIONS).read() or {}).get(SESSIONS, {})


def _without(bad: dict[str, str], key: str) -> dict[str, str]:
    return {k: v for k, v in bad.items() if k != key}


def _record_or_none(doc: dict[str, Any]) -> SessionRecord | None:
    try:
        return SessionRecord.model_validate(doc, context=STORED)
    except ValidationError:
        return None
