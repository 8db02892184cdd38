"""Issue 16, round 4 blind readers: a back arch read as a forward curl, a hamstring stretch
told from the toe touch only by depth, an oblique crunch that looked like a plain crunch."""

from __future__ import annotations

import math

from coach.core.figure.body import Body
from coach.core.figure.pose import poses


def points(library, exercise_id, key=-1):
    figure = library.exercises[exercise_id].figure
    return Body(figure, poses(figure)[key]).points


def tilt(p) -> float:
    """The trunk's lean from upright, in degrees (hip to neck)."""
    dx, dy = p["neck"][0] - p["hip"][0], p["neck"][1] - p["hip"][1]
    return math.degrees(math.atan2(abs(dx), dy))


def test_the_standing_back_arch_stays_upright_leaning_back(library):
    p = points(library, "standing-back-arch")
    assert 15 <= tilt(p) <= 30  # leaning back, not folded over
    assert p["neck"][0] < p["hip"][0] < p["ankle_r"][0] + 12  # hips forward, chest back
    assert p["head"][1] > p["neck"][1] + 5  # the head stays above the shoulders


def test_the_standing_hamstring_back_is_flat_and_near_level(library):
    p = points(library, "standing-hamstring")
    assert tilt(p) >= 75  # near horizontal: a hinge, not the toe touch's hang
    assert p["head"][1] >= p["neck"][1]  # the head up, looking ahead


def test_the_oblique_crunch_reaches_one_arm_higher_than_the_other(library):
    p = points(library, "oblique-crunch")
    assert p["hand_r"][1] - p["hand_l"][1] > 10  # one shoulder turned up toward the knee
