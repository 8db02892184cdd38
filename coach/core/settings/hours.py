"""Working hours and days: when nudges may come. Wall time, in the user's zone."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_MINUTES = 24 * 60
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_hours(text: str) -> tuple[int, int]:
    """'09:00-17:30' -> (540, 1050) minutes after midnight; an end before the start runs past
    midnight, '00:00-24:00' is all day. Raises ValueError with the fix in its message."""
    match = _HOURS.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a span of hours; write it as HH:MM-HH:MM, e.g. 09:00-17:30")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if m1 > 59 or m2 > 59 or start >= DAY_MINUTES or end > DAY_MINUTES:
        raise ValueError(f"{text!r} has a time that does not exist; hours 00-23 (24:00 as an end)")
    if start == end:
        raise ValueError(f"{text!r} is empty; for all day write 00:00-24:00")
    return start, end


def hours_text(start: int, end: int) -> str:
    """(540, 1050) -> '09:00-17:30'."""
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


def parse_days(text: str) -> tuple[str, ...]:
    """'mon-fri' or 'mon,wed,sat' (or a mix) -> the days in week order. Raises ValueError."""
    chosen: set[int] = set()
    for part in (p.strip().lower() for p in text.split(",")):
        ends = [e.strip()[:3] for e in part.split("-")]
        if not part or len(ends) > 2 or any(e not in WEEKDAYS for e in ends):
            raise ValueError(f"{text!r} is not a list of days; write e.g. mon-fri or mon,wed,fri")
        first, last = WEEKDAYS.index(ends[0]), WEEKDAYS.index(ends[-1])
        span = (last - first) % 7
        chosen.update((first + i) % 7 for i in range(span + 1))
    return tuple(WEEKDAYS[i] for i in sorted(chosen))


def days_value(cls: object, value: object) -> object:
    """A days field as pydantic gets it ('mon-fri', or a list from a file) -> the days."""
    if isinstance(value, (list, tuple)):
        value = ",".join(str(v) for v in value)
    return parse_days(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class WorkingHours:
    start: int  # minutes after local midnight
    end: int  # minutes; at or before start means the span runs past midnight
    days: frozenset[int]  # weekday numbers, Monday 0: the day a span begins on

    @classmethod
    def parse(cls, hours: str, days: tuple[str, ...] | str) -> WorkingHours:
        start, end = parse_hours(hours)
        names = parse_days(days) if isinstance(days, str) else days
        return cls(start, end, frozenset(WEEKDAYS.index(d) for d in names))

    def contains(self, local: dt.datetime) -> bool:
        """Whether nudges may come at this local wall time."""
        minute = local.hour * 60 + local.minute
        if self.start < self.end:
            return local.weekday() in self.days and self.start <= minute < self.end
        if minute >= self.start:  # the evening part of a span past midnight
            return local.weekday() in self.days
        return minute < self.end and (local.weekday() - 1) % 7 in self.days


ALL_DAY = WorkingHours(0, DAY_MINUTES, frozenset(range(7)))
