"""The session bar moves in whole cells and at most every few seconds: each move resends a line."""

from __future__ import annotations

import pytest

from coach.ui.widgets.session_bar import STEP_S, bar_progress


@pytest.mark.parametrize(("total", "cells"), [(65, 66), (140, 66), (900, 66), (30, 10), (7, 200)])
def test_the_bar_trails_the_truth_by_less_than_a_step_and_moves_rarely(total, cells):
    shown = [bar_progress(done, total, cells) for done in range(total + 1)]
    step = max(total / cells, STEP_S)
    assert all(0 <= done - s < step for done, s in enumerate(shown))
    assert shown == sorted(shown)  # never backwards
    moves = sum(1 for a, b in zip(shown, shown[1:]) if a != b)
    assert moves <= total / STEP_S  # never more than once per STEP_S seconds
    assert moves <= cells  # and never for less than a whole cell


def test_a_bar_with_no_width_or_no_total_shows_the_truth():
    assert bar_progress(3, 0, 66) == 3
    assert bar_progress(3, 10, 0) == 3
