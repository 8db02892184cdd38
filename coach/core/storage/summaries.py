"""What a month file holds, checked record by record, and the small summaries kept of it.

Two derived documents per month, rewritten at every save of the month:
- in days/<year>.json, "months": training day -> [sessions, seconds, stand-up breaks, sessions
  that count for the streak] (coach.core.session.counting's rule), for the calendar, streaks
  and `status`;
- in totals/<year>.json, "totals": per routine and per exercise, the pain check-ins, the
  records that could not be read, and the month file's stamp (inode, size, mtime) when they
  were computed.

A summary whose stamp no longer matches its month file (another tool, an older backcoach, a
restore) is stale: readers recompute it from the month file and open() rewrites it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coach.core.content.errors import describe
from coach.core.session.counting import Counts, DayCount, day_count_of, doc_counts, record_counts
from coach.core.session.records import STORED, SessionRecord
from coach.core.storage.datafile import FileStorage
from coach.core.storage.errors import RECORD_FIX, BrokenFile, bad_file
from coach.core.storage.schema import Tables
from coach.core.text import terminal_safe

DAY_TABLE = "months"
TOTALS_TABLE = "totals"

DayTotals = dict[str, list[int]]  # "2026-11-03" -> list(DayCount): sessions, seconds, breaks, streak
Stamp = list[int]  # [inode, size, mtime_ns] of a month file


def shown_key(key: str) -> str:
    """A record's key as a message can show it: plain and short, or quoted."""
    return key if key.isprintable() and len(key) <= 40 else repr(key[:40])


def checked_record(path: Path, key: str, doc: Any) -> SessionRecord:
    """The stored document as a SessionRecord; BrokenFile names the file, record and field."""
    try:
        record = SessionRecord.model_validate(doc, context=STORED)
    except ValidationError as exc:
        raise bad_file(path, describe(f"session {shown_key(key)}", exc)[0], RECORD_FIX) from None
    if record.uuid != key:  # the key is what save and delete go by; they must agree
        problem = f"session {shown_key(key)} says its uuid is {record.uuid!r}"
        raise bad_file(path, problem, RECORD_FIX)
    return record


@dataclass
class MonthRecords:
    """The records of one month file that could be read, and one line for each that could not."""

    records: list[SessionRecord] = field(default_factory=list)
    bad: dict[str, str] = field(default_factory=dict)  # key -> the problem, file named


def read_records(path: Path, docs: dict[str, Any], strict: bool) -> MonthRecords:
    """Check every record; strict raises for the first bad one, otherwise it is set apart."""
    out = MonthRecords()
    for key, doc in docs.items():
        try:
            out.records.append(checked_record(path, key, doc))
        except BrokenFile as exc:
            if strict:
                raise
            out.bad[key] = str(exc)
    return out


def stamp(path: Path) -> Stamp | None:
    """What changes whenever the file is written (a rename gives a new inode), or None."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


# What a summary needs of one session: day, start, routine name, pain before and after,
# (exercise id, seconds) per step, and what it counts for.
Row = tuple[str, str, str, int | None, int | None, list[tuple[str, int]], Counts]
RULE = 3  # the rule the summaries were made by (2: honest outcomes; 3: counting.py's rule)


def row_of(record: SessionRecord) -> Row:
    steps = [(step.exercise_id, step.seconds) for step in record.steps]
    return (record.day.isoformat(), record.started_at.isoformat(), record.routine_name,
            record.pain_before, record.pain_after, steps, record_counts(record))


def _fast_row(doc: dict[str, Any]) -> Row | None:
    """The row of a record in the exact shape backcoach writes, without building a model; None
    for anything else (then it is validated)."""
    try:
        day, started, name = doc["day"], doc["started_at"], doc["routine_name"]
        steps = [(step["exercise_id"], step["seconds"]) for step in doc["steps"]]
        before, after = doc.get("pain_before"), doc.get("pain_after")
    except (KeyError, TypeError):
        return None
    plain = (
        all(isinstance(v, str) for v in (day, started, name))
        and len(day) == 10
        and all(isinstance(e, str) and type(n) is int for e, n in steps)
        and all(p is None or type(p) is int for p in (before, after))
    )
    if not plain:
        return None
    # Not validated, so neutralised here, as the models neutralise what they read: a routine
    # name from another machine's file goes on to the Totals screen.
    steps = [(terminal_safe(e), n) for e, n in steps]
    return (day, started, terminal_safe(name), before, after, steps, doc_counts(doc))


def rows_of(path: Path, docs: dict[str, Any], bad: dict[str, str] | None) -> tuple[list[Row], dict[str, str]]:
    """The rows of a month's good records, and its bad ones. `bad` given means every other record
    was checked when it was last summarized (the file has not changed since but by us)."""
    if bad is None:
        found = read_records(path, docs, strict=False)
        return [row_of(r) for r in found.records], found.bad
    bad = dict(bad)
    rows = []
    for key, doc in docs.items():
        if key in bad:
            continue
        row = _fast_row(doc)
        if row is None:
            try:
                row = row_of(checked_record(path, key, doc))
            except BrokenFile as exc:
                bad[key] = str(exc)
                continue
        rows.append(row)
    return rows, bad


def summarize(rows: list[Row], bad: dict[str, str],
              file_stamp: Stamp | None) -> tuple[DayTotals, dict[str, Any]]:
    """A month's two summaries: "months" (day -> DayCount of the sessions that count) and
    "totals" (per routine, per exercise, stand-up breaks, the pain check-ins, the bad records)."""
    counted: dict[str, DayCount] = {}
    routines: dict[str, list[int]] = {}
    exercises: dict[str, int] = {}
    checks = []
    for day, started, name, before, after, steps, counts in rows:
        if before is not None or after is not None:
            checks.append((day, dt.datetime.fromisoformat(started), before, after))
        if not counts.session:  # no work: opened and left at once
            continue
        worked = sum(seconds for _, seconds in steps)
        counted[day] = counted.get(day, DayCount(0, 0, 0, 0)).plus(day_count_of(counts, worked))
        count, total = routines.get(name, (0, 0))
        routines[name] = [count + 1, total + worked]
        for exercise_id, seconds in steps:
            if seconds:
                exercises[exercise_id] = exercises.get(exercise_id, 0) + seconds
    days: DayTotals = {day: list(c) for day, c in sorted(counted.items())}
    # By day, then by start: a day is in one month only, so months read in order stay in order.
    pain = [[day, before, after] for day, _, before, after in sorted(checks)]
    # "days" again here: the day file must agree with it for the month to count as summarized.
    breaks = sum(c.breaks for c in counted.values())
    totals = {"file": file_stamp, "days": days, "routines": routines, "exercises": exercises,
              "breaks": breaks, "pain": pain, "bad": bad, "rule": RULE}
    return days, totals


@dataclass(frozen=True)
class MonthTotals:
    """One month's totals, as read back from its summary (or recomputed when stale)."""

    routines: dict[str, tuple[int, int]]  # routine name as recorded -> (sessions, seconds)
    exercises: dict[str, int]  # exercise id -> work seconds
    pain: list[tuple[dt.date, int | None, int | None]]  # day, before, after; by day, then start
    bad: dict[str, str]  # key -> problem, for records the month file holds but cannot show
    breaks: int = 0  # of the sessions counted in routines, stand-up breaks


def totals_of(doc: Any) -> MonthTotals | None:
    """A stored totals document, checked; None when it is not one (then it is recomputed)."""
    try:
        pain = [(dt.date.fromisoformat(day), _pain(b), _pain(a)) for day, b, a in doc["pain"]]
        # A summary is a file too (another machine's, perhaps): its text is neutralised as read.
        routines = {terminal_safe(str(k)): (_count(c), _count(s))
                    for k, (c, s) in doc["routines"].items()}
        exercises = {terminal_safe(str(k)): _count(s) for k, s in doc["exercises"].items()}
        bad = {terminal_safe(str(k)): terminal_safe(str(v)) for k, v in doc["bad"].items()}
        if doc["rule"] != RULE:  # made by an older rule: recompute
            return None
        breaks = _count(doc["breaks"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return MonthTotals(routines, exercises, pain, bad, breaks)


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(value)
    return value


def _pain(value: Any) -> int | None:
    return None if value is None else _count(value)


def checked_day_totals(path: Path, month: str, doc: dict[str, Any]) -> DayTotals:
    """A "months" summary document, checked: day -> [sessions, seconds, breaks, streak].

    One an older backcoach made ([sessions, seconds], every one counting for the streak) reads
    as that; its totals' older rule has it remade."""
    out: DayTotals = {}
    for day, value in doc.items():
        ok = (
            isinstance(value, list)
            and len(value) in (2, 4)
            and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
        )
        if ok and len(value) == 2:
            value = [value[0], value[1], 0, value[0]]
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            ok = False
        if not ok:
            raise bad_file(path, f'month "{month}" day {shown_key(day)} is not '
                           "[sessions, seconds, breaks, streak sessions]")
        out[day] = list(value)
    return out


class YearSummary:
    """A year's two derived files: days/<year>.json ("months": the day totals, small, read by
    the calendar and `status`) and totals/<year>.json ("totals", read by the progress totals).
    Kept apart so the small one stays small."""

    def __init__(self, days: Path, totals: Path) -> None:
        self.files = {DAY_TABLE: FileStorage(days, "days"), TOTALS_TABLE: FileStorage(totals, "days")}
        self._new: dict[str, Tables] = {}

    def check(self) -> None:
        """Read both; a broken one raises here, before anything is written."""
        for file in self.files.values():
            file.read()

    def totals_doc(self, month: str) -> Any:
        return (self.files[TOTALS_TABLE].read() or {}).get(TOTALS_TABLE, {}).get(month)

    def put(self, month: str, days: DayTotals, totals: dict[str, Any] | None) -> None:
        """Set a month's two summaries (an empty or None one is taken out); write() writes."""
        for table, doc in ((DAY_TABLE, days), (TOTALS_TABLE, totals)):
            if table not in self._new:
                read = self.files[table].read() or {}
                self._new[table] = {name: dict(docs) for name, docs in read.items()}
            docs = self._new[table].setdefault(table, {})
            if doc:
                docs[month] = doc
            else:
                docs.pop(month, None)

    def write(self) -> None:
        """Write the files whose content put() changed, each once."""
        for table, data in self._new.items():
            if data != (self.files[table].read() or {}):
                self.files[table].write(data)
        self._new = {}


def added_up(parts: list[tuple[DayTotals, MonthTotals]]) -> tuple[DayTotals, MonthTotals] | None:
    """One month's summaries from several machines (no session in two of them), added up; None
    when two of them hold pain check-ins of one day (their order by start is not kept)."""
    if len(parts) == 1:
        return parts[0]
    pain_days = [{day for day, _, _ in totals.pain} for _, totals in parts]
    if sum(map(len, pain_days)) != len(set().union(*pain_days)):
        return None
    days: DayTotals = {}
    routines: dict[str, tuple[int, int]] = {}
    exercises: dict[str, int] = {}
    pain = []
    bad: dict[str, str] = {}
    breaks = 0
    for day_totals, totals in parts:
        breaks += totals.breaks
        for day, values in day_totals.items():
            days[day] = list(DayCount(*days.get(day, [0, 0, 0, 0])).plus(DayCount(*values)))
        for name, (count, seconds) in totals.routines.items():
            old_r = routines.get(name, (0, 0))
            routines[name] = (old_r[0] + count, old_r[1] + seconds)
        for exercise, seconds in totals.exercises.items():
            exercises[exercise] = exercises.get(exercise, 0) + seconds
        pain += totals.pain
        bad |= totals.bad
    pain.sort(key=lambda check: check[0])  # by day; within a day, one machine's stay in order
    return dict(sorted(days.items())), MonthTotals(routines, exercises, pain, bad, breaks)
