"""Look-alikes drawn apart (issue 16, round 2): what a blind reader mixed up, exaggerated."""

from __future__ import annotations

from coach.core.figure.body import Body
from coach.core.figure.draw import draw
from coach.core.figure.pose import poses


def last_key(library, exercise_id):
    figure = library.exercises[exercise_id].figure
    pose = poses(figure)[-1]
    return Body(figure, pose), draw(figure, pose)


def test_the_lifted_arm_and_opposite_leg_are_solid_the_others_outlined(library):
    body, drawing = last_key(library, "opposite-arm-leg-lift")
    looks = {}
    for shape in drawing.shapes:
        if shape.role == "body" and shape.kind == "chain" and shape.part in ("near", "far"):
            for name in ("hand_l", "hand_r", "ankle_l", "ankle_r"):
                if body.points[name] in shape.pts:
                    looks[name] = shape.look
    assert looks == {"hand_l": "solid", "ankle_r": "solid",  # up, strong
                     "hand_r": "outline", "ankle_l": "outline"}  # down on the floor


def test_the_hip_flexor_ball_sits_at_the_hip_crease_not_under_the_belly(library):
    figure = library.exercises["ball-hip-flexor-release"].figure
    for pose in poses(figure):  # face down, head to the right: the thighs are to the left
        body = Body(figure, pose)
        (x, _), r = body.ball
        assert x <= body.points["hip"][0] + 1  # at the crease or toward the thighs
        assert r >= 10  # as big as the head: a small ball hid under the body


def test_the_foam_roller_goes_under_the_thighs_in_the_second_position(library):
    body, _ = last_key(library, "foam-roll-back")
    (x, _), _r = body.ball
    assert body.points["hip"][0] < x < body.points["knee_r"][0]


def test_a_twist_brings_one_shoulder_forward_and_bigger(library):
    figure = library.exercises["sit-and-rotate"].figure
    square, turned = (draw(figure, pose) for pose in poses(figure))

    def shoulder_discs(drawing):
        return [s for s in drawing.shapes if s.kind == "disc" and s.part == "near"]

    assert not shoulder_discs(square) and len(shoulder_discs(turned)) == 1


def test_glute_work_points_an_arrow_at_the_buttock(library):
    body, drawing = last_key(library, "glute-activation")
    hip = body.points["hip"]
    tips = [s.pts[1] for s in drawing.shapes if s.role == "mark" and s.kind == "poly"]
    assert any(abs(x - hip[0]) < 25 and abs(y - hip[1]) < 12 for x, y in tips)


def test_crossed_legs_put_the_under_leg_behind_in_outline(library):
    body, drawing = last_key(library, "seated-lumbar-twist")
    assert body.points["ankle_r"][0] < body.points["ankle_l"][0]  # the right leg crosses over
    legs = {shape.look for shape in drawing.shapes if shape.kind == "chain"
            for side in "lr" if body.points[f"toe_{side}"] in shape.pts}
    assert legs == {"solid", "outline"}


def test_a_leg_rotation_rings_the_shin(library):
    body, drawing = last_key(library, "seated-leg-rotations")
    knee, ankle = body.points["knee_r"], body.points["ankle_r"]
    shafts = [s for s in drawing.shapes if s.role == "mark" and s.kind == "chain"]
    xs = [x for s in shafts for x, y in s.pts if ankle[1] <= y <= knee[1]]
    assert min(xs) < min(knee[0], ankle[0]) - 5 and max(xs) > max(knee[0], ankle[0]) + 5


def test_an_oblique_crunch_arrows_the_elbow_to_the_knee(library):
    body, drawing = last_key(library, "oblique-crunch")
    tips = [s.pts[1] for s in drawing.shapes if s.role == "mark" and s.kind == "poly"]
    knee = body.points["knee_r"]
    assert any(abs(x - knee[0]) < 15 and 0 < y - knee[1] < 20 for x, y in tips)


def test_the_standing_hamstring_stretch_arrows_the_back_of_the_thigh(library):
    body, drawing = last_key(library, "standing-hamstring")
    hip, knee = body.points["hip_r"], body.points["knee_r"]
    tips = [s.pts[1] for s in drawing.shapes if s.role == "mark" and s.kind == "poly"]
    assert len(tips) == 2  # two heads: it stretches both ways
    for x, y in tips:
        assert knee[1] - 10 < y < hip[1] + 10 and x < max(hip[0], knee[0])  # behind the thigh


def test_an_arrow_stays_in_one_piece_in_half_blocks(library):
    from coach.core.figure.render import Frame, paint

    figure = library.exercises["prone-press-up"].figure  # its chest arrow rises off the back
    canvas = paint(figure, Frame(float(len(figure.keys) - 1)), 35, 18, "blocks")
    ink = {key for key, role in canvas.ink.items() if role == "mark"}
    seen, pieces = set(), 0
    for start in ink:  # count 8-connected pieces of the arrow's pixels
        if start in seen:
            continue
        pieces += 1
        todo = [start]
        while todo:
            x, y = todo.pop()
            if (x, y) in seen or (x, y) not in ink:
                continue
            seen.add((x, y))
            todo += [(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    assert ink and pieces == 1
