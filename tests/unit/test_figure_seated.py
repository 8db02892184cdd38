"""Issue 16, round 3: the seated front and back views, where the movement was a small detail
(readers named them only by comparing): each one's key feature drawn big."""

from __future__ import annotations

from coach.core.figure.body import Body
from coach.core.figure.draw import draw
from coach.core.figure.pose import poses


def _marks(figure, n):
    return [s for s in draw(figure, poses(figure)[n]).shapes if s.role == "mark"]


def test_a_turning_trunk_gets_the_turn_sign_over_its_head(library):
    """A ring over the head, wider than the shoulders, not a ring among the arms."""
    for exercise_id in ("sit-and-rotate", "seated-lumbar-twist", "sit-rotate-side-bend"):
        figure = library.exercises[exercise_id].figure
        body = Body(figure, poses(figure)[1])
        top = body.points["head"][1] + 10  # the head's radius
        ring = [p for s in _marks(figure, 1) for p in s.pts]
        assert ring and min(y for _, y in ring) > top, exercise_id
        xs = [x for x, _ in ring]
        shoulders = abs(body.points["shoulder_r"][0] - body.points["shoulder_l"][0])
        assert max(xs) - min(xs) > 1.5 * shoulders, exercise_id


def test_a_leg_rotation_is_a_nearly_closed_circle_round_the_shin(library):
    """A circular arrow, not an arc of a swing: it goes most of the way round, above and
    below the shin's middle, and leaves the foot clear below it."""
    figure = library.exercises["seated-leg-rotations"].figure
    for n in (1, 2):
        body = Body(figure, poses(figure)[n])
        knee, ankle = body.points["knee_r"], body.points["ankle_r"]
        mid_y = (knee[1] + ankle[1]) / 2
        shaft = max((s for s in _marks(figure, n) if s.kind == "chain"), key=lambda s: len(s.pts))
        ys = [y for _, y in shaft.pts]
        assert max(ys) > mid_y + 6 and min(ys) < mid_y - 6, n
        assert len(shaft.pts) >= 15, n  # most of a turn (a point every 15 degrees)
        assert min(ys) > ankle[1] + 3, n  # the foot below it shows


def test_a_side_bend_after_a_turn_carries_only_the_lean_arrow(library):
    """The turn showed in the key before; a ring and a lean arc together were a tangle."""
    figure = library.exercises["sit-rotate-side-bend"].figure
    drawing = draw(figure, poses(figure)[2])
    assert drawing.arrows == 1
    body = Body(figure, poses(figure)[2])
    heads = [s for s in _marks(figure, 2) if s.kind == "poly"]
    assert len(heads) == 1 and heads[0].pts[1][0] > body.points["head"][0]  # toward the lean
