"""`backcoach log`: a session done away from the app, stored marked and counted like any other."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.content.models import Routine, Step
from coach.core.nudge.log import NudgeLog, TimerState
from coach.core.storage.store import Store
from coach.core.time.days import training_day

UTC = dt.UTC


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Run in UTC; today's training day there (the default day start, 4:00)."""
    monkeypatch.setenv("TZ", "UTC")
    return training_day(dt.datetime.now(UTC), "UTC", 4)


def log(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), "log", *args])


def out(capsys, folder: Path, *command: str) -> str:
    assert main(["--data-dir", str(folder), *command]) == 0
    return capsys.readouterr().out


def test_a_logged_session_is_stored_marked_and_counts(tmp_path, capsys, today):
    folder = tmp_path / "data"
    yesterday = today - dt.timedelta(days=1)
    assert log(folder, "office-break", "--date", yesterday.isoformat(), "--minutes", "12") == 0
    said = capsys.readouterr()
    assert said.out == (f"Logged Office chair break, 12 min, on {yesterday} "
                        "(marked as logged by hand).\n") and said.err == ""

    [record] = Store(folder).sessions()
    assert (record.source, record.status, record.day, record.seconds) == (
        "logged", "completed", yesterday, 12 * 60)
    # It counts for the calendar and the streak like a session run in the app.
    assert Store(folder).session_days() == {yesterday: (1, 720)}
    line = out(capsys, folder, "status")
    assert line.startswith("streak 1 day · longest 1 · last session yesterday "
                           "(Office chair break, logged by hand)")
    last = json.loads(out(capsys, folder, "status", "--json"))["last_session"]
    assert last["source"] == "logged" and last["day"] == yesterday.isoformat()
    exported = json.loads(out(capsys, folder, "export"))["sessions"]
    assert [s["source"] for s in exported] == ["logged"]
    rows = list(csv.DictReader(io.StringIO(out(capsys, folder, "export", "--format", "csv"))))
    assert rows and {row["source"] for row in rows} == {"logged"}


def test_a_name_in_any_case_today_and_the_routines_length_by_default(tmp_path, capsys, today,
                                                                      library):
    folder = tmp_path / "data"
    assert log(folder, "FIVE desk Stretches") == 0
    [record] = Store(folder).sessions()
    assert record.routine_id == "desk-five" and record.day == today
    assert record.seconds == round(library.routines["desk-five"].seconds / 60) * 60
    assert record.started_at <= dt.datetime.now(UTC)  # ended now: it began before


def test_the_users_own_routine_by_name(tmp_path, capsys, today):
    folder = tmp_path / "data"
    store = Store(folder)
    store.open()
    store.save_routine(Routine(id="my-desk", name="My desk",
                               steps=(Step(exercise="cobra"), Step(exercise="superman"))))
    assert log(folder, "my desk", "--minutes", "7") == 0
    [record] = Store(folder).sessions()
    assert (record.routine_id, record.routine_name, record.seconds) == ("my-desk", "My desk", 420)
    assert [step.exercise_id for step in record.steps] == ["cobra", "superman"]


@pytest.mark.parametrize(("args", "expected"), [
    (["desk-five", "--date", "{tomorrow}"],
     "backcoach: log: --date: {tomorrow} is in the future (today is {today}); log what you did "
     "today or on a day before"),
    (["desk-five", "--date", "{long_ago}"],
     "backcoach: log: --date: {long_ago} is more than 365 days ago; give a day from {year_ago} on"),
    (["desk-five", "--date", "20/11/2026"],
     "backcoach: log: --date: must be a date like {today}, got '20/11/2026'"),
    (["desk-five", "--minutes", "0"],
     "backcoach: log: --minutes: must be a whole number of minutes from 1 to 300, got '0'"),
    (["desk-five", "--minutes", "301"],
     "backcoach: log: --minutes: must be a whole number of minutes from 1 to 300, got '301'"),
    (["desk-five", "--minutes", "ten"],
     "backcoach: log: --minutes: must be a whole number of minutes from 1 to 300, got 'ten'"),
    (["afterwork"],
     "backcoach: log: ROUTINE: no routine 'afterwork'; did you mean after-work (After-work "
     "reset) or after-work-bridge (After-work reset, bridge)? `backcoach routines` lists every "
     "id and name"),
    (["yoga"],
     "backcoach: log: ROUTINE: no routine 'yoga'; `backcoach routines` lists every id and name"),
])
def test_what_cannot_be_logged_is_one_line_exit_2_and_nothing_stored(tmp_path, capsys, today,
                                                                      args, expected):
    days = {"today": today, "tomorrow": today + dt.timedelta(days=1),
            "long_ago": today - dt.timedelta(days=366), "year_ago": today - dt.timedelta(days=365)}
    folder = tmp_path / "data"
    assert log(folder, *(arg.format(**days) for arg in args)) == 2
    said = capsys.readouterr()
    assert said.out == "" and said.err == expected.format(**days) + "\n"
    assert not folder.exists()  # checked before the store is opened for writing


def test_a_year_ago_is_still_allowed(tmp_path, capsys, today):
    folder = tmp_path / "data"
    assert log(folder, "micro-break", "--date", str(today - dt.timedelta(days=365))) == 0
    assert len(Store(folder).sessions()) == 1


def test_a_session_logged_today_does_not_restart_the_sitting_clock(tmp_path, capsys, today):
    folder = tmp_path / "data"
    now = dt.datetime.now(UTC)
    # The machine's sitting clock, just written by a copy keeping it: 40 minutes of sitting.
    NudgeLog(folder).save_timer(TimerState(since=now - dt.timedelta(minutes=40),
                                           due=now + dt.timedelta(minutes=5), written_at=now))
    assert log(folder, "after-work", "--minutes", "20") == 0  # it "ended" a moment ago
    capsys.readouterr()
    shown = json.loads(out(capsys, folder, "status", "--json"))
    assert shown["today_done"] and shown["last_session"]["source"] == "logged"
    assert shown["sitting"] == 40  # a logged end is nobody's sighting: still sitting
