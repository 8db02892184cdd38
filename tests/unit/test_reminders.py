"""Reminders: on their days only, once a day, "later" re-arms; `backcoach remind` keeps them."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.cli import main
from coach.core.nudge.log import NudgeLog
from coach.core.nudge.reminders import Reminder, Reminders, came_up, due, later

ZONE = "Europe/Berlin"
FRI = dt.datetime(2026, 11, 20, 17, 30, tzinfo=dt.UTC)  # Friday 18:30 in Berlin


def at(days: float = 0, minutes: float = 0) -> dt.datetime:
    return FRI + dt.timedelta(days=days, minutes=minutes)


def test_a_weekday_reminder_fires_on_its_days_only_once_each():
    reminder = Reminder(routine="after-work", at="18:30", days="mon-fri")
    assert not due(reminder, at(minutes=-1), ZONE)
    assert due(reminder, at(), ZONE)
    reminder = came_up(reminder, at(), ZONE)
    assert not due(reminder, at(minutes=5), ZONE)  # once a day
    fired = []
    for day in range(1, 8):  # Sat .. next Fri, checked at 18:31 local
        moment = at(days=day, minutes=1)
        if due(reminder, moment, ZONE):
            fired.append(moment.astimezone(dt.UTC).strftime("%a"))
            reminder = came_up(reminder, moment, ZONE)
    assert fired == ["Mon", "Tue", "Wed", "Thu", "Fri"]


def test_later_brings_it_up_again_and_a_long_missed_one_is_let_go():
    reminder = came_up(Reminder(routine="after-work", at="18:30"), at(), ZONE)
    reminder = later(reminder, at())
    assert not due(reminder, at(minutes=9), ZONE) and due(reminder, at(minutes=10), ZONE)
    fresh = Reminder(routine="after-work", at="18:30")
    assert not due(fresh, at(minutes=61), ZONE)  # the machine was off at 18:30


@pytest.mark.parametrize(("args", "said"), [
    (["nope", "10:00"], "remind: no routine 'nope'"),
    (["micro-break", "25:00"], "'25:00' is not a time of day; write it as HH:MM"),
    (["micro-break", "10:00", "funday"], "'funday' is not a list of days"),
    (["--remove", "micro-break"], "no reminder for 'micro-break'"),
    ([], "give ROUTINE and HH:MM"),
])
def test_remind_refuses_bad_input_naming_it(data_dir, capsys, args, said):
    assert main(["--data-dir", str(data_dir), "remind", *args]) == 2
    assert said in capsys.readouterr().err


def test_remind_adds_lists_replaces_and_removes(data_dir, capsys):
    def remind(*args: str) -> str:
        assert main(["--data-dir", str(data_dir), "remind", *args]) == 0
        return capsys.readouterr().out

    assert "No reminders" in remind("--list")
    remind("after-work", "18:30", "mon-fri")
    remind("micro-break", "9:05")
    remind("after-work", "19:00", "sat,sun")  # one per routine: replaced
    assert remind("--list").splitlines() == ["micro-break  09:05  mon,tue,wed,thu,fri,sat,sun",
                                             "after-work  19:00  sat,sun"]
    assert "Removed" in remind("--remove", "micro-break")
    [kept] = Reminders(NudgeLog(data_dir)).read()
    assert (kept.routine, kept.at, kept.days) == ("after-work", "19:00", ("sat", "sun"))


def test_put_keeps_one_per_routine_and_an_edit_may_move_it_to_another_routine():
    from coach.core.nudge.reminders import put, without

    a, b = Reminder(routine="after-work", at="18:30"), Reminder(routine="micro-break", at="9:00")
    both = put(put((), a), b)
    assert put(both, Reminder(routine="after-work", at="19:00"))[-1].at == "19:00"
    assert len(put(both, Reminder(routine="after-work", at="19:00"))) == 2
    moved = put(both, Reminder(routine="desk-five", at="18:30"), replacing="after-work")
    assert [r.routine for r in moved] == ["micro-break", "desk-five"]
    assert without(both, "micro-break") == (a,)


def test_put_off_brings_only_that_routine_up_again_later(data_dir):
    reminders = Reminders(NudgeLog(data_dir))
    reminders.change(lambda old: [Reminder(routine="after-work", at="18:30"),
                                  Reminder(routine="micro-break", at="9:00")])
    reminders.put_off("after-work", at())
    again = {r.routine: r.again_at for r in reminders.read()}
    assert again == {"after-work": at(minutes=10), "micro-break": None}
