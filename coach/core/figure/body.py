"""A pose as joint positions in body units (the torso is 48 long), resting on the floor.

Depth only decides a stroke's style: in the side view the right limbs are near (solid) and
the left far (dotted); in the front view a trunk turn sends one shoulder and arm back
(dotted) and brings the other forward.
"""

from __future__ import annotations

import math

from coach.core.figure.model import Figure
from coach.core.figure.pose import BASES, Pose
from coach.core.figure.shapes import Point, add, direction

TORSO, NECK, HEAD_R = 48.0, 9.0, 10.0
UPPER_ARM, FOREARM, THIGH, SHIN, FOOT = 26.0, 24.0, 40.0, 38.0, 10.0
SHOULDER_W, HIP_W = 12.0, 7.0
BALL_R, ROLLER_R = 16.0, 15.0  # a third of a body lying: as big as the head read as a knee or a head
BACK_BOW = 9.0  # how far a fully rounded (or arched) back bows from the straight line
TRUNK_R = (9.0, 10.0)  # half the trunk's depth at the hips and at the chest (side view)
LIMB_R = 5.0  # the thickest limb's half-width: what must clear the floor
TURNED_FOOT = 1.9  # a foot's length when its turn is the movement (front and back views)
FLOOR_GAP = 7.0  # the body rests clear above the floor, so the two never merge
# A body lying along the floor is drawn thicker and further above it: its depth is all the
# half blocks have to show it by (a pixel there is twice as tall as wide), and readers took
# a thinner one, sunk into the mat, for a line on the floor.
LYING = ("prone", "supine", "all fours")
LYING_THICK, LYING_GAP = 1.35, 11.0

# Segments shortened because they point at the viewer (or, a foot seen from above, drawn
# longer so its turn reads): (view, base) -> segment -> factor.
_SHORT = {
    ("front", "sit"): {"thigh": 0.35},
    ("back", "sit"): {"thigh": 0.35},
}
# Where the figure's right side lies, as a turn from the torso's direction (degrees); views
# and bases missing here have no width (the side view).
_RIGHT_OF_TORSO = {
    ("front", "stand"): -90, ("front", "sit"): -90, ("front", "hang"): -90,
    ("back", "stand"): -90, ("back", "sit"): -90, ("back", "hang"): -90,
}


class Body:
    """Joint positions and depths for one pose in one view, resting where it should."""

    def __init__(self, figure: Figure, pose: Pose):
        self.view, self.base, self.pose, self.figure = figure.view, figure.base, pose, figure
        self.short = _SHORT.get((figure.view, figure.base), {})
        self.thick = LYING_THICK if figure.base in LYING else 1.0
        a = pose.angles
        turn_from = _RIGHT_OF_TORSO.get((figure.view, figure.base))
        self.wide = turn_from is not None
        self.tdir = direction(a["torso"])
        self.right = direction(a["torso"] + (turn_from or 0))
        base_right = direction(BASES[figure.view][figure.base]["torso"] + (turn_from or 0))
        p: dict[str, Point] = {"hip": (0.0, 0.0)}
        p["neck"] = add(p["hip"], self.tdir, TORSO * self.short.get("torso", 1))
        p["head"] = add(p["neck"], direction(a["head"]), NECK + HEAD_R)
        # The back's bow: the trunk's middle pushed back (rounded) or forward (arched).
        back = direction(a["torso"] + 90) if not self.wide else (0.0, 0.0)
        p["mid"] = add(add(p["hip"], self.tdir, TORSO * 0.5), back, BACK_BOW * pose.back)
        self.depth: dict[str, float] = {}
        for side, sign in (("r", 1.0), ("l", -1.0)):
            hip = add(p["hip"], base_right, sign * HIP_W) if self.wide else p["hip"]
            p[f"hip_{side}"] = hip
            p[f"knee_{side}"] = add(hip, direction(a[f"thigh_{side}"]), self._len("thigh", THIGH))
            p[f"ankle_{side}"] = add(p[f"knee_{side}"], direction(a[f"shin_{side}"]), SHIN)
            # A foot turned in a front or back view is what moves (leg rotations): drawn
            # longer so its turn reads, as a paddle rather than a knob at the ankle.
            turned = self.wide and f"foot_{side}" in a
            p[f"toe_{side}"] = add(p[f"ankle_{side}"], direction(self._foot(side)),
                                   self._len("foot", FOOT) * (TURNED_FOOT if turned else 1))
            self._arm(p, side, sign)
        self.points = p
        self.ball = self._under()
        self._rest()

    def _len(self, segment: str, length: float) -> float:
        return length * self.short.get(segment, 1)

    def _arm(self, p: dict[str, Point], side: str, sign: float) -> None:
        a = self.pose.angles
        shoulder = (self.right[0] * sign * SHOULDER_W, self.right[1] * sign * SHOULDER_W)
        if not self.wide:
            shoulder = (0.0, 0.0)
        upper = direction(a[f"arm_{side}"])
        upper = (upper[0] * self._len("arm", UPPER_ARM), upper[1] * self._len("arm", UPPER_ARM))
        lower = direction(a[f"forearm_{side}"])
        lower = (lower[0] * self._len("forearm", FOREARM),
                 lower[1] * self._len("forearm", FOREARM))
        depth = [0.0, 0.0, 0.0]
        if self.wide and self.pose.turn:
            shoulder, d0 = self._turned(shoulder)
            upper, d1 = self._turned(upper)
            lower, d2 = self._turned(lower)
            depth = [d0, d0 + d1, d0 + d1 + d2]
        p[f"shoulder_{side}"] = add(p["neck"], shoulder)
        p[f"elbow_{side}"] = add(p[f"shoulder_{side}"], upper)
        p[f"hand_{side}"] = add(p[f"elbow_{side}"], lower)
        for joint, d in zip(("shoulder", "elbow", "hand"), depth):
            self.depth[f"{joint}_{side}"] = d

    def _turned(self, v: Point) -> tuple[Point, float]:
        """v turned with the trunk: its sideways part swings about the spine (screen, depth)."""
        turn = math.radians(self.pose.turn)
        side = v[0] * self.right[0] + v[1] * self.right[1]
        along = (v[0] - self.right[0] * side, v[1] - self.right[1] * side)
        return add(along, self.right, side * math.cos(turn)), -side * math.sin(turn)

    def _foot(self, side: str) -> float:
        a = self.pose.angles
        if f"foot_{side}" in a:
            return a[f"foot_{side}"]
        if self.view in ("front", "back"):
            return 0.0 if side == "r" else 180.0
        if self.base in ("prone", "all fours"):
            return a[f"shin_{side}"]  # toes pointed back along the floor
        return a[f"shin_{side}"] + 90

    def _under(self) -> tuple[Point, float] | None:
        """Where the ball or roller sits (centre, radius), just under the back."""
        if self.pose.under is None:
            return None
        r = ROLLER_R if "roller" in self.figure.props else BALL_R
        hip, neck = self.points["hip"], self.points["neck"]
        spot = add(hip, (neck[0] - hip[0], neck[1] - hip[1]), self.pose.under)
        return (spot[0], spot[1] - r - TRUNK_R[0] - 3.5), r  # room for a gap at any size

    def lowest(self) -> float:
        p, k = self.points, self.thick
        ys = [y - LIMB_R * k for _, y in p.values()] + [p["head"][1] - HEAD_R]
        ys += [p["hip"][1] - TRUNK_R[0] * k, p["mid"][1] - (TRUNK_R[0] + 0.5) * k]
        return min(ys)

    def _rest(self) -> None:
        """Feet (standing), hips or hands stay put between keys; the lowest point on the floor."""
        p = self.points
        if self.base == "hang":
            dx = -(p["hand_l"][0] + p["hand_r"][0]) / 2
            dy = -max(p["hand_l"][1], p["hand_r"][1])
        else:
            dx = -(p["ankle_l"][0] + p["ankle_r"][0]) / 2 if self.base == "stand" else 0.0
            dy = (LYING_GAP if self.base in LYING else FLOOR_GAP) - self.lowest()
            if self.ball:  # the ball or roller sits on the floor, the body clear above it
                dy = max(dy, 0.5 - (self.ball[0][1] - self.ball[1]))
        self.points = {k: (x + dx, y + dy) for k, (x, y) in p.items()}
        if self.ball:
            (x, y), r = self.ball
            self.ball = ((x + dx, y + dy), r)
