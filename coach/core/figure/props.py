"""Props by their shape: a chair with seat, back and legs; a ball as a disc; a roller seen
from its end, a hole through it; a mat as a thick strip; a bar overhead; a post or a wall."""

from __future__ import annotations

from coach.core.figure.body import FLOOR_GAP, LIMB_R, SHIN, THIGH, TRUNK_R, Body
from coach.core.figure.shapes import Drawing, chain, disc, poly

MAT_DEPTH = 5.0  # the mat's thickness under the floor line (drawn by the renderer)
LEG_R, RAIL_R = 1.8, 2.4  # a chair's legs, and its back rail, a bar or a post
ROLLER_HOLE, ROLLER_CORE = 0.6, 0.3  # the roller's hole and its core, against its radius


def add_props(out: Drawing, body: Body) -> None:
    """The props the body sits on, holds or leans against: painted first, behind it."""
    p, props = body.points, body.figure.props
    if "chair" in props:
        _chair(out, body)
    if "bar" in props:
        y = max(p["hand_l"][1], p["hand_r"][1])
        out.add(chain([(-42.0, y), (42.0, y)], RAIL_R + 0.6, role="prop"))
        for x in (-42.0, 42.0):
            out.add(chain([(x, y), (x, out.floor or 0.0)], RAIL_R, role="prop", halo=False))
    if "support" in props:
        hand = max(p["hand_l"], p["hand_r"], key=lambda q: q[0])
        x = hand[0] + 3
        out.add(chain([(x, 0.0), (x, hand[1] + 8)], RAIL_R + 0.8, role="prop", halo=False))
    if "wall" in props:
        x = max(x for x, _ in p.values()) + 10
        out.add(poly([(x, 0.0), (x + 6, 0.0), (x + 6, p["head"][1] + 20), (x, p["head"][1] + 20)]))


def _chair(out: Drawing, body: Body) -> None:
    hx, hy = body.points["hip"]
    if body.base == "stand":  # a chair left behind: where the figure sat, standing on its feet
        hx, hy = -THIGH, SHIN + FLOOR_GAP + LIMB_R
    seat = hy - TRUNK_R[0] - 1.0
    if body.view == "side":  # seat, a back behind the hips, legs to the floor
        back_x = hx - 12.0
        out.add(poly([(back_x, seat - 4), (hx + 20, seat - 4), (hx + 20, seat), (back_x, seat)],
                     r=0.8),
                chain([(back_x, seat), (back_x - 3, seat + 42)], RAIL_R, role="prop"),
                chain([(back_x + 1, seat - 4), (back_x + 1, 0.0)], LEG_R, role="prop",
                      halo=False),
                chain([(hx + 18, seat - 4), (hx + 18, 0.0)], LEG_R, role="prop", halo=False))
        return
    # Front or back: the chair's back posts and top rail show round the body, seat and legs
    # below.
    width, back = 30.0, seat + 44
    out.add(chain([(hx - width, seat), (hx - width, back), (hx + width, back), (hx + width, seat)],
                  RAIL_R, role="prop"),
            poly([(hx - width - 2, seat - 5), (hx + width + 2, seat - 5), (hx + width + 2, seat),
                  (hx - width - 2, seat)], r=0.8))
    for x in (hx - width, hx + width):
        out.add(chain([(x, seat - 5), (x, 0.0)], LEG_R, role="prop", halo=False))


def add_under(out: Drawing, body: Body) -> None:
    """The ball (a solid disc) or the roller (its end: a tyre, a hole, a core) under the body."""
    if body.ball is None:
        return
    centre, r = body.ball
    if "roller" in body.figure.props:
        # Its end: a thick tyre round a hole with a core in it, not a ring the size of a
        # head (round 3 readers took the roller's rim for one); a thin rim broke into specks
        # in half blocks.
        out.add(disc(centre, r, "solid", "prop"),
                disc(centre, r * ROLLER_HOLE, "clear", "prop", halo=False),
                disc(centre, r * ROLLER_CORE, "solid", "prop", halo=False))
    else:
        out.add(disc(centre, r, "solid", "prop"))
