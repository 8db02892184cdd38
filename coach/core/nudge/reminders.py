"""Reminders: a routine at a time of day on chosen days ("after-work reset, weekdays 18:30").

Kept in this machine's nudges folder (reminders.json), as the nudger that delivers them runs
per machine. Each reminder remembers the last day it came up and, after "later", when it comes
again, so a restart neither repeats nor loses one. Wall time, in the user's zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from pydantic import AwareDatetime, Field, field_validator

from coach.core.disk import write_atomic
from coach.core.nudge.log import NudgeLog, read_checked
from coach.core.session.records import Record
from coach.core.settings.hours import WEEKDAYS, days_value

FILE = "reminders.json"
SCHEMA = 1
LATER_MIN = 10  # "later" asks again this much later
LATE_LIMIT_MIN = 60  # a reminder missed by more (the machine was off) is not brought up
_AT = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_at(text: str) -> str:
    """'18:30' or '8:05' -> 'HH:MM'; ValueError with the fix otherwise."""
    match = _AT.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a time of day; write it as HH:MM, e.g. 18:30")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


class Reminder(Record):
    routine: str = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9][a-z0-9-]*$")
    at: str
    days: tuple[str, ...] = WEEKDAYS
    last_day: dt.date | None = None  # the last local day it came up
    again_at: AwareDatetime | None = None  # "later": when it comes up again

    @field_validator("at")
    @classmethod
    def _at(cls, value: str) -> str:
        return parse_at(value)

    _days = field_validator("days", mode="before")(days_value)


class ReminderFile(Record):
    schema_version: int = SCHEMA
    reminders: tuple[Reminder, ...] = ()


def due(reminder: Reminder, now: dt.datetime, zone: str) -> bool:
    """Whether it comes up now: its time has come today (on one of its days, and not so long
    ago that the moment has passed), and it has not come up today; or a "later" ran out."""
    if reminder.again_at is not None:
        return now >= reminder.again_at
    local = now.astimezone(ZoneInfo(zone))
    if WEEKDAYS[local.weekday()] not in reminder.days or reminder.last_day == local.date():
        return False
    hour, minute = (int(p) for p in reminder.at.split(":"))
    since = local.hour * 60 + local.minute - (hour * 60 + minute)
    return 0 <= since <= LATE_LIMIT_MIN


def came_up(reminder: Reminder, now: dt.datetime, zone: str) -> Reminder:
    day = now.astimezone(ZoneInfo(zone)).date()
    return reminder.model_copy(update={"last_day": day, "again_at": None})


def later(reminder: Reminder, now: dt.datetime) -> Reminder:
    return reminder.model_copy(update={"again_at": now + dt.timedelta(minutes=LATER_MIN)})


def put(old: Iterable[Reminder], new: Reminder, replacing: str | None = None
        ) -> tuple[Reminder, ...]:
    """One reminder per routine: `new` goes last, in place of the routine's reminder (and of
    `replacing`'s, when an edit moved it to another routine)."""
    gone = {new.routine, replacing or new.routine}
    return (*(r for r in old if r.routine not in gone), new)


def without(old: Iterable[Reminder], routine: str) -> tuple[Reminder, ...]:
    return tuple(r for r in old if r.routine != routine)


class Reminders:
    """This machine's reminders file: read, change under the nudges lock, written atomically."""

    def __init__(self, log: NudgeLog) -> None:
        self.log = log

    def read(self) -> tuple[Reminder, ...]:
        path = self.log.reading_dir() / FILE
        found = read_checked(path, ReminderFile, SCHEMA, "reminders")
        return found.reminders if found is not None else ()

    def change(self, edit: Callable[[tuple[Reminder, ...]], Iterable[Reminder]]
               ) -> tuple[Reminder, ...]:
        with self.log.locked():
            new = tuple(edit(self.read()))
            write_atomic(self.log.folder / FILE, ReminderFile(reminders=new).model_dump_json().encode())
        return new

    def put_off(self, routine: str, now: dt.datetime | None = None) -> tuple[Reminder, ...]:
        """"Later": the routine's reminder comes up again LATER_MIN from now."""
        when = now or dt.datetime.now(dt.UTC)
        return self.change(lambda old: [later(r, when) if r.routine == routine else r
                                        for r in old])
