"""The picture follows the session's clock: tempo, holds, sides and reduce motion."""

from __future__ import annotations

import pytest

from coach.core.content.models import Dosing
from coach.core.content.planning import GET_READY_S, PlannedStep
from coach.core.session.motion import browse_frame, session_frame, sweep
from coach.core.session.player import Player
from coach.core.time.clock import ManualClock


def started(library, exercise_id, **dosing):
    exercise = library.exercises[exercise_id]
    clock = ManualClock()
    player = Player((PlannedStep(exercise, Dosing(**dosing) if dosing else exercise.dosing),),
                    clock)
    player.start()
    return player, clock, len(exercise.figure.keys)


def test_a_rep_goes_out_pauses_and_comes_back():
    assert sweep(0.0, 2) == 0.0
    assert sweep(0.2, 2) == 0.5
    assert sweep(0.5, 2) == 1.0  # the pause at the end of the movement
    assert sweep(0.8, 2) == pytest.approx(0.5)
    assert sweep(1.0, 2) == 0.0
    assert sweep(0.4, 3) == 2.0


def test_reps_move_with_the_tempo_and_alternate_sides(library):
    player, clock, keys = started(library, "sit-and-rotate")
    assert session_frame(player.view(), keys, False).position == 0.0  # getting ready
    clock.advance(GET_READY_S + 2)  # halfway through the first movement: turned, right side
    player.update()
    frame = session_frame(player.view(), keys, False)
    assert (frame.position, frame.mirrored) == (1.0, False)
    clock.advance(4)  # the same point of the next movement: the left side
    frame = session_frame(player.view(), keys, False)
    assert (frame.position, frame.mirrored) == (1.0, True)
    clock.advance(1)
    assert 0 < session_frame(player.view(), keys, False).position < 1


def test_a_hold_stands_still_and_release_shows_the_start(library):
    player, clock, keys = started(library, "cobra", mode="hold", reps=2, hold_s=10)
    clock.advance(GET_READY_S + 1)
    player.update()
    first = session_frame(player.view(), keys, False)
    clock.advance(7)
    assert session_frame(player.view(), keys, False) == first
    assert first.position == keys - 1 and first.marks
    clock.advance(3)
    player.update()
    assert player.phase.kind == "release"
    assert session_frame(player.view(), keys, False).position == 0.0


def test_reduce_motion_shows_the_key_position_only(library):
    player, clock, keys = started(library, "prone-press-up")
    clock.advance(GET_READY_S)
    player.update()
    seen = set()
    for _ in range(20):
        clock.advance(0.3)
        seen.add(session_frame(player.view(), keys, True))
    assert len(seen) == 1 and seen.pop().position == keys - 1


def test_the_left_side_is_mirrored_while_switching_to_it(library):
    player, clock, keys = started(library, "lying-hamstring", mode="hold", reps=1, hold_s=20,
                                  per_side=True, first_side="right")
    clock.advance(GET_READY_S + 1)
    player.update()
    assert not session_frame(player.view(), keys, False).mirrored  # keys show the right side
    while player.phase.kind != "switch":
        clock.advance(player.view().seconds_left)
        player.update()
    assert session_frame(player.view(), keys, False).mirrored


def test_browsing_cycles_through_the_keys():
    positions = {browse_frame(t / 10, 3).position for t in range(40)}
    assert min(positions) == 0.0 and max(positions) == 2.0
