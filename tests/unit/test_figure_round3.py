"""Issue 16, round 3 blind readers: face-down arms too small to read, arms holding a leg that
read as a thigh, a twist arrow too faint, superman's second arm and leg hidden."""

from __future__ import annotations

import math

import pytest

from coach.core.figure.body import HEAD_R, Body
from coach.core.figure.draw import draw
from coach.core.figure.pose import poses
from coach.core.figure.render import Frame, paint

FACE_DOWN_LIFTS = ("cobra", "prone-press-up", "prone-w", "prone-trunk-lift")


def last_body(library, exercise_id):
    figure = library.exercises[exercise_id].figure
    pose = poses(figure)[-1]
    return Body(figure, pose), draw(figure, pose)


def head_pixels(library, exercise_id, mode):
    canvas = paint(library.exercises[exercise_id].figure, Frame(1.0), 35, 18, mode)
    return sum(1 for key, part in canvas.parts.items() if part == "head" and key in canvas.ink)


@pytest.mark.parametrize("mode", ["braille", "blocks"])
def test_the_face_down_lifts_are_drawn_close_up(library, mode):
    """Arms and chest twice the size of a whole face-down body (superman, whose legs move)."""
    whole = head_pixels(library, "superman", mode)
    for exercise_id in FACE_DOWN_LIFTS:
        assert head_pixels(library, exercise_id, mode) > 1.5 * whole, exercise_id


def test_the_lying_hamstring_arms_bend_up_to_the_thigh(library):
    """An arm bent at the elbow (up from the shoulder, then across to the thigh), not a
    straight diagonal from the shoulder to the knee, which read as a second thigh."""
    figure = library.exercises["lying-hamstring"].figure
    for pose in poses(figure)[1:]:
        p = Body(figure, pose).points
        shoulder, elbow, hand = p["shoulder_r"], p["elbow_r"], p["hand_r"]
        (dx, dy), (ex, ey) = (hand[0] - shoulder[0], hand[1] - shoulder[1]), (
            elbow[0] - shoulder[0], elbow[1] - shoulder[1])
        assert abs(dx * ey - dy * ex) / math.hypot(dx, dy) > 7  # the elbow off the line
        assert elbow[1] > shoulder[1] + 15  # the upper arm rises off the mat


def test_the_oblique_crunch_arrow_arcs_above_the_head(library):
    body, drawing = last_body(library, "oblique-crunch")
    """High over the head and well clear of the reaching arms (it merged with them)."""
    p = body.points
    top = max(y for s in drawing.shapes if s.role == "mark" for _, y in s.pts)
    assert top > p["head"][1] + HEAD_R
    assert top > max(p[j][1] for j in ("elbow_r", "hand_r", "elbow_l", "hand_l")) + 24


def test_superman_shows_both_arms_and_both_legs_up(library):
    """The far arm and leg sit just below the near ones, so two of each show (the opposite
    arm and leg lift has one of each up)."""
    body, _ = last_body(library, "superman")
    p = body.points
    assert math.dist(p["hand_r"], p["hand_l"]) > 6 and math.dist(p["ankle_r"], p["ankle_l"]) > 6
    floor_y = min(y for _, y in p.values())
    for joint in ("hand_r", "hand_l", "ankle_r", "ankle_l"):
        assert p[joint][1] > floor_y + 10, joint
