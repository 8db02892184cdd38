"""Honest outcomes: done, partial and skipped from the time and reps really done."""

from __future__ import annotations

import datetime as dt
import math

from coach.core.session.counting import DayCount
from coach.core.session.outcomes import counts_toward_streak, honest, planned_work_s
from coach.core.session.recorder import SessionRun
from coach.core.session.records import StepResult
from coach.core.time.clock import ManualClock


def result(step, outcome="done", seconds=0, reps=0):
    return StepResult(exercise_id=step.exercise.id, exercise_name=step.exercise.name,
                      planned=step.dosing, outcome=outcome, seconds=seconds, reps=reps)


def test_pressing_next_through_after_work_is_not_done(library):
    info = library.routines["after-work"]
    clock = ManualClock()
    run = SessionRun(info, clock, "UTC")
    run.player.start()
    while not run.player.finished:  # about 20 s for the whole routine
        clock.advance(0.4)
        run.player.next()
    record = run.record("completed")
    assert len(record.steps) == len(info.steps) and record.seconds < 30
    assert {s.outcome for s in record.steps} == {"skipped"}
    assert all(s.reps <= 1 for s in record.steps)
    assert not counts_toward_streak(record.model_dump(mode="json"))


def test_the_rule_at_its_edges(library):
    step = library.routines["micro-break"].steps[0]  # stand and move, 60 s
    [planned] = planned_work_s([step])
    assert planned == 60
    assert honest(result(step, seconds=40), step, planned).outcome == "done"
    assert honest(result(step, seconds=39), step, planned).outcome == "partial"
    assert honest(result(step, seconds=6), step, planned).outcome == "partial"
    assert honest(result(step, seconds=5), step, planned).outcome == "skipped"  # < a tenth
    assert honest(result(step, "skipped", seconds=59), step, planned).outcome == "skipped"


def test_reps_are_credited_no_faster_than_a_brisk_pace(library):
    info = library.routines["desk-five"]
    step = next(s for s in info.steps if s.dosing.mode == "reps")
    [planned] = planned_work_s([step])
    units = step.dosing.reps * step.dosing.sets * (2 if step.dosing.per_side else 1)
    fast = honest(result(step, seconds=math.ceil(planned * 2 / 3), reps=units), step, planned)
    assert (fast.outcome, fast.reps) == ("done", units)
    rushed = honest(result(step, seconds=2, reps=units), step, planned)
    assert rushed.reps < units and rushed.outcome == "skipped"


def test_a_real_session_is_done_and_counts(library):
    info = library.routines["micro-break"]
    clock = ManualClock()
    run = SessionRun(info, clock, "UTC")
    run.player.start()
    while not run.player.finished:
        clock.advance(1)
        run.player.update()
    record = run.record("completed")
    assert {s.outcome for s in record.steps} == {"done"}
    assert counts_toward_streak(record.model_dump(mode="json"))


def test_a_break_kept_out_of_the_streak(library):
    run = SessionRun(library.routines["micro-break"], ManualClock(), "UTC", counts_for_streak=False)
    doc = run.record("completed").model_dump(mode="json")
    doc["steps"] = [{"outcome": "done"}]
    assert doc["counts_for_streak"] is False and not counts_toward_streak(doc)


def test_the_store_counts_only_sessions_that_count(library, ready_store):
    clock = ManualClock(dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC))
    for counts in (True, False):
        run = SessionRun(library.routines["micro-break"], clock, "UTC", counts_for_streak=counts)
        run.player.start()
        while not run.player.finished:
            clock.advance(1)
            run.player.update()
        ready_store.save_session(run.record("completed"))
    assert len(ready_store.sessions()) == 2
    # Both are sessions (60 s standing + 20 s of arches each), both breaks; one keeps the streak.
    assert ready_store.day_counts() == {dt.date(2026, 11, 20): DayCount(2, 160, 2, 1)}
    assert ready_store.session_days() == {dt.date(2026, 11, 20): (2, 160)}
