"""The `status` command: the streak and the last session on one line, as JSON, or a template.

It reads the store without creating or changing anything, and loads no UI, so it stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach.commands.common import UserError, json_text, say
from coach.commands.nudge_status import NUDGE_FIELDS, nudge_fields
from coach.core.history.progress import WeekGoal, streaks, weekly_goal
from coach.core.session.counting import NO_DAY, record_counts, streak_days
from coach.core.session.records import LOGGED_TEXT, SessionRecord
from coach.core.time.days import local_zone_name, training_day
from coach.core.wording import count
from coach.paths import data_dir

if TYPE_CHECKING:
    from coach.core.storage.store import Store


@dataclass(frozen=True)
class _Status:
    streak: int
    longest: int
    today: dt.date
    today_done: bool
    last: SessionRecord | None
    sessions_total: int  # by coach.core.session.counting's rule, stand-up breaks included
    breaks_total: int  # of those, stand-up breaks
    week: WeekGoal
    nudges: dict[str, int | None]
    unshown: tuple[str, ...] = ()  # one line per stored record that cannot be counted


def _read_status(folder: Path) -> _Status:
    """The status, read without writing or creating anything in the data folder."""
    from coach.core.storage.store import Store, StoreError  # tinydb only when needed

    store = Store(folder)  # no open(): it creates the folder and may migrate files
    try:
        settings = store.settings()
        counted = store.day_counts()
        now = dt.datetime.now(dt.UTC)
        today = training_day(now, local_zone_name(), settings.day_start_hour)
        last = _last_session(store, max(counted)) if counted else None
        store.month_totals()  # from the summaries: notes the records left out of every count
        unshown = tuple(store.skipped.values())
        nudges = nudge_fields(folder, now, today, last, settings.away_minutes * 60)
        # Breaks as the sessions count them, as the Progress screen and the compact pane do.
        nudges["breaks_today"] = counted.get(today, NO_DAY).breaks
    except StoreError as exc:
        raise UserError(str(exc)) from None
    days = streak_days(counted)
    current, longest = streaks(days, today)
    total = sum(c.sessions for c in counted.values())
    breaks = sum(c.breaks for c in counted.values())
    week = weekly_goal(days, today, settings.weekly_goal_days)
    return _Status(current, longest, today, today in days, last, total, breaks, week, nudges,
                   unshown)


def _last_session(store: Store, day: dt.date) -> SessionRecord:
    # The latest of the day's sessions that count, as the summary counted them.
    worked = [r for r in store.sessions_between(day, day) if record_counts(r).session]
    if not worked:  # a month file gone or replaced behind the summary's back
        raise UserError(
            f"{store.folder}: the day summary lists sessions on {day} that no session file holds; "
            "start backcoach once to rebuild the summary"
        )
    return max(worked, key=lambda r: r.started_at)


# The shape of an IANA zone name; anything else is not asked of zoneinfo, which can fail on a
# long or odd name in ways beyond ZoneInfoNotFoundError (OSError, RecursionError).
_ZONE_NAME = re.compile(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+){0,3}")


def _zone(name: str) -> ZoneInfo:
    if len(name) <= 64 and _ZONE_NAME.fullmatch(name):
        try:
            return ZoneInfo(name)  # the clock the user saw when they started
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return ZoneInfo(local_zone_name())


def _when(record: SessionRecord, today: dt.date) -> str:
    zone = _zone(record.zone)
    # A session logged by hand has no clock time anyone saw: its day only.
    clock = "" if record.logged else " " + record.started_at.astimezone(zone).strftime("%H:%M")
    if record.day == today:
        return f"today{clock}"
    if record.day == today - dt.timedelta(days=1):
        return f"yesterday{clock}"
    return f"{record.day.isoformat()}{clock}"


def _status_line(status: _Status) -> str:
    parts = [f"streak {count(status.streak, 'day')}", f"longest {status.longest}"]
    if status.last is None:
        parts.append("no sessions yet")
    else:
        when = _when(status.last, status.today)
        mark = f", {LOGGED_TEXT}" if status.last.logged else ""
        parts.append(f"last session {when} ({status.last.routine_name}{mark})")
    parts.append("today: done" if status.today_done else "today: not yet")
    return " · ".join(parts)


def _status_json(status: _Status) -> dict:
    last = status.last
    return {
        "streak": status.streak,
        "longest": status.longest,
        "today_done": status.today_done,
        "last_session": None
        if last is None
        else {
            "routine": last.routine_name,
            "started_at": last.started_at.isoformat(),
            "day": last.day.isoformat(),
            "source": last.source,
        },
        "sessions_total": status.sessions_total,
        "breaks_total": status.breaks_total,
        "week": {
            "days": status.week.days_this_week,
            "goal": status.week.goal,
            "met": status.week.met,
        },
        "week_streak": status.week.streak_weeks,
        **status.nudges,
    }


STATUS_FIELDS = (
    "streak",
    "longest",
    "today",
    "today_mark",
    "week",
    "week_streak",
    "last",
    "sessions",
    "breaks",
    *NUDGE_FIELDS,
)


def _unknown_field(name: str) -> UserError:
    known = ", ".join("{" + f + "}" for f in STATUS_FIELDS)
    return UserError(f"status --format: unknown field {{{name}}}; known fields: {known}")


def _check_template(template: str) -> None:
    # Checked before the store is read, so a typo in a tmux config says so even on a new machine.
    try:
        fields = [(n, spec) for _, n, spec, _ in string.Formatter().parse(template) if n is not None]
    except ValueError as exc:  # "{streak" or a lone "}"
        raise UserError(f"status --format: {exc}; write {{{{ or }}}} for a brace itself") from None
    for name, spec in fields:
        if name not in STATUS_FIELDS:
            raise _unknown_field(name)
        if "{" in (spec or ""):  # "{streak:{sessions}{sessions}}": a width made of fields
            raise UserError(f"status --format: {{{name}:{spec}}}: a width is a number, "
                            "not a field")
        if re.search(r"\d{4,}", spec or ""):  # "{streak:099999999999}" would fill the memory
            raise UserError(f"status --format: {{{name}:{spec}}}: a width is at most 999")


def _status_fields(status: _Status) -> dict[str, object]:
    return {
        "streak": status.streak,
        "longest": status.longest,
        "today": "done" if status.today_done else "not yet",
        "today_mark": "✓" if status.today_done else "·",
        "week": f"{status.week.days_this_week}/{status.week.goal}",
        "week_streak": status.week.streak_weeks,
        "last": status.last.routine_name if status.last else "",
        "sessions": status.sessions_total,
        "breaks": status.breaks_total,
        **{k: "–" if v is None else v for k, v in status.nudges.items()},
    }


def _fill(template: str, status: _Status) -> str:
    try:
        return template.format_map(_status_fields(status))
    except KeyError as exc:  # a field named inside a format spec, "{streak:{width}}"
        raise _unknown_field(str(exc.args[0])) from None
    except (ValueError, TypeError, IndexError) as exc:  # "{streak:q}", "{streak:{}}"
        raise UserError(f"status --format: {exc}") from None


def cmd_status(args: argparse.Namespace) -> int:
    if args.format is not None:
        _check_template(args.format)
    status = _read_status(data_dir(args.data_dir))
    if args.format is not None:
        say(_fill(args.format, status))  # the template's own text too: it may be pasted
    elif args.json:
        print(json_text(_status_json(status)))
    else:
        say(_status_line(status))
    for line in status.unshown[:3]:  # the line above leaves these out: say so, don't hide it
        say(f"backcoach: {line}", err=True)
    return 2 if status.unshown else 0
