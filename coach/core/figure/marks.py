"""Marks that say what a still picture cannot: arrows for what lifts, a small view from
above for a trunk that turns, and an arc for a foot that rotates."""

from __future__ import annotations

from coach.core.figure.body import HEAD_R, HIP_W, SHOULDER_W, Body
from coach.core.figure.pose import BASES
from coach.core.figure.shapes import Arrow, Circle, Drawing, Point, Stroke, add, direction

LIFT_GAP, LIFT_LEN = 5.0, 11.0
WHERE = {"arm_l": "hand_l", "arm_r": "hand_r", "leg_l": "ankle_l", "leg_r": "ankle_r",
         "head": "head", "chest": "neck", "hips": "hip"}


def add_marks(out: Drawing, body: Body) -> None:
    """Lift arrows (not in the top view, where lifted limbs are bold instead), the turn
    inset for a figure that turns in any key, and foot arcs."""
    p, pose = body.points, body.pose
    if body.view != "top":
        for part in pose.lift:
            x, y = p[WHERE[part]]
            y += HEAD_R if part == "head" else 0
            out.arrows.append(Arrow((x, y + LIFT_GAP), (x, y + LIFT_GAP + LIFT_LEN)))
    if any(key.turn for key in body.figure.keys):
        _turn_inset(out, body)
    if body.view == "top":
        _foot_arcs(out, body)


def arc(out: Drawing, centre: Point, r: float, start: float, end: float) -> None:
    """An arc from `start` to `end` degrees with an arrowhead at `end`."""
    steps = max(3, int(abs(end - start) / 12))
    pts = [add(centre, direction(start + (end - start) * i / steps), r) for i in range(steps + 1)]
    for a, b in zip(pts, pts[1:-1]):
        out.strokes.append(Stroke(a, b, "solid", "mark"))
    out.arrows.append(Arrow(pts[-2], pts[-1]))


def _inset_centre(body: Body) -> Point:
    """Beside the head in the front and back views; above the body when it lies down."""
    hip = body.points["hip"]
    if body.view in ("front", "back"):
        return (hip[0] + 40, body.points["neck"][1] + 10)
    return (hip[0] + 40, hip[1] + 72)


def _turn_inset(out: Drawing, body: Body) -> None:
    """The trunk seen from above, small: hips (dotted) stay square, the shoulders (solid)
    turn, the nose shows where the face points, and an arc arrow says which way."""
    turn = body.pose.turn
    c = _inset_centre(body)
    out.strokes.append(Stroke(add(c, (-1, 0), HIP_W * 1.2), add(c, (1, 0), HIP_W * 1.2),
                              "dotted", "mark"))
    shoulders = direction(turn)
    out.strokes.append(Stroke(add(c, shoulders, -SHOULDER_W * 0.85),
                              add(c, shoulders, SHOULDER_W * 0.85), "bold", "mark"))
    out.circles.append(Circle(c, HEAD_R * 0.55, kind="mark"))
    out.circles.append(Circle(add(c, direction(turn - 90), HEAD_R * 0.55 + 2), 1.2, filled=True,
                              kind="mark"))
    if abs(turn) >= 10:
        arc(out, c, SHOULDER_W * 0.85 + 4, -90, -90 + turn)


def _foot_arcs(out: Drawing, body: Body) -> None:
    base = BASES[body.view][body.base]
    for side in ("r", "l"):
        name = f"foot_{side}"
        start, end = base.get(name), body.pose.angles.get(name)
        if start is not None and end is not None and abs(end - start) >= 20:
            arc(out, body.points[f"ankle_{side}"], 12.0, start, end)
