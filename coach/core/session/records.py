"""What backcoach remembers: finished (or stopped) sessions and the user's settings."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from coach.core.content.models import Dosing
from coach.core.nudge.hours import WEEKDAYS, hours_text, parse_days, parse_hours
from coach.core.nudge.notify import NOTIFY_KINDS, NotifyKind

SCHEMA_VERSION = 1

Outcome = Literal["done", "partial", "skipped"]
SessionStatus = Literal["in progress", "completed", "stopped"]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StepResult(Record):
    """How one routine step went."""

    exercise_id: str
    exercise_name: str
    planned: Dosing
    outcome: Outcome
    seconds: int = Field(ge=0)  # seconds of work actually done (rests and switches excluded)
    reps: int = Field(ge=0)  # reps or holds actually completed, summed over sets and sides


class SessionRecord(Record):
    """One session as stored. UTC instants, plus the zone and the training day they count for."""

    schema_version: int = SCHEMA_VERSION
    uuid: str = Field(default_factory=lambda: str(uuidlib.uuid4()))
    routine_id: str
    routine_name: str  # as it was called then, so history reads the same after a rename
    started_at: AwareDatetime
    ended_at: AwareDatetime | None = None
    zone: str  # IANA name, e.g. "Europe/Berlin"
    day: dt.date  # the local training day the session counts for
    status: SessionStatus = "in progress"
    steps: tuple[StepResult, ...] = ()
    pain_before: int | None = Field(None, ge=0, le=10)
    pain_after: int | None = Field(None, ge=0, le=10)
    counts_for_streak: bool = True  # False: a micro-break the user keeps out of the streak

    @property
    def seconds(self) -> int:
        return sum(step.seconds for step in self.steps)


class Settings(Record):
    safety_acknowledged: bool = False
    bell: bool = True
    reduce_motion: bool = False
    pain_checkin: bool = True
    day_start_hour: int = Field(4, ge=0, le=12)
    weekly_goal_days: int = Field(4, ge=1, le=7)
    theme: str = "textual-dark"
    # Stand-up nudges: how often, when, and how they reach the user.
    nudge_minutes: int = Field(30, ge=1, le=240)
    snooze_minutes: int = 5
    work_hours: str = "08:00-18:00"
    work_days: tuple[str, ...] = WEEKDAYS[:5]
    notify: tuple[NotifyKind, ...] = NOTIFY_KINDS
    break_counts_for_streak: bool = False

    @field_validator("snooze_minutes")
    @classmethod
    def _snooze(cls, value: int) -> int:
        if value not in (5, 10):
            raise ValueError(f"must be 5 or 10 (minutes), got {value}")
        return value

    @field_validator("work_hours")
    @classmethod
    def _hours(cls, value: str) -> str:
        return hours_text(*parse_hours(value))

    @field_validator("work_days", mode="before")
    @classmethod
    def _days(cls, value: object) -> object:
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        return parse_days(value) if isinstance(value, str) else value

    @field_validator("notify", mode="before")
    @classmethod
    def _notify(cls, value: object) -> object:
        if isinstance(value, str):  # "bell,desktop" as typed; "none" for silence
            value = [] if value.strip().lower() == "none" else value.split(",")
        if isinstance(value, (list, tuple)):
            picked = {str(v).strip().lower() for v in value}
            return tuple(kind for kind in NOTIFY_KINDS if kind in picked) + tuple(
                sorted(picked - set(NOTIFY_KINDS)))  # unknown ones stay, and fail by name
        return value
