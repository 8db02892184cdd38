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
