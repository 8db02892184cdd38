"""A posed body as a pictogram: far limbs in outline, a solid trunk that shows the back's
shape, near limbs solid, a round head set apart with a nose, then props and motion marks.

Paint order is depth order: what is drawn later clears a gap round itself, so a near arm
reads in front of the trunk and the head floats clear of the shoulders.
"""

from __future__ import annotations

from dataclasses import replace

from coach.core.figure.body import HEAD_R, TRUNK_R, Body
from coach.core.figure.marks import add_marks
from coach.core.figure.model import Figure
from coach.core.figure.pose import Pose
from coach.core.figure.props import add_props, add_under
from coach.core.figure.shapes import (
    Drawing,
    Look,
    Point,
    Shape,
    add,
    chain,
    corners,
    direction,
    disc,
    poly,
)

DEPTH_BEHIND = -3.0  # further back than this (body units) is drawn in outline
ARM_R, FOREARM_R, HAND_R = 4.6, 4.0, 3.8
THIGH_R, KNEE_R, ANKLE_R, FOOT_R = 6.2, 5.0, 4.0, 3.2
SHOULDER_DROP = 6.0
TURNED_GROW = 1.3  # the forward arm of a twisted trunk, against the other
NEAR = ("trunk", "near")  # the arm hangs from a little below the top of the trunk
HANG_CLEAR = 34.0  # feet this far above the floor under a bar: clearly hanging, not standing


def draw(figure: Figure, pose: Pose) -> Drawing:
    """The pose on the floor (or hanging from its bar), drawn for the right side."""
    body = Body(figure, pose)
    out = Drawing()
    if body.base == "hang":
        out.floor = min(y for _, y in body.points.values()) - HANG_CLEAR
    add_props(out, body)
    add_under(out, body)
    far, near = _limbs(body)
    out.add(*far)
    out.add(_trunk(body))
    out.add(*near)
    out.add(*_head(body))
    add_marks(out, body)
    if figure.crop is not None:
        out.fit = _close_up(out, body, figure.crop)
    return out


def _close_up(out: Drawing, body: Body, crop: str) -> list[Point]:
    """What a cropped picture fits: all but the legs, and the legs down to the knees or
    only their tops at the hips (the box's edge cuts the rest off)."""
    p = body.points
    legs = {(p[f"hip_{side}"], p[f"knee_{side}"]) for side in ("l", "r")}
    kept = [s for s in out.shapes if not (s.kind == "chain" and s.pts[:2] in legs)]
    ends = [
        chain([p[f"hip_{side}"], p[f"knee_{side}"]], THIGH_R * body.thick)
        if crop == "knees" else chain([p[f"hip_{side}"]], THIGH_R * body.thick)
        for side in ("l", "r")
    ]
    return corners(kept + ends)


def _far(body: Body, side: str, joint: str) -> bool:
    if body.view == "side":
        # A limb that lifts is the one to see: drawn near (solid), its pair far (outline),
        # so a left arm rising with the right leg is as strong as the leg.
        limb = "arm" if joint == "hand" else "leg"
        lifted = {part[-1] for part in body.pose.lift
                  if part[:-2] in (limb, "elbow" if limb == "arm" else limb)}
        if len(lifted) == 1:
            return side not in lifted
        return side == "l"
    p = body.points
    if joint == "knee" and p["ankle_r"][0] < p["ankle_l"][0]:
        return side == "l"  # legs crossed, the right over the left: the left one is behind
    return body.depth.get(f"{joint}_{side}", 0.0) < DEPTH_BEHIND


def _limbs(body: Body) -> tuple[list[Shape], list[Shape]]:
    """Each limb as one chain (one halo round the whole of it), sorted far and near."""
    p = body.points
    far: list[Shape] = []
    near: list[Shape] = []
    for side in ("l", "r"):
        shoulder = _shoulder(body, side)
        arm_look: Look = "outline" if _far(body, side, "hand") else "solid"
        leg_look: Look = "outline" if _far(body, side, "knee") else "solid"
        # Near limbs and the trunk merge: one silhouette, as signage draws it (a gap between
        # them cut the trunk into slivers at this size). Far limbs stand apart, in outline.
        grow = _forward(body, side)
        k = grow * body.thick
        arm = chain([shoulder, p[f"elbow_{side}"], p[f"hand_{side}"]],
                    [ARM_R * k, FOREARM_R * k, HAND_R * k], arm_look,
                    part=_part(arm_look), joins=NEAR)
        if grow > 1:  # the shoulder turned toward us: a round, bigger shoulder says "turned"
            near.append(replace(disc(shoulder, ARM_R * grow * 1.5), part="near", joins=NEAR))
        leg = chain([p[f"hip_{side}"], p[f"knee_{side}"], p[f"ankle_{side}"], p[f"toe_{side}"]],
                    [r * body.thick for r in (THIGH_R, KNEE_R, ANKLE_R, FOOT_R)], leg_look, part=_part(leg_look),
                    joins=NEAR if leg_look == "solid" else ())
        for shape in (leg, arm):
            (far if shape.look == "outline" else near).append(shape)
    return far, near


def _forward(body: Body, side: str) -> float:
    """How much bigger an arm is drawn: a twisted trunk's forward shoulder comes at us."""
    if not body.wide or body.depth.get(f"shoulder_{side}", 0.0) < 3.0:
        return 1.0
    return TURNED_GROW


def _part(look: Look) -> str:
    return "far" if look == "outline" else "near"


def _shoulder(body: Body, side: str) -> Point:
    return add(body.points[f"shoulder_{side}"], body.tdir, -SHOULDER_DROP)


def _trunk(body: Body) -> Shape:
    """Side view: a bowed chain, deeper at the chest. Front and back: shoulders to hips."""
    p = body.points
    if not body.wide:
        top = add(p["neck"], body.tdir, -4.0)
        k = body.thick
        return chain([p["hip"], p["mid"], top], [TRUNK_R[0] * k, (TRUNK_R[0] + 0.5) * k,
                                                 TRUNK_R[1] * k], part="trunk")
    drop = body.tdir[0] * -3.0, body.tdir[1] * -3.0
    corners = [p["hip_l"], p["hip_r"], add(p["shoulder_r"], drop), add(p["shoulder_l"], drop)]
    return replace(poly(corners, "solid", "body", r=4.0), part="trunk")


def _head(body: Body) -> list[Shape]:
    """The head, and what says where it faces: a nose in profile or on a turned face, eyes
    on a face seen from the front, nothing on the back of a head."""
    head, angle = body.points["head"], body.pose.angles["head"]
    shapes = [replace(disc(head, HEAD_R), part="head")]
    if body.view == "side":
        face = direction(angle - 90)
        shapes.append(_nose(head, face))
    elif body.view == "front" and abs(body.pose.turn) >= 10:
        side = 1.0 if body.pose.turn > 0 else -1.0
        shapes.append(_nose(head, (side, 0.0)))
    elif body.view == "front":
        for sign in (1, -1):
            shapes.append(disc((head[0] + sign * 3.2, head[1] + 1.0), 1.4, "clear", halo=False))
    return shapes


def _nose(head: Point, face: Point) -> Shape:
    across = (-face[1], face[0])
    base = add(head, face, HEAD_R - 3)
    return replace(poly([add(base, across, 3.6), add(head, face, HEAD_R + 5.5),
                         add(base, across, -3.6)], "solid", "body", r=0.6),
                   part="head", joins=("head",))
