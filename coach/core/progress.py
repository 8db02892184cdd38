"""What the history means: streaks of training days. Pure functions of plain values, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

ONE_DAY = dt.timedelta(days=1)


def streaks(days: Iterable[dt.date], today: dt.date) -> tuple[int, int]:
    """(current, longest) runs of consecutive training days.

    The current streak still counts when today has nothing yet but yesterday does: the day is
    not over. Days after today (a clock or zone change) never extend the current streak.
    """
    trained = set(days)
    return _current(trained, today), _longest(trained)


def _current(trained: set[dt.date], today: dt.date) -> int:
    day = today if today in trained else today - ONE_DAY
    run = 0
    while day in trained:
        run += 1
        day -= ONE_DAY
    return run


def _longest(trained: set[dt.date]) -> int:
    longest = run = 0
    previous: dt.date | None = None
    for day in sorted(trained):
        run = run + 1 if previous is not None and day - previous == ONE_DAY else 1
        longest = max(longest, run)
        previous = day
    return longest
