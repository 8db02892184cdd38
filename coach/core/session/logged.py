"""Sessions done away from the app, logged by hand afterwards (`backcoach log`, the progress
screen's day view): what may be logged, and the record that is stored for it.

A logged session is stored as a completed session of the routine, marked `source: "logged"`:
every step done, the minutes given spread over the steps by their planned work. So it counts
for the calendar, the streak, the weekly goal and the totals exactly as a session run in the
app does, and nothing that counts sessions needs to know about logging.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from coach.core.content.loading import RoutineInfo
from coach.core.session.counting import STAND_UP_BREAK
from coach.core.session.outcomes import planned_units, planned_work_s
from coach.core.session.records import SessionRecord, StepResult
from coach.core.text import terminal_safe
from coach.core.time.days import training_day

MIN_MINUTES, MAX_MINUTES = 1, 300  # a whole routine of a minute, up to five hours
DAYS_BACK = 365  # a year of catching up; older than that is a typo in the year
LOGGED_AT_HOUR = 12  # a past day's logged session "started" at noon: no clock saw it


class LogProblem(ValueError):
    """What cannot be logged, as one line naming the field and the fix."""


def parse_minutes(text: str, field: str = "--minutes") -> int:
    """A whole number of minutes in the allowed range."""
    try:
        minutes = int(text.strip())
    except ValueError:
        minutes = None
    if minutes is None or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise LogProblem(f"{field}: must be a whole number of minutes from {MIN_MINUTES} to "
                         f"{MAX_MINUTES}, got {text[:20]!r}")
    return minutes


def usual_minutes(info: RoutineInfo) -> int:
    """The routine's length in whole minutes, within the range: what a log says by default."""
    return min(MAX_MINUTES, max(MIN_MINUTES, round(info.seconds / 60)))


def check_day(day: dt.date, today: dt.date, field: str = "--date") -> dt.date:
    """The day, if a session may be logged for it: today or up to DAYS_BACK days before."""
    if day > today:
        raise LogProblem(f"{field}: {day} is in the future (today is {today}); "
                         "log what you did today or on a day before")
    if (today - day).days > DAYS_BACK:
        raise LogProblem(f"{field}: {day} is more than {DAYS_BACK} days ago; "
                         f"give a day from {today - dt.timedelta(days=DAYS_BACK)} on")
    return day


def parse_day(text: str, today: dt.date, field: str = "--date") -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise LogProblem(f"{field}: must be a date like {today}, got {text[:20]!r}") from None
    return check_day(day, today, field)


def find_routine(routines: Mapping[str, RoutineInfo], text: str,
                 field: str = "ROUTINE") -> RoutineInfo:
    """The routine with this id or name (any case); else a problem listing close ones."""
    if text in routines:
        return routines[text]
    wanted = text.strip().casefold()
    for info in routines.values():
        if wanted in (info.routine.id.casefold(), info.routine.name.casefold()):
            return info
    close = close_routines(routines, wanted)
    hint = "did you mean " + " or ".join(close) + "? " if close else ""
    raise LogProblem(f"{field}: no routine {text[:40]!r}; {hint}"
                     "`backcoach routines` lists every id and name")


def close_routines(routines: Mapping[str, RoutineInfo], wanted: str) -> list[str]:
    """Up to three routines whose id or name is like `wanted`: 'id (name)'."""
    names = {info.routine.id.casefold(): key for key, info in routines.items()}
    names |= {info.routine.name.casefold(): key for key, info in routines.items()}
    keys = [names[n] for n in difflib.get_close_matches(wanted, names, n=6, cutoff=0.6)]
    if len(wanted) >= 3:
        keys += [key for name, key in names.items() if wanted in name]
    found = list(dict.fromkeys(keys))[:3]
    return [f"{key} ({terminal_safe(routines[key].routine.name)})" for key in found]


def logged_record(info: RoutineInfo, day: dt.date, minutes: int, now: dt.datetime, zone: str,
                  day_start_hour: int, break_counts_for_streak: bool = False) -> SessionRecord:
    """The record of `info` done on `day` for `minutes`, logged at `now` (aware). A stand-up
    break counts for the streak as the setting says, as one run in the app does."""
    today = training_day(now, zone, day_start_hour)
    check_day(day, today)
    parse_minutes(str(minutes))
    length = dt.timedelta(minutes=minutes)
    if day == today:  # it ended a moment ago, and began within today's training day
        day_start = dt.datetime.combine(day, dt.time(day_start_hour), ZoneInfo(zone))
        started = max(now - length, day_start.astimezone(dt.UTC))
        ended = now
    else:
        local = dt.datetime.combine(day, dt.time(LOGGED_AT_HOUR), ZoneInfo(zone))
        started = local.astimezone(dt.UTC)
        ended = started + length
    return SessionRecord(
        routine_id=info.routine.id,
        routine_name=terminal_safe(info.routine.name),
        started_at=started,
        ended_at=ended,
        zone=zone,
        day=day,
        status="completed",
        steps=_steps(info, minutes * 60),
        counts_for_streak=break_counts_for_streak or info.routine.id != STAND_UP_BREAK,
        revision=1,
        source="logged",
    )


def _steps(info: RoutineInfo, seconds: int) -> tuple[StepResult, ...]:
    """Every step done, `seconds` of work shared by their planned work (the last takes what
    rounding leaves, so they add up exactly)."""
    if not info.steps:
        return ()
    planned = planned_work_s(info.steps)
    weights = [max(1, p) for p in planned]
    shares = [seconds * w // sum(weights) for w in weights]
    shares[-1] += seconds - sum(shares)
    return tuple(
        StepResult(exercise_id=step.exercise.id, exercise_name=terminal_safe(step.exercise.name),
                   planned=step.dosing, outcome="done", seconds=share,
                   reps=planned_units(step))
        for step, share in zip(info.steps, shares, strict=True)
    )
