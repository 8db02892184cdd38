"""Working hours and days: parsing what a user types, and which wall times they cover."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.settings.hours import WorkingHours, hours_text, parse_days, parse_hours


def at(day: int, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 16 + day, hh, mm)  # 16 Nov 2026 is a Monday


def test_parse_hours_and_back():
    assert parse_hours("9:00 - 17:30") == (540, 1050)
    assert hours_text(540, 1050) == "09:00-17:30"
    assert parse_hours("00:00-24:00") == (0, 1440)


@pytest.mark.parametrize("bad", ["9-5", "25:00-26:00", "09:60-10:00", "10:00-10:00", ""])
def test_bad_hours_say_how_to_write_them(bad):
    with pytest.raises(ValueError, match="HH:MM|exist|empty"):
        parse_hours(bad)


def test_parse_days():
    assert parse_days("mon-fri") == ("mon", "tue", "wed", "thu", "fri")
    assert parse_days("Sat, mon,Wednesday") == ("mon", "wed", "sat")
    assert parse_days("fri-mon") == ("mon", "fri", "sat", "sun")
    with pytest.raises(ValueError, match="mon-fri"):
        parse_days("weekdays")


def test_contains_hours_and_days():
    hours = WorkingHours.parse("09:00-17:00", "mon-fri")
    assert hours.contains(at(0, 9)) and hours.contains(at(4, 16, 59))
    assert not hours.contains(at(0, 8, 59)) and not hours.contains(at(0, 17))
    assert not hours.contains(at(5, 10))  # Saturday


def test_a_span_past_midnight_belongs_to_the_day_it_starts():
    hours = WorkingHours.parse("22:00-02:00", "fri")
    assert hours.contains(at(4, 23)) and hours.contains(at(5, 1, 30))
    assert not hours.contains(at(5, 2)) and not hours.contains(at(5, 23))
