from __future__ import annotations

from coach.core.content.models import Dosing
from coach.core.session.engine import (
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
