"""Progress in words: the head line, a session's lines, the totals and the pain trend."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple
from zoneinfo import ZoneInfo

from rich.text import Text

from coach.core.history.progress import (
    Totals,
    habit_strength,
    streaks,
    weekly_goal,
    weekly_pain,
)
from coach.core.session.counting import (
    Counts,
    DayCount,
    record_counts,
    sessions_text,
    streak_days,
    tag,
)
from coach.core.session.records import LOGGED_TEXT, SessionRecord
from coach.core.text import OUTCOME_MARKS, duration_text
from coach.core.wording import count

SPARKS = "▁▂▃▄▅▆▇█"
PAIN_WEEKS = 52


class SessionLine(NamedTuple):
    """One history row: all the list needs, so the full records can go."""

    uuid: str
    routine_name: str
    day: dt.date
    started_at: dt.datetime
    zone: str
    status: str
    seconds: int
    counts: Counts
    logged: bool = False  # logged by hand: done away from the app

    @classmethod
    def of(cls, r: SessionRecord) -> SessionLine:
        return cls(r.uuid, r.routine_name, r.day, r.started_at, r.zone, r.status, r.seconds,
                   record_counts(r), r.logged)

    def when_and_status(self) -> str:
        """'2026-11-20 09:00 · completed', '… · not counted', '2026-11-20 · logged by hand'."""
        clock, status = shown_clock_status(self.started_at, self.zone, self.status, self.logged)
        when = self.day.isoformat() if self.logged else f"{self.day.isoformat()} {clock}"
        label = tag(self.counts)
        return f"{when} · {status}{f' · {label}' if label else ''}"


class HistoryPage(NamedTuple):
    """The newest sessions as loaded (newest first), and whether older ones were left out."""

    lines: list[SessionLine]
    more: bool


def local_time(instant: dt.datetime, zone: str) -> str:
    """The start as the clock on the wall read it, in the zone it was done in."""
    try:
        return instant.astimezone(ZoneInfo(zone)).strftime("%H:%M")
    except (ValueError, KeyError, OSError):  # a zone this system does not know
        return instant.strftime("%H:%M UTC")


def head_text(counted: dict[dt.date, DayCount], today: dt.date, goal: int) -> Text:
    """Streak, this week against the goal, habit strength: each says what it is."""
    days = streak_days(counted)
    current, longest = streaks(days, today)
    week = weekly_goal(days, today, goal)
    strength = habit_strength(days, today, goal)
    text = Text()
    text.append(f"Streak {count(current, 'day')}", "bold")
    text.append(f" (best {longest})  ·  ")
    text.append(f"This week {week.days_this_week}/{week.goal} days"
                f"{' ✓' if week.met else ''}", "bold")
    text.append(f" (goal met {count(week.streak_weeks, 'week')} running)\n")
    text.append(f"Habit strength {round(strength * 100)}%", "bold")
    text.append(" — how steady the habit is; recent days weigh most", "dim")
    return text


def spark(values: list[float | None]) -> Text:
    """Pain on a fixed 0-10 scale, one character a week; a gap where there was no check-in."""
    text = Text()
    for value in values:
        if value is None:
            text.append(" ")
        else:
            text.append(SPARKS[min(7, int(value / 10 * 7.999))], "yellow")
    return text


def pain_text(trend) -> Text:
    text = Text()
    if not trend:
        text.append("\nPain trend: no check-ins yet.", "dim")
        return text
    weeks = weekly_pain(trend)[-PAIN_WEEKS:]
    text.append(f"\nPain, weekly average on a 0-10 scale ({count(len(trend), 'check-in')})\n",
                "bold")
    text.append("before ", "dim")
    text.append_text(spark([b for _, b, _ in weeks]))
    text.append("\nafter  ", "dim")
    text.append_text(spark([a for _, _, a in weeks]))
    day, before, after = trend[-1]
    text.append(f"\nlatest {day}: {'–' if before is None else before} before → "
                f"{'–' if after is None else after} after", "dim")
    return text


def shown_clock_status(started_at: dt.datetime, zone: str, status: str,
                       logged: bool) -> tuple[str, str]:
    """The start's wall-clock time and the status as shown: a session logged by hand has no
    time anyone saw, and says how it was recorded."""
    if logged:
        return "--:--", LOGGED_TEXT
    return local_time(started_at, zone), status


def session_lines(record: SessionRecord) -> Text:
    text = Text()
    clock, status = shown_clock_status(record.started_at, record.zone, record.status,
                                       record.logged)
    text.append(f"{clock}  {record.routine_name}", "bold")
    label = tag(record_counts(record))
    text.append(f"  {duration_text(record.seconds)} · {status}"
                f"{f' · {label}' if label else ''}\n", "dim")
    for step in record.steps:
        text.append(f"  {OUTCOME_MARKS[step.outcome]} {step.exercise_name}")
        text.append(f"  {duration_text(step.seconds)}\n", "dim")
    return text


def totals_text(done: Totals) -> Text:
    text = Text()
    text.append(f"{sessions_text(done.sessions, done.breaks)} · "
                f"{duration_text(done.seconds)} of work\n\n", "bold")
    text.append("By routine\n", "bold")
    for name, (n, seconds) in done.by_routine.items():
        text.append(f"  {name[:28]:<28} {n:>4} × {duration_text(seconds):>8}\n")
    text.append("\nBy body area\n", "bold")
    most = max(done.by_target.values(), default=1)
    for target, seconds in done.by_target.items():
        bar = "█" * max(1, round(20 * seconds / most))
        text.append(f"  {target:<12} ")
        text.append(bar, "green")
        text.append(f" {duration_text(seconds)}\n", "dim")
    return text


def day_text(day: dt.date, counted: DayCount, records: list[SessionRecord] | None,
             can_log: bool = False) -> Text:
    """A day's sessions as the rule counts them, and whether the day counts for the streak;
    `can_log`: l logs a session on this day (one not yet to come)."""
    text = Text()
    text.append(day.strftime("%a %-d %b %Y") + "\n", "bold")
    keys = []
    if not counted.sessions:
        text.append("No session.\n", "dim")
    else:
        text.append(f"{sessions_text(counted.sessions, counted.breaks)}\n")
        if counted.streak:
            why = "counts for the streak"
        elif counted.breaks == counted.sessions:
            why = "breaks: not in the streak"
        else:
            why = "not in the streak (no step done)"
        text.append(f"{duration_text(counted.seconds)} of work · {why}\n", "dim")
        if records is None:
            keys.append(("Enter", "show the sessions"))
        else:
            text.append("\n")
            for record in records:
                text.append_text(session_lines(record))
    if can_log:
        keys.append(("l", "log one done away from the app"))
    for key, label in keys:  # the first after a blank line, then one a line
        text.append("\n")
        text.append(key, "bold reverse")
        text.append(f" {label}")
    return text
