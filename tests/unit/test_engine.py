from __future__ import annotations

from coach.core.content.models import Dosing
from coach.core.content.planning import (
    GET_READY_S,
    RELEASE_S,
    SWITCH_S,
    PlannedStep,
    step_phases,
    timeline,
    total_seconds,
)


def kinds(phases):
    return [(p.kind, p.seconds, p.set_no, p.side, p.hold_no) for p in phases]


def test_holds_are_separated_by_a_release():
    dosing = Dosing(mode="hold", reps=3, hold_s=10)
    assert kinds(step_phases(0, dosing)) == [
        ("work", 10, 1, None, 1),
        ("release", RELEASE_S, 1, None, 2),
        ("work", 10, 1, None, 2),
        ("release", RELEASE_S, 1, None, 3),
        ("work", 10, 1, None, 3),
    ]


def test_sides_switch_and_sets_rest():
    dosing = Dosing(mode="reps", reps=5, rep_s=4, per_side=True, sets=2, rest_s=30)
    assert kinds(step_phases(0, dosing)) == [
        ("work", 20, 1, "left", 0),
        ("switch", SWITCH_S, 1, "right", 0),
        ("work", 20, 1, "right", 0),
        ("rest", 30, 2, None, 0),
        ("work", 20, 2, "left", 0),
        ("switch", SWITCH_S, 2, "right", 0),
        ("work", 20, 2, "right", 0),
    ]


def test_timed_and_breaths():
    assert kinds(step_phases(0, Dosing(mode="timed", duration_s=300))) == [
        ("work", 300, 1, None, 0)
    ]
    assert kinds(step_phases(0, Dosing(mode="breaths", reps=4, rep_s=6))) == [
        ("work", 24, 1, None, 0)
    ]


def test_get_ready_only_when_position_changes(library):
    seated = library.exercises["sit-and-rotate"]
    also_seated = library.exercises["sit-and-back-arch"]
    standing = library.exercises["standing-back-arch"]
    steps = [
        PlannedStep(standing, Dosing(mode="timed", duration_s=10), rest_after_s=7),
        PlannedStep(seated, Dosing(mode="timed", duration_s=10), rest_after_s=0),
        PlannedStep(also_seated, Dosing(mode="timed", duration_s=10)),
    ]
    assert [(p.kind, p.step) for p in timeline(steps)] == [
        ("ready", 0), ("work", 0), ("rest", 1), ("ready", 1), ("work", 1), ("work", 2),
    ]
    assert total_seconds(steps) == GET_READY_S * 2 + 30 + 7


def test_every_set_starts_on_the_first_side():
    dosing = Dosing(mode="hold", reps=1, hold_s=10, per_side=True, first_side="right")
    assert kinds(step_phases(0, dosing)) == [
        ("work", 10, 1, "right", 1),
        ("switch", SWITCH_S, 1, "left", 0),
        ("work", 10, 1, "left", 1),
    ]


def test_reps_that_switch_every_rep_are_one_piece_of_work_both_sides_long():
    dosing = Dosing(mode="reps", reps=5, rep_s=4, per_side=True, switch_sides="every rep",
                    first_side="right")
    [work] = step_phases(0, dosing)
    assert (work.kind, work.seconds, work.side, work.alternate) == (
        "work", 40, None, ("right", "left"))


def test_holds_that_switch_every_rep_take_turns_with_a_release_between():
    dosing = Dosing(mode="hold", reps=2, hold_s=5, per_side=True, switch_sides="every rep",
                    first_side="right")
    assert kinds(step_phases(0, dosing)) == [
        ("work", 5, 1, "right", 1),
        ("release", RELEASE_S, 1, "left", 1),
        ("work", 5, 1, "left", 1),
        ("release", RELEASE_S, 1, "right", 2),
        ("work", 5, 1, "right", 2),
        ("release", RELEASE_S, 1, "left", 2),
        ("work", 5, 1, "left", 2),
    ]


def test_switching_once_does_every_set_on_one_side_first():
    dosing = Dosing(mode="breaths", sets=2, reps=4, rep_s=6, per_side=True, rest_s=5,
                    switch_sides="once")
    assert kinds(step_phases(0, dosing)) == [
        ("work", 24, 1, "left", 0),
        ("rest", 5, 2, "left", 0),
        ("work", 24, 2, "left", 0),
        ("switch", SWITCH_S, 1, "right", 0),
        ("work", 24, 1, "right", 0),
        ("rest", 5, 2, "right", 0),
        ("work", 24, 2, "right", 0),
    ]


def test_timed_work_cannot_switch_every_rep():
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="timed work has no reps"):
        Dosing(mode="timed", duration_s=60, per_side=True, switch_sides="every rep")


def test_the_articles_orderings_are_in_the_content(library):
    def first_works(exercise_id, count):
        works = [p for p in step_phases(0, library.exercises[exercise_id].dosing)
                 if p.kind == "work"]
        return [p.side or p.alternate for p in works[:count]]

    assert first_works("sit-and-rotate", 1) == [("right", "left")]
    assert first_works("sit-rotate-side-bend", 1) == [("right", "left")]
    assert first_works("opposite-arm-leg-lift", 4) == ["right", "left", "right", "left"]
    assert first_works("glute-activation", 3) == ["left", "left", "right"]
    assert first_works("seated-lumbar-twist", 1) == ["right"]
