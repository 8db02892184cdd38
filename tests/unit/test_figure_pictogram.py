"""Pictograms a stranger reads: a head set apart, a body clear of the floor, props by their
shape, far limbs in outline, and look-alike exercises drawn apart."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from coach.core.figure.body import Body
from coach.core.figure.model import Figure
from coach.core.figure.pose import poses
from coach.core.figure.render import Frame, paint, picture

SESSION_BOX = (35, 18)  # the picture's box in the session at 80x24


def every_key(library):
    for exercise in library.exercises.values():
        for n in range(len(exercise.figure.keys)):
            yield exercise, Frame(float(n))


def touching(canvas, a, b) -> bool:
    """Whether a pixel of part/role a has a pixel of b right beside or below it."""
    for (x, y) in canvas.ink:
        if a(canvas, (x, y)):
            for n in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if n in canvas.ink and b(canvas, n):
                    return True
    return False


def part(name):
    return lambda canvas, key: canvas.parts.get(key) == name


def role(name):
    return lambda canvas, key: canvas.ink.get(key) == name


@pytest.mark.parametrize("mode", ["braille", "blocks"])
@pytest.mark.parametrize(
    ("what", "apart_from"),
    [(part("head"), part("trunk")),  # the head is set apart from the trunk
     (role("body"), role("floor"))],  # the body never touches the floor or the mat
    ids=["head-apart-from-trunk", "body-clear-of-floor"],
)
def test_a_gap_always_shows(library, mode, what, apart_from):
    for exercise, frame in every_key(library):
        canvas = paint(exercise.figure, frame, *SESSION_BOX, mode)
        assert any(what(canvas, k) for k in canvas.ink), exercise.id
        assert any(apart_from(canvas, k) for k in canvas.ink), exercise.id
        assert not touching(canvas, what, apart_from), (exercise.id, frame)


def shapes_of(library, exercise_id, position=0.0):
    return picture(library.exercises[exercise_id].figure, Frame(position)).shapes


def test_props_are_drawn_by_their_shape(library):
    ball = [s for s in shapes_of(library, "ball-spine-release") if s.role == "prop"]
    assert [(s.kind, s.look) for s in ball] == [("disc", "solid")]
    roller = [s for s in shapes_of(library, "foam-roll-back") if s.role == "prop"]
    # A roller's end: a tyre, the hole through it and a core (a rim alone read as a head).
    assert [(s.kind, s.look) for s in roller] == [("disc", "solid"), ("disc", "clear"),
                                                  ("disc", "solid")]
    assert roller[0].r[0] > roller[1].r[0] > roller[2].r[0]
    for exercise_id, rows in (("cobra", 2), ("standing-toe-touch", 1)):  # a mat: a thick strip
        canvas = paint(library.exercises[exercise_id].figure, Frame(0.0), *SESSION_BOX, "braille")
        floor_rows = {y for (x, y), r in canvas.ink.items() if r == "floor" and x == 0}
        assert len(floor_rows) >= rows if rows > 1 else len(floor_rows) == 1, exercise_id
    for exercise_id in ("sit-and-rotate", "sit-and-back-arch"):  # front and side
        chair = [s for s in shapes_of(library, exercise_id) if s.role == "prop"]
        seat = [s for s in chair if s.kind == "poly"]
        back = [s for s in chair if s.kind == "chain" and max(y for _, y in s.pts) > max(
            y for s2 in seat for _, y in s2.pts) + 30]
        assert seat and back, exercise_id  # a seat, and a back rising well above it


def test_far_limbs_are_outlined_and_near_ones_solid(library):
    body = [s for s in shapes_of(library, "stand-and-move", 1.0) if s.role == "body"]
    limbs = [s for s in body if s.kind == "chain" and s.part in ("near", "far")]
    assert {s.look for s in limbs if s.part == "far"} == {"outline"}
    assert {s.look for s in limbs if s.part == "near"} == {"solid"}


def test_no_view_from_above():
    with pytest.raises(ValidationError):
        Figure(view="top", base="prone", keys=({},))  # type: ignore[arg-type]


def test_the_back_shows_its_shape(library):
    def bow(exercise_id):  # + rounded toward the back, - arched toward the front
        figure = library.exercises[exercise_id].figure
        body = Body(figure, poses(figure)[-1])
        p = body.points
        mid = ((p["hip"][0] + p["neck"][0]) / 2, (p["hip"][1] + p["neck"][1]) / 2)
        back = (-body.tdir[1], body.tdir[0])
        return (p["mid"][0] - mid[0]) * back[0] + (p["mid"][1] - mid[1]) * back[1]

    assert bow("standing-toe-touch") > 5
    assert bow("standing-back-arch") < -5
    with pytest.raises(ValidationError):
        Figure(view="side", base="stand", keys=({"back": 2},))


def test_cobra_and_press_up_are_told_apart(library):
    # What readers expect (round 2): cobra on straight arms, high arch, face up; the prone
    # press-up palms by the shoulders, elbows bent and pointing back, the chest up only halfway.
    def key(exercise_id):
        figure = library.exercises[exercise_id].figure
        body = Body(figure, poses(figure)[-1])
        return body.points, body.pose

    cobra, cobra_pose = key("cobra")
    press, press_pose = key("prone-press-up")
    assert cobra["neck"][1] > press["neck"][1] + 8  # the cobra's chest is well higher
    for p in (cobra, press):  # hips on the mat in both: the hips lowest but for the hands
        assert p["hip"][1] < p["neck"][1] - 20
    straight = cobra_pose.angles["arm_r"] - cobra_pose.angles["forearm_r"]
    bent = press_pose.angles["arm_r"] - press_pose.angles["forearm_r"]
    assert abs(straight) < 10 and abs(bent) > 60
    assert press["elbow_r"][0] < press["shoulder_r"][0] < press["hand_r"][0]  # elbow back
    assert cobra_pose.angles["head"] > cobra_pose.angles["torso"] + 30  # face up


def test_the_ball_releases_differ_by_where_the_ball_is(library):
    def along(exercise_id):  # where the ball sits from the hips (0) to the neck (1)
        figure = library.exercises[exercise_id].figure
        body = Body(figure, poses(figure)[0])
        hip, neck = body.points["hip"], body.points["neck"]
        return (body.ball[0][0] - hip[0]) / (neck[0] - hip[0])

    assert along("ball-glute-release") < 0.2
    assert along("ball-spine-release") > 0.6


def test_a_twist_turns_the_shoulders_and_curves_an_arrow(library):
    figure = library.exercises["sit-and-rotate"].figure
    square, turned = (Body(figure, pose) for pose in poses(figure))
    width = [abs(b.points["shoulder_r"][0] - b.points["shoulder_l"][0]) for b in (square, turned)]
    assert width[1] < width[0] * 0.7  # the shoulders narrow as they turn
    marks = [s for s in shapes_of(library, "sit-and-rotate", 1.0) if s.role == "mark"]
    shaft = max((s for s in marks if s.kind == "chain"), key=lambda s: len(s.pts))
    assert len(shaft.pts) >= 8  # a curve, not a straight stick
