"""What backcoach remembers: finished (or stopped) sessions and the user's settings."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from coach.core.content.models import Dosing

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
