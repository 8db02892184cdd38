"""The user's settings: what the app may do, and when it may nudge.

Below content, sessions and nudges, which all read them; they read nothing of those.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach.core.settings.hours import WEEKDAYS, days_value, hours_text, parse_hours
from coach.core.text import Neutralised

NotifyKind = Literal["bell", "toast", "desktop"]
NOTIFY_KINDS: tuple[NotifyKind, ...] = ("bell", "toast", "desktop")


class Settings(BaseModel):
    """The user's choices; every field has a default, so a missing file is the defaults."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # schemas at first use: faster start

    safety_acknowledged: bool = False
    bell: bool = True
    reduce_motion: bool = False
    pain_checkin: bool = True
    day_start_hour: int = Field(4, ge=0, le=12)
    weekly_goal_days: int = Field(4, ge=1, le=7)
    theme: Neutralised = Field("textual-dark", max_length=60)  # a name the UI offers; unknown ones are ignored
    # Stand-up nudges: how often, when, and how they reach the user.
    nudge_minutes: int = Field(30, ge=1, le=240)
    snooze_minutes: int = 5
    work_hours: str = "08:00-18:00"
    work_days: tuple[str, ...] = WEEKDAYS[:5]
    notify: tuple[NotifyKind, ...] = NOTIFY_KINDS
    break_counts_for_streak: bool = False
    # No input (tmux, the desktop) this long is a natural break: the clock pauses, a break counts.
    away_minutes: int = Field(5, ge=1, le=60)

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

    _days = field_validator("work_days", mode="before")(days_value)

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

    def changed(self, field: str, step: int = 0) -> Settings | None:
        """These settings with a yes/no choice flipped (step 0) or a number moved by step;
        None when that would leave the allowed range or change nothing."""
        value = getattr(self, field)
        if isinstance(value, str):
            return None
        new = (not value) if isinstance(value, bool) else value + step
        if new == value:
            return None
        try:
            return Settings.model_validate(self.model_dump() | {field: new})
        except ValidationError:
            return None
