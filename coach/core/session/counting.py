"""What a stored session counts for: the one rule every screen and command counts by.

- A *session* is a stored record with some work done (work seconds > 0). It counts in every
  number of sessions: the calendar's day, Totals, `status`, the History heading, the export
  line. A record with no work (opened and left at once) is kept, listed and exported, and
  said to be "not counted"; a discarded or deleted one is not stored, so nothing counts it.
- A *stand-up break* is a session of the micro-break routine. It is a session like any other;
  the wording says which of the sessions are breaks ("2 sessions, 1 of them a stand-up break").
- A session counts for the *streak* (its training day, the weekly goal, habit strength and the
  calendar's shading) when a step was done or partly done, and it is not a break the user keeps
  out of the streak (Settings: "A micro-break counts for the streak").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from coach.core.session.records import SessionRecord
from coach.core.wording import count

STAND_UP_BREAK = "micro-break"  # the routine id of the stand-up break a nudge starts


class Counts(NamedTuple):
    """What one stored session counts for."""

    session: bool  # counted as a session at all
    stand_up_break: bool  # a counted session that is a stand-up break
    streak: bool  # a counted session that marks its day for the streak and weekly goal


NOT_COUNTED = Counts(False, False, False)


def counts_of(routine_id: str, steps: Iterable[tuple[str, int]], keeps_streak: bool) -> Counts:
    """The rule itself, on plain values: the routine, (outcome, work seconds) per step, and
    whether the record was saved as one that may count for the streak."""
    steps = list(steps)
    if sum(seconds for _, seconds in steps) <= 0:
        return NOT_COUNTED
    real_work = any(outcome in ("done", "partial") for outcome, _ in steps)
    return Counts(True, routine_id == STAND_UP_BREAK, real_work and keeps_streak)


def record_counts(record: SessionRecord) -> Counts:
    return counts_of(record.routine_id, ((s.outcome, s.seconds) for s in record.steps),
                     record.counts_for_streak)


def doc_counts(doc: Mapping[str, Any]) -> Counts:
    """The rule over a record as stored (JSON), without building a model; anything that is
    not a record's shape counts for nothing."""
    steps = doc.get("steps", ())
    steps = [step for step in steps if isinstance(step, Mapping)] \
        if isinstance(steps, (list, tuple)) else []
    pairs = [(str(step.get("outcome")), _seconds(step.get("seconds"))) for step in steps]
    return counts_of(str(doc.get("routine_id", "")), pairs, doc.get("counts_for_streak", True)
                     is not False)


def _seconds(value: Any) -> int:
    return value if type(value) is int and value > 0 else 0


class DayCount(NamedTuple):
    """One training day's sessions, by the rule: what the calendar, streak and `status` read."""

    sessions: int  # counted sessions, stand-up breaks included
    seconds: int  # their work
    breaks: int  # of the sessions, stand-up breaks
    streak: int  # of the sessions, the ones that count for the streak

    def plus(self, other: DayCount) -> DayCount:
        return DayCount(*(a + b for a, b in zip(self, other, strict=True)))


NO_DAY = DayCount(0, 0, 0, 0)


def day_count_of(counts: Counts, seconds: int) -> DayCount:
    """One session's share of its day (NO_DAY when it is not counted)."""
    if not counts.session:
        return NO_DAY
    return DayCount(1, seconds, int(counts.stand_up_break), int(counts.streak))


def streak_days(days: Mapping[dt.date, DayCount]) -> dict[dt.date, tuple[int, int]]:
    """The days that count for the streak, weekly goal and habit strength: day -> (sessions,
    seconds) of that day."""
    return {day: (c.sessions, c.seconds) for day, c in days.items() if c.streak}


def sessions_text(sessions: int, breaks: int) -> str:
    """'2 sessions, 1 of them a stand-up break'; '1 session, a stand-up break'; '3 sessions'."""
    text = count(sessions, "session")
    if not breaks:
        return text
    if sessions == 1:
        return f"{text}, a stand-up break"
    if breaks == sessions:
        return f"{text}, all stand-up breaks"
    return f"{text}, {breaks} of them {'a stand-up break' if breaks == 1 else 'stand-up breaks'}"


def counts_text(counts: Counts, keeps_streak: bool = True) -> str:
    """What one session counts for, in words, for its detail view."""
    if not counts.session:
        return "Not counted: no work was done"
    what = "A stand-up break: counts as a session" if counts.stand_up_break else \
        "Counts as a session"
    if counts.streak:
        return f"{what} and for the streak"
    if counts.stand_up_break and not keeps_streak:
        return f"{what}, not for the streak (breaks are kept out of it; Settings changes that)"
    return f"{what}, not for the streak (no step was done)"


def listing_text(records: Iterable[SessionRecord]) -> str:
    """What a list of stored records holds, by the rule: '3 sessions, 1 of them a stand-up
    break; 1 more kept but not counted (no work done)'."""
    return tally_text(record_counts(record) for record in records)


def tally_text(counts: Iterable[Counts]) -> str:
    """listing_text() of records already judged."""
    sessions = breaks = uncounted = 0
    for counted in counts:
        sessions += counted.session
        breaks += counted.stand_up_break
        uncounted += not counted.session
    text = sessions_text(sessions, breaks)
    if uncounted:
        text += f"; {uncounted} more kept but not counted (no work done)"
    return text


def tag(counts: Counts) -> str:
    """A short word for a list row: what sets this session apart, or nothing."""
    if not counts.session:
        return "not counted"
    return "stand-up break" if counts.stand_up_break else ""
