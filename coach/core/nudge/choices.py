"""The nudge settings as the settings screen changes them: a key at a time, always valid.

Each choice is a name and a function (settings, step) -> new settings or None (nothing to
change, or out of range). Step 0 is a toggle (Enter, space), ±1 a move (←/→). Pure: the
screen draws `shown(...)` and posts what `change(...)` returns.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError

from coach.core.settings.hours import DAY_MINUTES, WEEKDAYS, hours_text, parse_hours
from coach.core.settings.model import NOTIFY_KINDS, Settings

HOURS_STEP_MIN = 30  # working hours move by half an hour
NUDGE_STEP_MIN = 5  # the interval moves by five minutes
DAY_SETS = (WEEKDAYS[:5], WEEKDAYS[:6], WEEKDAYS)  # mon-fri, mon-sat, every day
DAY_NAMES = {WEEKDAYS[:5]: "Mon-Fri", WEEKDAYS[:6]: "Mon-Sat", WEEKDAYS: "every day"}
HOW = {"bell": "the terminal bell", "toast": "a notice in the app",
       "desktop": "a desktop notification"}

Change = Callable[[Settings, int], Settings | None]


def _valid(settings: Settings, **update: object) -> Settings | None:
    try:
        new = Settings.model_validate(settings.model_dump() | update)
    except ValidationError:
        return None
    return None if new == settings else new


def _interval(settings: Settings, step: int) -> Settings | None:
    return _valid(settings, nudge_minutes=settings.nudge_minutes + step * NUDGE_STEP_MIN)


def _snooze(settings: Settings, step: int) -> Settings | None:
    return _valid(settings, snooze_minutes=10 if settings.snooze_minutes == 5 else 5)


def _hours(end: bool) -> Change:
    def change(settings: Settings, step: int) -> Settings | None:
        if not step:
            return None
        start, stop = parse_hours(settings.work_hours)
        moved = (stop if end else start) + step * HOURS_STEP_MIN
        if not 0 <= moved <= DAY_MINUTES or (not end and moved == DAY_MINUTES):
            return None
        start, stop = (start, moved) if end else (moved, stop)
        return _valid(settings, work_hours=hours_text(start, stop))

    return change


def _away(settings: Settings, step: int) -> Settings | None:
    return _valid(settings, away_minutes=settings.away_minutes + step)


def _days(settings: Settings, step: int) -> Settings | None:
    sets = list(DAY_SETS)
    at = sets.index(settings.work_days) if settings.work_days in sets else -1
    return _valid(settings, work_days=sets[(at + (step or 1)) % len(sets)])


def _notify(kind: str) -> Change:
    def change(settings: Settings, step: int) -> Settings | None:
        kinds = set(settings.notify) ^ {kind}
        return _valid(settings, notify=[k for k in NOTIFY_KINDS if k in kinds])

    return change


def _streak(settings: Settings, step: int) -> Settings | None:
    return _valid(settings, break_counts_for_streak=not settings.break_counts_for_streak)


# name -> (label, change); names are the settings screen's option ids
NUDGE_CHOICES: dict[str, tuple[str, Change]] = {
    "nudge_minutes": ("Nudge to stand up after sitting", _interval),
    "snooze_minutes": ("Snooze a nudge for", _snooze),
    "work_start": ("Nudges from (working hours)", _hours(end=False)),
    "work_end": ("Nudges until", _hours(end=True)),
    "work_days": ("Nudges on", _days),
    **{f"notify_{kind}": (f"Nudge with {HOW[kind]}", _notify(kind)) for kind in NOTIFY_KINDS},
    "break_counts_for_streak": ("A micro-break counts for the streak", _streak),
    "away_minutes": ("Away this long is a break (no input)", _away),
}


def shown(settings: Settings, name: str) -> str | bool:
    """What a choice shows: a yes/no (True/False) or its value as text."""
    if name.startswith("notify_"):
        return name.removeprefix("notify_") in settings.notify
    if name == "break_counts_for_streak":
        return settings.break_counts_for_streak
    if name in ("nudge_minutes", "snooze_minutes", "away_minutes"):
        return f"{getattr(settings, name)} min"
    if name in ("work_start", "work_end"):
        return settings.work_hours.split("-")[name == "work_end"]
    if name == "work_days":
        return DAY_NAMES.get(settings.work_days, ",".join(settings.work_days))
    raise KeyError(name)


def change(settings: Settings, name: str, step: int) -> Settings | None:
    return NUDGE_CHOICES[name][1](settings, step)
