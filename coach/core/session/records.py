"""What backcoach remembers of a session: finished (or stopped) sessions and their steps.
(The user's settings live in coach/core/settings.)"""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuidlib
from functools import lru_cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from coach.core.content.models import Dosing
from coach.core.text import STORED as READ_AS_IS
from coach.core.text import UserLine

SCHEMA_VERSION = 1

# Validation contexts for data read back: a uuid must be there, never made up, or a record
# without one would be reported under an id nobody can find. What backcoach stored itself is
# read, its text neutralised as it is read (core/text.py); an import is checked like typed text.
IMPORTED = {"given_uuid": True}
STORED = {**READ_AS_IS, **IMPORTED}
# Training days a session can have: wide enough for any clock, narrow enough that calendar
# arithmetic (a week before, a day after) never leaves Python's date range.
FIRST_DAY = dt.date(1970, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)
_ZONE_NAME = re.compile(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*")


def _whole_text(text: str) -> str:
    # A lone surrogate cannot be written as UTF-8: the next save or print would fail on it.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("holds a broken character (a lone surrogate)") from None
    return text


@lru_cache(maxsize=64)
def _known_zone(name: str) -> bool:
    if not _ZONE_NAME.fullmatch(name) or ".." in name:  # a path is no zone name
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _zone(name: str) -> str:
    if not _known_zone(name):
        raise ValueError(f"must be an IANA zone name like 'Europe/Berlin', got {name[:40]!r}")
    return name


Line = Annotated[UserLine, AfterValidator(_whole_text)]  # one line of user text
Zone = Annotated[str, AfterValidator(_zone)]

Outcome = Literal["done", "partial", "skipped"]
SessionStatus = Literal["in progress", "completed", "stopped"]
# How a session came to be recorded: run in the app, or logged by hand afterwards (done away
# from the app; `backcoach log`, or the progress screen's day view).
SessionSource = Literal["app", "logged"]
LOGGED_TEXT = "logged by hand"  # how every screen, command and export marks a logged session


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # schemas at first use: faster start


class StepResult(Record):
    """How one routine step went."""

    exercise_id: Line  # imported text: no terminal controls
    exercise_name: Line
    planned: Dosing
    outcome: Outcome
    seconds: int = Field(ge=0)  # seconds of work actually done (rests and switches excluded)
    reps: int = Field(ge=0)  # reps or holds actually completed, summed over sets and sides


class SessionRecord(Record):
    """One session as stored. UTC instants, plus the zone and the training day they count for."""

    schema_version: int = SCHEMA_VERSION
    uuid: Line = Field(default_factory=lambda: str(uuidlib.uuid4()))
    routine_id: Line
    routine_name: Line  # as it was called then, so history reads the same after a rename
    started_at: AwareDatetime
    ended_at: AwareDatetime | None = None
    zone: Zone  # IANA name, e.g. "Europe/Berlin"
    day: dt.date = Field(ge=FIRST_DAY, le=LAST_DAY)  # the local training day it counts for
    status: SessionStatus = "in progress"
    steps: tuple[StepResult, ...] = ()
    pain_before: int | None = Field(None, ge=0, le=10)
    pain_after: int | None = Field(None, ge=0, le=10)
    counts_for_streak: bool = True  # False: a micro-break the user keeps out of the streak
    # How many records of this session came before it: each save of a session under way is
    # a later one, so a kept copy or a retry is known to be older than what the store holds
    # by this number, never by equality or by a clock.
    revision: int = Field(0, ge=0)
    source: SessionSource = "app"  # records from before there was logging were all run here

    @property
    def logged(self) -> bool:
        return self.source == "logged"

    @property
    def seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    @model_validator(mode="before")
    @classmethod
    def _uuid_kept(cls, data: Any, info: ValidationInfo) -> Any:
        if info.context and info.context.get("given_uuid") and isinstance(data, dict) \
                and "uuid" not in data:
            raise ValueError("uuid: is missing; a stored session keeps the uuid it was given")
        return data

    @model_validator(mode="after")
    def _times_agree(self) -> SessionRecord:
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise ValueError("ended_at: is before started_at; a session ends after it starts")
        if not FIRST_DAY <= self.started_at.date() <= LAST_DAY:  # before astimezone overflows
            raise ValueError(f"started_at: must be from {FIRST_DAY} to {LAST_DAY}")
        # The training day is the local date of the start, or the day before (day_start_hour).
        local = self.started_at.astimezone(ZoneInfo(self.zone)).date()
        if self.day not in (local, local - dt.timedelta(days=1)):
            raise ValueError(
                f"day: {self.day} is not the day of started_at ({local}) in {self.zone}"
            )
        return self
