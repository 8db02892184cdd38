from __future__ import annotations

import pytest

from coach.core.content.models import Dosing
from coach.core.text import dosing_text, duration_text


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0 s"), (45, "45 s"), (60, "1 min"), (90, "1:30"), (600, "10 min"),
     (3599, "59:59"), (3600, "1 h 00 min"), (5400, "1 h 30 min"), (104062, "28 h 54 min")],
)
def test_duration_text(seconds, shown):
    assert duration_text(seconds) == shown


@pytest.mark.parametrize(
    ("dosing", "shown"),
    [
        (Dosing(mode="hold", reps=3, hold_s=25), "3 × 25 s hold"),
        (Dosing(mode="hold", reps=1, hold_s=45), "45 s hold"),
        (Dosing(mode="reps", reps=5, rep_s=4, per_side=True), "5 reps, each side"),
        (Dosing(mode="reps", reps=25, rep_s=3, sets=2, rest_s=60), "2 sets of 25 reps, 60 s rest"),
        (Dosing(mode="timed", duration_s=450), "7:30"),
        (Dosing(mode="breaths", reps=4, rep_s=6, sets=2, per_side=True),
         "2 sets of 4 breaths, each side"),
    ],
)
def test_dosing_text(dosing, shown):
    assert dosing_text(dosing) == shown
