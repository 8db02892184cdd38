"""What the history means: streaks, weekly goals, habit strength, totals, pain trend, calendars.

Pure functions of plain values, no I/O. Every function that takes `today` ignores days after
it: a clock or zone change can record a session "in the future", and it must not count early.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coach.core.content.models import Exercise
from coach.core.session.counting import record_counts
from coach.core.session.records import SessionRecord

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(weeks=1)
WINDOW_DAYS = 7  # habit strength looks at the last week, as a weekly goal does

# Minutes of work that shade a calendar day a step darker: a quick stretch, a short routine,
# a full routine, a long session.
LEVEL_LIMITS_S = (5 * 60, 15 * 60, 30 * 60)


# -- streaks of days -------------------------------------------------------------------------


def streaks(days: Iterable[dt.date], today: dt.date) -> tuple[int, int]:
    """(current, longest) runs of consecutive training days.

    The current streak still counts when today has nothing yet but yesterday does: the day is
    not over. Days after today (a clock or zone change) count for neither.
    """
    trained = {day for day in days if day <= today}
    return _current(trained, today), _longest(trained)


def _current(trained: set[dt.date], today: dt.date) -> int:
    day = today if today in trained else today - ONE_DAY
    run = 0
    while day in trained:
        run += 1
        day -= ONE_DAY
    return run


def _longest(dates: set[dt.date], step: dt.timedelta = ONE_DAY) -> int:
    """The longest run of dates `step` apart: days for streaks, Mondays for weekly goals."""
    longest = run = 0
    previous: dt.date | None = None
    for day in sorted(dates):
        run = run + 1 if previous is not None and day - previous == step else 1
        longest = max(longest, run)
        previous = day
    return longest


# -- weekly goal -----------------------------------------------------------------------------


def week_start(day: dt.date) -> dt.date:
    """The Monday of day's week."""
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekGoal:
    days_this_week: int  # training days so far this week (Mon..today)
    goal: int  # goal days per week (1..7)
    met: bool  # days_this_week >= goal
    streak_weeks: int  # consecutive weeks meeting the goal, up to this week if met, else last
    longest_weeks: int


def weekly_goal(days: Iterable[dt.date], today: dt.date, goal: int) -> WeekGoal:
    """This week's count against the goal, and runs of weeks that met it."""
    _check_goal(goal)
    this_week = week_start(today)
    per_week = Counter(week_start(day) for day in set(days) if day <= today)
    done = per_week[this_week]
    met = done >= goal
    met_weeks = {week for week, count in per_week.items() if count >= goal}
    # The current week is still open: not meeting the goal yet breaks nothing, so the streak
    # then runs up to last week.
    week = this_week if met else this_week - ONE_WEEK
    streak = 0
    while week in met_weeks:
        streak += 1
        week -= ONE_WEEK
    return WeekGoal(done, goal, met, streak, _longest(met_weeks, ONE_WEEK))



def _check_goal(goal: int) -> None:
    if not 1 <= goal <= 7:
        raise ValueError(f"a weekly goal is 1 to 7 days, not {goal}")


# -- habit strength --------------------------------------------------------------------------


def habit_strength(days: Iterable[dt.date], today: dt.date, goal: int) -> float:
    """0..1, an exponentially smoothed share of the weekly goal met (as Loop Habit Tracker)."""
    _check_goal(goal)
    trained = {day for day in days if day <= today}
    if not trained:
        return 0.0
    keep = strength_multiplier(goal)
    score = 0.0
    in_window = 0
    day = min(trained)
    while day <= today:
        # A rolling count over [day - 6, day]: add today, drop the day that left the window.
        in_window += day in trained
        in_window -= (day - dt.timedelta(days=WINDOW_DAYS)) in trained
        value = min(1.0, in_window / goal)
        score = score * keep + value * (1 - keep)
        day += ONE_DAY
    return score


def strength_multiplier(goal: int) -> float:
    """How much of yesterday's strength a day keeps: a rarer goal forgets more slowly."""
    return 0.5 ** (math.sqrt(goal / 7) / 13)


def strength_half_life(goal: int) -> float:
    """Days for habit strength to halve once every window is empty."""
    return 13 / math.sqrt(goal / 7)


# -- calendar shapes -------------------------------------------------------------------------


def level(seconds: int) -> int:
    """Shade of a calendar day: 0 none, 1 <5 min, 2 <15 min, 3 <30 min, 4 30 min or more."""
    if seconds <= 0:
        return 0
    return 1 + sum(seconds >= limit for limit in LEVEL_LIMITS_S)


def month_grid(year: int, month: int) -> list[list[dt.date | None]]:
    """The month as rows of weeks, Monday first, None for days outside the month."""
    weeks = calendar.Calendar(calendar.MONDAY).monthdatescalendar(year, month)
    return [[day if day.month == month else None for day in week] for week in weeks]


def months_with(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """(first, last) of each calendar month that holds a training day, oldest first."""
    months = sorted({(d.year, d.month) for d in days})
    return [(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])) for y, m in months]


def year_weeks(today: dt.date, weeks: int = 53) -> list[list[dt.date]]:
    """`weeks` columns of Mon..Sun dates, oldest first, the last the week containing today."""
    if weeks < 1:
        raise ValueError(f"a heatmap needs at least one week, not {weeks}")
    first = week_start(today) - ONE_WEEK * (weeks - 1)
    return [
        [first + ONE_WEEK * column + dt.timedelta(days=row) for row in range(7)]
        for column in range(weeks)
    ]


# -- totals and pain -------------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    sessions: int
    seconds: int  # work seconds
    by_routine: dict[str, tuple[int, int]]  # routine name as recorded -> (sessions, seconds)
    by_target: dict[str, int]  # target area -> seconds, most first
    breaks: int = 0  # of the sessions, stand-up breaks


def totals(records: Iterable[SessionRecord], exercises: Mapping[str, Exercise]) -> Totals:
    """Sessions (by counting.py's rule) and work seconds, overall, per routine and per target
    area."""
    sessions = seconds = breaks = 0
    by_routine: dict[str, tuple[int, int]] = {}
    by_target: dict[str, int] = {}
    for record in records:
        counted = record_counts(record)
        if not counted.session:
            continue
        worked = record.seconds
        sessions += 1
        breaks += counted.stand_up_break
        seconds += worked
        count, total = by_routine.get(record.routine_name, (0, 0))
        by_routine[record.routine_name] = (count + 1, total + worked)
        for step in record.steps:
            exercise = exercises.get(step.exercise_id)
            # An exercise since removed from the library has no targets to credit.
            if exercise is None or step.seconds == 0:
                continue
            for target in dict.fromkeys(exercise.targets):
                by_target[target] = by_target.get(target, 0) + step.seconds
    return sorted_totals(sessions, seconds, by_routine, by_target, breaks)


def sorted_totals(sessions: int, seconds: int, by_routine: dict[str, tuple[int, int]],
                  by_target: dict[str, int], breaks: int) -> Totals:
    """Totals with routines and areas ordered most work first (then most sessions, then name)."""
    return Totals(
        sessions=sessions,
        seconds=seconds,
        by_routine=dict(sorted(by_routine.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))),
        by_target=dict(sorted(by_target.items(), key=lambda kv: (-kv[1], kv[0]))),
        breaks=breaks,
    )


def pain_trend(records: Iterable[SessionRecord]) -> list[tuple[dt.date, int | None, int | None]]:
    """(day, pain before, pain after) for each session with a check-in, oldest first."""
    checked = [r for r in records if r.pain_before is not None or r.pain_after is not None]
    # By training day first so a chart's x axis only moves forward, then by instant within it.
    checked.sort(key=lambda r: (r.day, r.started_at))
    return [(r.day, r.pain_before, r.pain_after) for r in checked]


def weekly_pain(
    trend: Iterable[tuple[dt.date, int | None, int | None]],
) -> list[tuple[dt.date, float | None, float | None]]:
    """Pain check-ins averaged per week (Monday), oldest first: (week, before, after)."""
    weeks: dict[dt.date, tuple[list[int], list[int]]] = {}
    for day, before, after in trend:
        befores, afters = weeks.setdefault(week_start(day), ([], []))
        if before is not None:
            befores.append(before)
        if after is not None:
            afters.append(after)

    def mean(values: list[int]) -> float | None:
        return sum(values) / len(values) if values else None

    return [(week, mean(b), mean(a)) for week, (b, a) in sorted(weeks.items())]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
