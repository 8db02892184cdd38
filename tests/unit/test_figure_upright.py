"""Standing, seated and hanging figures drawn so a stranger names them: what readers mixed up
(hamstring stretch and toe touch, a back arch read as a forward lean, a quad stretch with no
hand on the foot, hanging with the feet on the floor, a leg rotation only worked out)."""

from __future__ import annotations

import math

from coach.core.figure.body import FOOT, TRUNK_R, Body
from coach.core.figure.draw import draw
from coach.core.figure.pose import poses


def keys(library, exercise_id) -> list[Body]:
    figure = library.exercises[exercise_id].figure
    return [Body(figure, pose) for pose in poses(figure)]


def apart(a, b) -> float:
    return math.dist(a, b)


def behind_the_back(body: Body, joint: str) -> float:
    """How far a joint lies behind the back's surface (side view, facing right)."""
    p = body.points
    hip, neck = p["hip"], p["neck"]
    along = (neck[0] - hip[0], neck[1] - hip[1])
    back = (-along[1] / math.hypot(*along), along[0] / math.hypot(*along))  # to the rear
    x, y = p[joint][0] - hip[0], p[joint][1] - hip[1]
    return x * back[0] + y * back[1] - TRUNK_R[1]


def test_hamstring_stretch_keeps_hands_on_hips_and_toe_touch_reaches_the_toes(library):
    for body in keys(library, "standing-hamstring"):
        assert apart(body.points["hand_r"], body.points["hip"]) < 16  # hands on the hips
    fold = keys(library, "standing-toe-touch")[-1]
    assert apart(fold.points["hand_r"], fold.points["ankle_r"]) < 25  # hands at the feet
    hinge = keys(library, "standing-hamstring")[-1]
    assert hinge.points["head"][1] > hinge.points["hip"][1]  # a hinge, not a fold: head up


def test_back_arch_has_hands_on_the_low_back_and_leans_back(library):
    upright, arched = keys(library, "standing-back-arch")
    for body in (upright, arched):
        assert behind_the_back(body, "elbow_r") > 3  # the elbow winged out behind
        assert -4 < behind_the_back(body, "hand_r") < 6  # the hand on the back's surface
        assert body.points["hand_r"][1] - body.points["hip"][1] < 16  # low on the back
    assert arched.points["head"][0] < arched.points["hip"][0] - 30  # head well behind
    assert arched.points["hip"][0] > arched.points["ankle_r"][0] + 5  # hips pushed forward


def test_quad_stretch_hand_holds_the_foot_behind(library):
    body = keys(library, "standing-quad-stretch")[-1]
    p = body.points
    assert apart(p["hand_r"], p["ankle_r"]) < 10  # the hand holds the foot
    assert p["ankle_r"][1] > p["hip"][1] - 8  # heel up at the buttock
    assert behind_the_back(body, "ankle_r") > 0  # clear behind the body, not inside it
    assert behind_the_back(body, "elbow_r") > 3  # the arm reaches back for it


def test_hanging_feet_are_well_off_the_floor(library):
    figure = library.exercises["hanging-decompression"].figure
    for pose in poses(figure):
        drawing, body = draw(figure, pose), Body(figure, pose)
        assert drawing.floor is not None
        lowest = min(y for _, y in body.points.values())
        assert lowest - drawing.floor > 25  # dangling: a gap as tall as a shin's half


def test_a_rotating_foot_in_a_front_view_is_drawn_long(library):
    for body in keys(library, "seated-leg-rotations"):
        p = body.points
        assert apart(p["toe_r"], p["ankle_r"]) > 1.5 * FOOT  # the turning foot
        assert apart(p["toe_l"], p["ankle_l"]) < 1.1 * FOOT  # the still one, as ever


def test_hamstring_hinge_is_a_flat_back_near_level_with_the_elbows_winged_up(library):
    """Not a shallower toe touch: the back near level and the head up, hands on the hips with
    the elbows standing clear above the back; the toe touch folds the head below the hips."""
    hinge = keys(library, "standing-hamstring")[-1]
    hip, neck = hinge.points["hip"], hinge.points["neck"]
    assert math.degrees(math.atan2(neck[1] - hip[1], neck[0] - hip[0])) < 30
    assert behind_the_back(hinge, "elbow_r") > 3
    fold = keys(library, "standing-toe-touch")[-1]
    assert fold.points["head"][1] < fold.points["hip"][1] - 20
