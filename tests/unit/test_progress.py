from __future__ import annotations

import datetime as dt

import pytest

from coach.core.progress import streaks

TODAY = dt.date(2026, 11, 10)


def ago(*offsets: int) -> list[dt.date]:
    return [TODAY - dt.timedelta(days=n) for n in offsets]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], (0, 0)),
        (ago(0), (1, 1)),
        (ago(1), (1, 1)),  # today not trained yet: yesterday's streak still stands
        (ago(2), (0, 1)),  # a day was missed
        (ago(0, 1, 2), (3, 3)),
        (ago(1, 2, 3), (3, 3)),
        (ago(0, 2, 3, 4, 5), (1, 4)),
        (ago(0, 0, 1), (2, 2)),  # two sessions on one day count once
        (ago(10, 11, 12, 13, 14, 15, 16, 17, 18) + ago(0, 1, 2), (3, 9)),
        (ago(-1), (0, 1)),  # a day after today (a clock change) does not extend the streak
        (ago(-1, 0, 1), (2, 3)),
        ([dt.date(2024, 2, 28), dt.date(2024, 2, 29), dt.date(2024, 3, 1)], (0, 3)),  # leap day
        ([dt.date(2025, 12, 31), dt.date(2026, 1, 1)], (0, 2)),  # across a new year
    ],
)
def test_streaks(days, expected):
    assert streaks(days, TODAY) == expected


def test_streaks_takes_any_iterable_of_days():
    sessions = {TODAY: (1, 60), TODAY - dt.timedelta(days=1): (2, 300)}
    assert streaks(sessions, TODAY) == (2, 2)
    assert streaks(iter(ago(0, 1)), TODAY) == (2, 2)
