"""Motion marks a stranger knows: an arrow beside what lifts, its head the way it goes; a
curved arrow round a trunk that turns; a curved arrow round a foot that rotates; and the
shoulder blades as two slots in the back, with arrows pressing them together."""

from __future__ import annotations

import math
from dataclasses import replace

from coach.core.figure.body import HEAD_R, SHOULDER_W, TORSO, TRUNK_R, Body
from coach.core.figure.pose import BASES, poses
from coach.core.figure.shapes import Drawing, Point, Shape, add, chain, direction, disc, poly

SHAFT_R, HEAD_LEN, HEAD_W = 1.6, 9.0, 6.0
NECK_TO_TOP = 40.0  # an arc round the hips this far past the neck clears the head
LIFT_GAP, LIFT_LEN = 7.0, 16.0
GLUTE_OUT, GLUTE_R = 0.9, 8.0  # the rounded seat: how far behind the hips, how big
ROLL_GAP, ROLL_LEN = 7.0, 20.0  # a rolling arrow's gap from the ball, and its length
TWIST_RISE = 22.0  # a side-view twist arrow arcs this far above the shoulder or knee
WHERE = {"arm_l": "hand_l", "arm_r": "hand_r", "leg_l": "ankle_l", "leg_r": "ankle_r",
         "elbow_l": "elbow_l", "elbow_r": "elbow_r", "head": "head", "hips": "hip"}


def arrow(path: list[Point]) -> list[Shape]:
    """A shaft along `path` and a solid head at its last point, pointing along it."""
    (x0, y0), (x1, y1) = path[-2], path[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    d = ((x1 - x0) / length, (y1 - y0) / length)
    across = (-d[1], d[0])
    tip = add(path[-1], d, HEAD_LEN * 0.5)
    base = add(tip, d, -HEAD_LEN)
    shaft = [*path[:-1], base]
    # The head joins its shaft: its halo cut a one-pixel shaft off in half blocks.
    head = poly([add(base, across, HEAD_W), tip, add(base, across, -HEAD_W)], "solid", "mark",
                r=0.5)
    return [chain(shaft, SHAFT_R, role="mark", part="arrow"),
            replace(head, part="arrow", joins=("arrow",))]


def curve(centre: Point, u: Point, v: Point, start: float, end: float) -> list[Point]:
    """Points on the ellipse centre + u cos a + v sin a, from `start` to `end` degrees."""
    steps = max(4, int(abs(end - start) / 15))
    out = []
    for i in range(steps + 1):
        a = math.radians(start + (end - start) * i / steps)
        out.append((centre[0] + u[0] * math.cos(a) + v[0] * math.sin(a),
                    centre[1] + u[1] * math.cos(a) + v[1] * math.sin(a)))
    return out


def add_marks(out: Drawing, body: Body) -> None:
    p, pose = body.points, body.pose
    for part in pose.lift:
        if part == "chest":
            _chest_arc(out, body)
            continue
        if part == "lean":
            _lean(out, body)
            continue
        if part in ("glute", "hamstring", "roll"):
            {"glute": _glute, "hamstring": _hamstring, "roll": _roll}[part](out, body)
            continue
        x, y = p[WHERE[part]]
        y += HEAD_R if part == "head" else 0
        out.add(*arrow([(x, y + LIFT_GAP), (x, y + LIFT_GAP + LIFT_LEN)]))
        out.arrows += 1
    if abs(pose.turn) >= 10 and "lean" not in pose.lift:  # one arrow: the lean is the new move
        _twist(out, body)
    _foot_arcs(out, body)
    _blades(out, body)


def _chest_arc(out: Drawing, body: Body) -> None:
    """The chest rising: an arrow off the chest, square to the trunk, the way it turns."""
    base = BASES[body.view][body.base]["torso"]
    now = body.pose.angles["torso"]
    turning = 1.0 if (now - base + 180) % 360 - 180 >= 0 else -1.0
    way = (0.0, 1.0)
    chest = add(body.points["hip"], body.tdir, TORSO * 0.35)  # clear of the head
    start = add(add(chest, way, TRUNK_R[1] + LIFT_GAP), direction(now + turning * 90), 3.0)
    out.add(*arrow([start, add(start, way, LIFT_LEN)]))
    out.arrows += 1


def _glute(out: Drawing, body: Body) -> None:
    """The buttock at work: the seat rounded out behind the hips, as a muscle drawn for what
    it does, and an arrow from behind pointing at it, square to the trunk (round 2 readers
    saw only a lunge: the buttock did not show)."""
    behind = direction(body.pose.angles["torso"] + 90)  # the back's side (the body faces right)
    seat = add(body.points["hip"], body.tdir, -2.0)
    bulge = add(seat, behind, TRUNK_R[0] * GLUTE_OUT)
    out.add(replace(disc(bulge, GLUTE_R, halo=False), part="trunk"))
    tip = add(bulge, behind, GLUTE_R + LIFT_GAP)
    out.add(*arrow([add(tip, behind, LIFT_LEN + 6), tip]))
    out.arrows += 1


def _hamstring(out: Drawing, body: Body) -> None:
    """The back of the near thigh stretching: a two-headed arrow along it, just behind it."""
    p = body.points
    hip, knee = p["hip_r"], p["knee_r"]
    behind = direction(body.pose.angles["thigh_r"] - 90)
    ends = [add(add(hip, behind, LIFT_GAP + 6), (knee[0] - hip[0], knee[1] - hip[1]), f)
            for f in (0.15, 0.95)]
    out.add(*arrow(ends), *arrow(ends[::-1])[1:])
    out.arrows += 1


def _roll(out: Drawing, body: Body) -> None:
    """The body rolling over the ball or roller: an arrow out of each side of it, along the
    floor, ←●→ (round 2 readers saw the ball releases as one still picture)."""
    if body.ball is None:
        return
    (x, y), r = body.ball
    for way in (1.0, -1.0):
        start = x + way * (r + ROLL_GAP)
        out.add(*arrow([(start, y), (start + way * ROLL_LEN, y)]))
    out.arrows += 1


def _lean(out: Drawing, body: Body) -> None:
    """The trunk swung about the hips: an arc beyond the head, from where it started."""
    start = poses(body.figure)[0].angles["torso"]
    now = body.pose.angles["torso"]
    r = TORSO + NECK_TO_TOP
    path = curve(body.points["hip"], (r, 0.0), (0.0, r), start, now + (now - start) * 0.3)
    out.add(*arrow(path))
    out.arrows += 1


def _twist(out: Drawing, body: Body) -> None:
    """Front or back: a curved arrow round the chest, its front half crossing the trunk.
    Side: an arrow arcing from over the shoulder to the knee (the shoulder heads for it)."""
    p, turn = body.points, body.pose.turn
    sweep = 1.0 if turn > 0 else -1.0
    if body.wide:
        # The sign for "turn": a flat ring over the head, round the spine's line, its front
        # half toward us (round 3 readers missed a ring round the waist among the arms).
        centre = add(p["head"], (0.0, 1.0), HEAD_R + 19.0)
        u, v = (26.0, 0.0), (0.0, 9.0)  # wider than the shoulders, flat
        start = 180.0 if sweep > 0 else 0.0
        path = curve(centre, u, v, start - sweep * 100, start + sweep * 190)
    else:
        # From the side a turn is the shoulder going for the far knee: one diagonal arrow
        # from above the shoulder to the knee, clear over the reaching arms (an arrow from
        # the elbow ran along the arms and the two merged in half blocks).
        shoulder = add(p["neck"], (1.0, 1.0), TRUNK_R[1])
        knee = add(p["knee_r"], (-1.0, 1.0), 10.0)
        # A high arc, well clear of the arms (round 3 readers saw only a faint line).
        centre = ((shoulder[0] + knee[0]) / 2, max(shoulder[1], knee[1]))
        arc = curve(centre, ((knee[0] - shoulder[0]) / 2, 0.0), (0.0, TWIST_RISE), 180.0, 0.0)
        path = [shoulder, *arc[1:-1], knee]
    out.add(*arrow(path))
    out.arrows += 1


def _foot_arcs(out: Drawing, body: Body) -> None:
    """A foot turned from where it starts: a curved arrow round it, the way it turned."""
    first = poses(body.figure)[0].angles
    for side in ("r", "l"):
        name = f"foot_{side}"
        start, end = first.get(name), body.pose.angles.get(name)
        if start is not None and end is not None and abs(end - start) >= 20:
            if body.wide:  # a ring round the shin, its front half across it: the leg turns
                knee, ankle = body.points[f"knee_{side}"], body.points[f"ankle_{side}"]
                # Big and nearly closed round the shin, the foot clear below it: a circular
                # arrow, not a swing (round 3 readers saw a leg swinging out and in).
                mid = (knee[0] * 0.5 + ankle[0] * 0.5, knee[1] * 0.5 + ankle[1] * 0.5)
                way = 1.0 if end > start else -1.0
                path = curve(mid, (way * 20.0, 0.0), (0.0, 8.0), 130.0, -175.0)
            else:
                ankle = body.points[f"ankle_{side}"]
                path = curve(ankle, (21.0, 0.0), (0.0, 21.0), start, end)
            out.add(*arrow(path))
            out.arrows += 1


def _blades(out: Drawing, body: Body) -> None:
    """Two slots cut into the back; apart, or together with arrows pressing inward."""
    if body.pose.blades is None:
        return
    gap = 2.5 + 5 * body.pose.blades
    x, top = body.points["neck"][0], body.points["neck"][1] - 6
    for sign in (1, -1):
        out.add(chain([(x + sign * gap, top), (x + sign * gap, top - 16)], 2.4, "clear",
                      halo=False))
        if body.pose.blades < 0.5:
            out.add(*arrow([(x + sign * (SHOULDER_W + 22), top + 8),
                            (x + sign * (SHOULDER_W + 8), top + 8)]))
            out.arrows += 1
