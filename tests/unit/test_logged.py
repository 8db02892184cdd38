"""The record of a session logged by hand, and records from before logging existed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from coach.core.history.progress import streaks, weekly_goal
from coach.core.session.counting import Counts, record_counts
from coach.core.session.logged import LogProblem, find_routine, logged_record
from coach.core.session.records import STORED, SessionRecord
from coach.core.storage.store import Store

BERLIN = "Europe/Berlin"
NOW = dt.datetime(2026, 11, 20, 17, 30, tzinfo=dt.UTC)  # 18:30 in Berlin
TODAY = dt.date(2026, 11, 20)


def test_a_past_day_is_logged_at_noon_there_every_step_done(library):
    info = library.routines["office-break"]
    record = logged_record(info, TODAY - dt.timedelta(days=2), 12, NOW, BERLIN, 4)
    assert record.source == "logged" and record.logged and record.status == "completed"
    assert record.day == dt.date(2026, 11, 18)
    assert record.started_at.astimezone(ZoneInfo(BERLIN)).time() == dt.time(12, 0)
    assert record.ended_at == record.started_at + dt.timedelta(minutes=12)
    assert [s.exercise_id for s in record.steps] == [s.exercise.id for s in info.steps]
    assert {s.outcome for s in record.steps} == {"done"}
    assert record.seconds == 12 * 60  # spread over the steps, adding up exactly


def test_today_it_ends_now_and_starts_no_earlier_than_the_day(library):
    info = library.routines["after-work"]
    record = logged_record(info, TODAY, 20, NOW, BERLIN, 4)
    assert (record.started_at, record.ended_at) == (NOW - dt.timedelta(minutes=20), NOW)
    early = dt.datetime(2026, 11, 20, 3, 10, tzinfo=dt.UTC)  # 04:10 in Berlin, day start 4:00
    record = logged_record(info, TODAY, 20, early, BERLIN, 4)
    assert record.day == TODAY and record.started_at == dt.datetime(2026, 11, 20, 3, 0,
                                                                     tzinfo=dt.UTC)


def test_the_future_and_absurd_minutes_are_refused(library):
    info = library.routines["desk-five"]
    with pytest.raises(LogProblem, match="in the future"):
        logged_record(info, TODAY + dt.timedelta(days=1), 5, NOW, BERLIN, 4)
    with pytest.raises(LogProblem, match="from 1 to 300"):
        logged_record(info, TODAY, 301, NOW, BERLIN, 4)


def test_a_logged_session_counts_for_the_streak_and_the_goal(tmp_path, library):
    store = Store(tmp_path / "data")
    store.open()
    for back in range(3):
        store.save_session(logged_record(library.routines["office-break"],
                                         TODAY - dt.timedelta(days=back), 2, NOW, BERLIN, 4))
    days = store.session_days()
    assert streaks(days, TODAY) == (3, 3)
    assert weekly_goal(days, TODAY, 3).met
    assert all(r.source == "logged" for r in store.sessions())


def test_a_logged_stand_up_break_follows_the_setting_as_one_run_in_the_app(library):
    info = library.routines["micro-break"]
    kept_out = record_counts(logged_record(info, TODAY, 2, NOW, BERLIN, 4))
    assert kept_out == Counts(session=True, stand_up_break=True, streak=False)
    counted = record_counts(logged_record(info, TODAY, 2, NOW, BERLIN, 4, True))
    assert counted.streak
    assert record_counts(logged_record(library.routines["desk-five"], TODAY, 3, NOW, BERLIN,
                                       4)) == Counts(True, False, True)


def test_find_routine_by_id_or_name_and_close_matches(library):
    assert find_routine(library.routines, "Office Chair Break").routine.id == "office-break"
    with pytest.raises(LogProblem, match=r"did you mean desk-five \(Five desk stretches\)\?"):
        find_routine(library.routines, "desk")


def test_an_old_record_without_a_source_loads_as_run_in_the_app(library):
    old = logged_record(library.routines["desk-five"], TODAY, 3, NOW, BERLIN, 4).model_dump(
        mode="json")
    del old["source"]
    assert SessionRecord.model_validate(old, context=STORED).source == "app"
    with pytest.raises(ValidationError, match="source"):
        SessionRecord.model_validate(old | {"source": "guessed"}, context=STORED)
