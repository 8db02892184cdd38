"""The player with a hand-wound clock: every mode, every command, stalls and suspends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.content.loading import load_library
from coach.core.content.models import Dosing
from coach.core.content.planning import (
    GET_READY_S,
    RELEASE_S,
    SWITCH_S,
    PlannedStep,
    total_seconds,
)
from coach.core.session.player import Player
from coach.core.time.clock import ManualClock
from coach.paths import content_dir


@pytest.fixture
def clock():
    return ManualClock()


def step(library, exercise_id, rest_after_s=10, **dosing):
    return PlannedStep(library.exercises[exercise_id], Dosing(**dosing), rest_after_s)


def run_to_end(player, clock, tick=0.25, limit=10_000):
    events = []
    for _ in range(limit):
        if player.finished:
            break
        clock.advance(tick)
        events += player.update()
    return events


def test_hold_counts_down_on_deadlines(library, clock):
    player = Player((step(library, "cobra", mode="hold", reps=2, hold_s=20),), clock)
    player.start()
    assert player.phase.kind == "ready"
    clock.advance(GET_READY_S)
    player.update()
    assert player.phase.kind == "work" and player.view().seconds_left == 20
    clock.advance(7.2)
    player.update()
    view = player.view()
    assert view.seconds_left == 13 and view.rep == 1 and view.reps == 2
    clock.advance(12.8)
    player.update()
    assert player.phase.kind == "release"
    clock.advance(RELEASE_S + 20)
    events = player.update()
    assert player.finished and [e.kind for e in events][-1] == "finished"
    [result] = player.results()
    assert (result.outcome, result.seconds, result.reps) == ("done", 40, 2)


def test_reps_advance_by_themselves_and_breaths_alternate(library, clock):
    player = Player(
        (
            step(library, "prone-press-up", mode="reps", reps=5, rep_s=4),
            step(library, "glute-activation", mode="breaths", reps=3, rep_s=6),
        ),
        clock,
    )
    player.start()
    clock.advance(GET_READY_S + 9)
    player.update()
    assert player.view().rep == 3  # 9 s into 4 s reps: the third rep
    clock.advance(11 + 10 + GET_READY_S + 1)
    player.update()
    view = player.view()
    assert view.step_index == 1 and view.rep == 1 and view.breathe_in
    clock.advance(3)
    assert not player.view().breathe_in
    run_to_end(player, clock)
    assert [(r.outcome, r.reps, r.seconds) for r in player.results()] == [
        ("done", 5, 20), ("done", 3, 18)
    ]


def test_timed_work(library, clock):
    player = Player((step(library, "foam-roll-back", mode="timed", duration_s=300),), clock)
    player.start()
    run_to_end(player, clock, tick=1)
    [result] = player.results()
    assert (result.outcome, result.seconds, result.reps) == ("done", 300, 0)


def test_sides_sets_and_rest(library, clock):
    player = Player(
        (step(library, "sit-and-rotate", mode="reps", reps=5, rep_s=4, per_side=True, sets=2,
              rest_s=30),),
        clock,
    )
    player.start()
    seen = []
    while not player.finished:
        view = player.view()
        seen.append((view.phase.kind, view.phase.set_no, view.phase.side))
        clock.advance(view.seconds_left)
        player.update()
    assert seen == [
        ("ready", 1, None), ("work", 1, "left"), ("switch", 1, "right"), ("work", 1, "right"),
        ("rest", 2, None), ("work", 2, "left"), ("switch", 2, "right"), ("work", 2, "right"),
    ]
    [result] = player.results()
    assert (result.outcome, result.reps, result.seconds) == ("done", 20, 80)


def test_next_up_names_sides_sets_and_the_next_exercise(library, clock):
    player = Player(
        (step(library, "seated-lumbar-twist", mode="hold", reps=1, hold_s=10, per_side=True),
         step(library, "seated-scapular-retraction", mode="hold", reps=2, hold_s=5)),
        clock,
    )
    player.start()
    clock.advance(GET_READY_S)
    player.update()
    assert player.view().next_up == "right side"
    clock.advance(10 + SWITCH_S)
    player.update()
    assert player.view().next_up == "Seated scapular retraction"
    clock.advance(10 + 10)  # the right side, then the rest between steps
    player.update()
    assert player.view().next_up == "hold 2 of 2"


def test_pause_moves_the_deadline(library, clock):
    player = Player((step(library, "cobra", mode="hold", reps=1, hold_s=30),), clock)
    player.start()
    clock.advance(GET_READY_S + 10)
    player.update()
    player.pause()
    clock.advance(600)
    assert player.update() == [] and player.view().seconds_left == 20 and player.view().paused
    player.resume()
    clock.advance(19.5)
    player.update()
    assert not player.finished and player.view().seconds_left == 1
    clock.advance(0.5)
    player.update()
    assert player.finished
    assert player.results()[0].seconds == 30


def test_a_stall_lands_where_the_clock_says(library, clock):
    """Five seconds with no ticks (a stalled loop, SIGSTOP): no time is lost or gained."""
    player = Player(
        (step(library, "cobra", mode="hold", reps=2, hold_s=3),
         step(library, "crunch", mode="hold", reps=1, hold_s=20)),
        clock,
    )
    player.start()
    clock.advance(GET_READY_S + 1)
    player.update()
    clock.advance(5)  # the stall: 2 s of hold 1, 3 s release: hold 2 starts exactly now
    events = player.update()
    assert player.phase.kind == "work" and player.phase.hold_no == 2
    assert player.view().seconds_left == 3
    assert [e.kind for e in events] == ["phase", "phase"]
    clock.advance(3 + 10 + 2)  # hold 2 ends, the rest, and 2 s into crunch's get ready
    events = player.update()
    assert [e.kind for e in events] == ["step", "phase", "phase"]
    assert player.view().step_index == 1 and player.phase.kind == "ready"
    assert player.view().seconds_left == GET_READY_S - 2


def test_next_completes_the_phase_now(library, clock):
    player = Player(
        (step(library, "prone-press-up", mode="reps", reps=10, rep_s=5),
         step(library, "prone-w", mode="reps", reps=10, rep_s=6)),
        clock,
    )
    player.start()
    player.next()  # no need to get ready
    assert player.phase.kind == "work"
    clock.advance(30)  # faster than 50 s
    events = player.next()
    assert [e.kind for e in events] == ["step", "phase"]
    result = player.results()[0]
    assert (result.outcome, result.reps, result.seconds) == ("done", 10, 30)
    assert player.phase.kind == "rest"


def test_skip_is_recorded_and_moves_on(library, clock):
    player = Player(
        (step(library, "prone-press-up", mode="reps", reps=10, rep_s=5),
         step(library, "prone-w", mode="reps", reps=10, rep_s=6)),
        clock,
    )
    player.start()
    clock.advance(GET_READY_S + 12)
    player.update()
    events = player.skip()
    assert "step" in [e.kind for e in events]
    assert player.view().step_index == 1
    first = player.results()[0]
    assert (first.outcome, first.seconds, first.reps) == ("skipped", 12, 0)


def test_stopping_mid_step_keeps_the_partial_work(library, clock):
    player = Player(
        (step(library, "prone-press-up", mode="reps", reps=10, rep_s=5),
         step(library, "prone-w", mode="reps", reps=10, rep_s=6)),
        clock,
    )
    player.start()
    clock.advance(GET_READY_S + 50 + 10 + 13)  # press-ups done, 13 s into W's
    player.update()
    assert [r.outcome for r in player.results()] == ["done"]
    done, partial = player.results(include_current=True)
    assert (partial.outcome, partial.seconds, partial.reps) == ("partial", 13, 2)


def test_previous_restarts_the_step_then_goes_back_one(library, clock):
    player = Player(
        (step(library, "cobra", mode="hold", reps=1, hold_s=20, rest_after_s=0),
         step(library, "superman", mode="hold", reps=1, hold_s=20)),
        clock,
    )
    player.start()
    clock.advance(GET_READY_S + 20 + 8)
    player.update()
    assert player.view().step_index == 1 and player.view().seconds_left == 12
    player.previous()  # 8 s in: back to the start of this step
    assert player.view().step_index == 1 and player.view().seconds_left == 20
    player.previous()  # at its very start: back to the step before
    assert player.view().step_index == 0 and player.phase.kind == "ready"
    assert player.results() == []  # the redone steps start from scratch


def test_adjust_adds_and_removes_ten_seconds(library, clock):
    player = Player((step(library, "cobra", mode="hold", reps=1, hold_s=20),), clock)
    player.start()
    assert not player.adjust(10)  # nothing to adjust while getting ready
    clock.advance(GET_READY_S + 5)
    player.update()
    assert player.adjust(10) and player.view().seconds_left == 25
    assert player.adjust(-10) and player.adjust(-10) and player.view().seconds_left == 5
    assert player.adjust(-10) and player.view().seconds_left == 1  # never below a second
    player.pause()
    assert player.adjust(10) and player.view().seconds_left == 11
    player.resume()
    clock.advance(11)
    player.update()
    assert player.finished and player.results()[0].seconds == 5 + 11


def test_adjust_does_nothing_for_reps(library, clock):
    player = Player((step(library, "prone-w", mode="reps", reps=10, rep_s=6),), clock)
    player.start()
    player.next()
    assert not player.adjust(10)


def test_suspend_then_resume_comes_back_paused(library, clock):
    """Ctrl+Z pauses before the process stops; after fg the hold has not moved."""
    player = Player((step(library, "cobra", mode="hold", reps=1, hold_s=30),), clock)
    player.start()
    clock.advance(GET_READY_S + 10)
    player.pause()  # what the app does on its suspend signal
    clock.advance(3600)  # an hour in the background
    player.update()
    view = player.view()
    assert view.paused and view.seconds_left == 20


def test_session_time_left_counts_down(library, clock):
    player = Player((step(library, "cobra", mode="hold", reps=1, hold_s=30),), clock)
    player.start()
    assert player.view().session_left == player.view().session_total == GET_READY_S + 30
    clock.advance(12)
    player.update()
    assert player.view().session_left == GET_READY_S + 30 - 12


def test_alternating_reps_change_side_every_movement(library, clock):
    player = Player((step(library, "sit-and-rotate", mode="reps", reps=5, rep_s=4, per_side=True,
                          switch_sides="every rep", first_side="right"),), clock)
    player.start()
    clock.advance(GET_READY_S + 1)
    player.update()
    view = player.view()
    assert (view.side, view.side_text, view.rep) == ("right", "right side", 1)
    clock.advance(4)
    view = player.view()
    assert (view.side, view.rep) == ("left", 1)
    clock.advance(4)
    assert (player.view().side, player.view().rep) == ("right", 2)
    clock.advance(30)  # the last movement: rep 5, left
    assert (player.view().side, player.view().rep) == ("left", 5)
    run_to_end(player, clock)
    [result] = player.results()
    assert (result.outcome, result.reps, result.seconds) == ("done", 10, 40)


def test_next_up_names_the_block_about_to_start(library, clock):
    player = Player((step(library, "cobra", mode="hold", reps=4, hold_s=10),), clock)
    player.start()
    assert player.view().next_up == "Cobra stretch · hold 1 of 4"  # get ready: the first hold
    clock.advance(GET_READY_S)
    player.update()
    assert player.view().next_up == "hold 2 of 4"
    clock.advance(10)
    player.update()
    assert player.phase.kind == "release" and player.view().next_up == "hold 2 of 4"


def test_next_up_uses_the_exercises_names_for_its_sides(library, clock):
    lift = library.exercises["opposite-arm-leg-lift"]
    player = Player((PlannedStep(lift, lift.dosing),), clock)
    player.start()
    assert player.view().next_up == f"{lift.name} · {lift.side_names['right']} · hold 1 of 10"
    clock.advance(GET_READY_S)
    player.update()
    view = player.view()
    assert view.side_text == lift.side_names["right"]
    assert view.next_up == f"{lift.side_names['left']} · hold 1 of 10"


@given(
    mode=st.sampled_from(["reps", "hold", "breaths", "timed"]),
    sets=st.integers(1, 3),
    reps=st.integers(1, 4),
    rest_s=st.integers(0, 20),
    per_side=st.booleans(),
    switch=st.sampled_from(["every rep", "every set", "once"]),
    first=st.sampled_from(["left", "right"]),
)
@settings(max_examples=60, deadline=None)
def test_the_estimate_is_the_played_length(mode, sets, reps, rest_s, per_side, switch, first):
    library = load_library(content_dir())
    if mode == "timed" and switch == "every rep":
        switch = "once"
    dosing = Dosing(mode=mode, sets=sets, reps=reps, rest_s=rest_s, per_side=per_side,
                    switch_sides=switch, first_side=first, hold_s=7, rep_s=3, duration_s=9)
    steps = (PlannedStep(library.exercises["sit-and-rotate"], dosing),
             PlannedStep(library.exercises["cobra"], dosing))
    clock = ManualClock()
    player = Player(steps, clock)
    player.start()
    begun = clock.monotonic()
    while not player.finished:
        clock.advance(player.view().seconds_left)
        player.update()
    assert clock.monotonic() - begun == total_seconds(steps)
    if mode != "timed":  # each step: every rep (or hold) of every set on every side
        assert [r.reps for r in player.results()] == [sets * (2 if per_side else 1) * reps] * 2
