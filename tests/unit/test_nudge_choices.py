"""The nudge settings as the settings screen changes them, a key at a time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coach.core.nudge.choices import NUDGE_CHOICES, change, shown
from coach.core.settings.hours import parse_hours
from coach.core.settings.model import Settings


def moved(settings: Settings, name: str, *steps: int) -> Settings:
    for step in steps:
        settings = change(settings, name, step) or settings
    return settings


def test_the_interval_moves_by_five_minutes_and_stays_in_range():
    s = Settings()
    assert moved(s, "nudge_minutes", 1).nudge_minutes == 35
    assert moved(s, "nudge_minutes", -1, -1).nudge_minutes == 20
    assert change(s.model_copy(update={"nudge_minutes": 5}), "nudge_minutes", -1) is None
    assert moved(s, "nudge_minutes", *[1] * 60).nudge_minutes == 240
    assert shown(s, "nudge_minutes") == "30 min"


def test_snooze_goes_between_five_and_ten():
    s = Settings()
    assert moved(s, "snooze_minutes", 1).snooze_minutes == 10
    assert moved(s, "snooze_minutes", 1, -1).snooze_minutes == 5


def test_working_hours_move_by_half_an_hour_within_the_day():
    s = Settings()  # 08:00-18:00
    assert moved(s, "work_start", -1).work_hours == "07:30-18:00"
    assert moved(s, "work_end", 1, 1).work_hours == "08:00-19:00"
    assert moved(s, "work_end", *[1] * 20).work_hours == "08:00-24:00"
    assert moved(s, "work_start", *[-1] * 20).work_hours == "00:00-18:00"
    assert change(s, "work_start", 0) is None  # Enter changes nothing here
    assert (shown(s, "work_start"), shown(s, "work_end")) == ("08:00", "18:00")


def test_days_cycle_through_the_usual_weeks():
    s = Settings()
    assert shown(s, "work_days") == "Mon-Fri"
    assert shown(moved(s, "work_days", 1), "work_days") == "Mon-Sat"
    assert shown(moved(s, "work_days", 1, 1), "work_days") == "every day"
    assert shown(moved(s, "work_days", -1), "work_days") == "every day"
    odd = s.model_copy(update={"work_days": ("mon", "wed")})
    assert shown(odd, "work_days") == "mon,wed"  # set with `backcoach settings`: shown as is
    assert shown(moved(odd, "work_days", 1), "work_days") == "Mon-Fri"


def test_each_way_of_nudging_toggles_on_its_own():
    s = moved(Settings(), "notify_bell", 0)
    assert s.notify == ("toast", "desktop") and shown(s, "notify_bell") is False
    s = moved(s, "notify_toast", 0)
    assert s.notify == ("desktop",) and shown(s, "notify_desktop") is True
    assert moved(s, "notify_bell", 0).notify == ("bell", "desktop")  # in the usual order


def test_the_streak_choice_toggles():
    assert moved(Settings(), "break_counts_for_streak", 0).break_counts_for_streak is True


@given(st.lists(st.tuples(st.sampled_from(sorted(NUDGE_CHOICES)), st.sampled_from([-1, 0, 1])),
                max_size=60))
def test_any_keys_leave_valid_settings_that_show(presses):
    s = Settings()
    for name, step in presses:
        new = change(s, name, step)
        assert new is None or new != s  # a change changes something, or says it did not
        s = new or s
        assert Settings.model_validate(s.model_dump()) == s
        parse_hours(s.work_hours)
        for other in NUDGE_CHOICES:
            assert shown(s, other) != ""
