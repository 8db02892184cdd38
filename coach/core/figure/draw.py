"""A posed body as a drawing: limbs with their styles, head and nose, props and marks."""

from __future__ import annotations

import math
from collections.abc import Collection

from coach.core.figure.body import HEAD_R, Body
from coach.core.figure.marks import add_marks
from coach.core.figure.model import Figure
from coach.core.figure.pose import Pose
from coach.core.figure.shapes import Arrow, Circle, Drawing, Point, Stroke, Style, add, direction

DEPTH_BEHIND = -3.0  # further back than this (body units) is drawn dotted


def _style(body: Body, side: str, joint: str, lifted: Collection[str], limb: str) -> Style:
    if body.view == "top" and lifted:
        return "bold" if limb in lifted else "dotted"
    if body.view == "side" and side == "l":
        return "dotted"
    if body.depth.get(f"{joint}_{side}", 0.0) < DEPTH_BEHIND:
        return "dotted"
    return "solid"


def draw(figure: Figure, pose: Pose) -> Drawing:
    """The pose as strokes on the floor (or hanging from its bar), drawn for the right side."""
    body = Body(figure, pose)
    p = body.points
    out = Drawing()
    lifted = {part for part in pose.lift if part.startswith(("arm", "leg"))}
    for side in ("l", "r"):  # the far side first, so near strokes win where they cross
        upper = _style(body, side, "elbow", lifted, f"arm_{side}")
        lower = _style(body, side, "hand", lifted, f"arm_{side}")
        leg = _style(body, side, "knee", lifted, f"leg_{side}")
        out.strokes += [
            Stroke(p[f"shoulder_{side}"], p[f"elbow_{side}"], upper),
            Stroke(p[f"elbow_{side}"], p[f"hand_{side}"], lower),
            Stroke(p[f"hip_{side}"], p[f"knee_{side}"], leg),
            Stroke(p[f"knee_{side}"], p[f"ankle_{side}"], leg),
            Stroke(p[f"ankle_{side}"], p[f"toe_{side}"], leg),
        ]
    out.strokes.append(Stroke(p["hip"], p["neck"], "solid" if body.view == "side" else "bold"))
    if body.wide:
        out.strokes += [Stroke(p["shoulder_l"], p["shoulder_r"]), Stroke(p["hip_l"], p["hip_r"])]
    out.strokes.append(Stroke(p["neck"], add(p["head"], direction(pose.angles["head"]), -HEAD_R)))
    out.circles.append(Circle(p["head"], HEAD_R))
    _face(out, body)
    _blades(out, body)
    if body.ball:
        centre, r = body.ball
        out.circles.append(Circle(centre, r, filled="ball" in figure.props, kind="prop"))
    if body.view == "top":
        out.floor = None
    elif body.base == "hang":
        out.floor = min(y for _, y in out.points()) - 10
    _props(out, body)
    add_marks(out, body)
    return out


def _face(out: Drawing, body: Body) -> None:
    """A nose: which way the head looks, and in the front view how far it has turned."""
    head = body.points["head"]
    if body.view == "side":
        nose = add(head, direction(body.pose.angles["head"] - 90), HEAD_R + 1.5)
        out.circles.append(Circle(nose, 1.5, filled=True))
    elif body.view == "front" and abs(body.pose.turn) >= 10:
        nose = (head[0] + math.sin(math.radians(body.pose.turn)) * (HEAD_R + 1), head[1] - 1)
        out.circles.append(Circle(nose, 1.5, filled=True))


def _blades(out: Drawing, body: Body) -> None:
    """Shoulder blades on the back, and arrows squeezing them together."""
    if body.pose.blades is None:
        return
    gap = 2.5 + 6 * body.pose.blades
    x, top = body.points["neck"][0], body.points["neck"][1] - 6
    for sign in (1, -1):
        out.strokes.append(Stroke((x + sign * gap, top), (x + sign * gap, top - 13), "bold",
                                  "mark"))
        if body.pose.blades < 0.5:
            out.arrows.append(Arrow((x + sign * (gap + 13), top - 6),
                                    (x + sign * (gap + 3), top - 6)))


def _props(out: Drawing, body: Body) -> None:
    p, props = body.points, body.figure.props
    if "chair" in props:
        _chair(out, body)
    if "bar" in props:
        hands_y = max(p["hand_l"][1], p["hand_r"][1]) + 2
        floor = out.floor if out.floor is not None else hands_y - 100
        for x in (-34.0, 34.0):
            out.strokes.append(Stroke((x, hands_y), (x, floor), "solid", "prop"))
        out.strokes.append(Stroke((-38.0, hands_y), (38.0, hands_y), "bold", "prop"))
    if "support" in props:
        hand = max(p["hand_l"], p["hand_r"], key=lambda q: q[0])
        post = hand[0] + 2
        out.strokes += [Stroke((post, 0.0), (post, hand[1] + 4), "bold", "prop"),
                        Stroke((post - 5, hand[1] + 4), (post + 3, hand[1] + 4), "solid", "prop")]
    if "wall" in props:
        x = max(x for x, _ in out.points()) + 4
        out.strokes.append(Stroke((x, 0.0), (x, p["head"][1] + HEAD_R), "bold", "prop"))
    if "mat" in props and body.view == "top":
        xs = [x for x, _ in out.points()]
        ys = [y for _, y in out.points()]
        box = (min(xs) - 4, min(ys) - 4, max(xs) + 4, max(ys) + 4)
        _rect(out, box, "dotted")


def _rect(out: Drawing, box: tuple[float, float, float, float], style: Style) -> None:
    x0, y0, x1, y1 = box
    corners: list[Point] = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    for a, b in zip(corners, corners[1:] + corners[:1]):
        out.strokes.append(Stroke(a, b, style, "prop"))


def _chair(out: Drawing, body: Body) -> None:
    hx, hy = body.points["hip"]
    seat = hy - 3
    if body.view == "side":
        out.strokes += [
            Stroke((hx - 12, seat), (hx + 20, seat), "bold", "prop"),
            Stroke((hx - 12, seat), (hx - 12, seat + 40), "solid", "prop"),
            Stroke((hx - 12, seat), (hx - 12, 0.0), "solid", "prop"),
            Stroke((hx + 18, seat), (hx + 18, 0.0), "solid", "prop"),
        ]
    elif body.view in ("front", "back"):  # the seat's front edge; its legs behind ours
        out.strokes += [
            Stroke((hx - 28, seat), (hx + 28, seat), "solid", "prop"),
            Stroke((hx - 26, seat), (hx - 26, 0.0), "dotted", "prop"),
            Stroke((hx + 26, seat), (hx + 26, 0.0), "dotted", "prop"),
        ]
    else:
        _rect(out, (hx - 22, hy - 30, hx + 22, hy + 8), "dotted")
