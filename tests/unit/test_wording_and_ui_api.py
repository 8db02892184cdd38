"""The small core functions the UI asks for: plurals, settings steps, months, problem keys."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from coach.core.content.editing import step_key, steps_with_problems
from coach.core.history.progress import add_months
from coach.core.settings.model import Settings
from coach.core.wording import count, reps


def test_plurals_and_units():
    assert count(1, "hold") == "1 hold" and count(2, "hold") == "2 holds"
    assert count(1, "check-in") == "1 check-in" and count(0, "session") == "0 sessions"
    assert reps(16, "breaths") == "16 breaths" and reps(1, "hold") == "1 hold"
    assert reps(5, "reps") == "5 reps"


def test_every_plural_goes_through_wording():
    """No noun made plural by hand beside coach/core/wording.py ("s" if n != 1, "item(s)")."""
    import re
    from pathlib import Path

    import coach

    by_hand = re.compile(r"['\"]s['\"] if |== 1 else ['\"]s['\"]|\w\(s\)[\x27\"]|== 1 else \"days\"")
    found = [f"{path.name}:{n}" for path in Path(coach.__file__).parent.rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if by_hand.search(line) and path.name != "wording.py"]
    assert found == []


def test_settings_step_within_their_ranges():
    settings = Settings()
    assert settings.changed("bell") == settings.model_copy(update={"bell": False})
    assert settings.changed("weekly_goal_days", 3).weekly_goal_days == 7
    assert settings.changed("weekly_goal_days", 4) is None  # 8 of 7: refused
    assert settings.changed("day_start_hour", -5) is None
    assert settings.changed("theme", 1) is None  # not a stepped value


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
       st.integers(-1200, 1200))
def test_add_months_lands_in_the_right_month_never_past_its_end(day, months):
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or moved.day < day.day and (moved + dt.timedelta(days=1)).day == 1


def test_problem_keys_give_step_numbers():
    problems = {step_key(2, "hold_s"): "x", step_key(10, "mode"): "y", "name": "z", "steps": "q"}
    assert steps_with_problems(problems) == [3, 11]
