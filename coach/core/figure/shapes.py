"""Filled shapes in body units, painted in order: capsule chains (limbs and a trunk with
rounded ends), discs (a head, a ball), rounded polygons (a chair seat, a mat, an arrowhead).

Each shape clears a thin halo round itself before it is painted, the way signage draws a
limb in front of a body: a gap, not a merged blob. `look` says how it is painted: solid,
outline (a far limb, a roller's rim), or clear (a hole cut into what is already there).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Literal

Point = tuple[float, float]
Kind = Literal["chain", "disc", "poly"]
Look = Literal["solid", "outline", "clear"]
Role = Literal["body", "prop", "mark", "floor"]


@dataclass(frozen=True)
class Shape:
    kind: Kind
    pts: tuple[Point, ...]  # chain: its joints; disc: the centre; poly: the corners
    r: tuple[float, ...]  # chain: a radius per joint; disc and poly: one (a poly's rounding)
    look: Look = "solid"
    role: Role = "body"
    halo: bool = True  # clear a pixel's width round the shape first
    part: str = ""  # what it is (trunk, far, near...): its pixels remember it
    joins: tuple[str, ...] = ()  # parts its halo leaves alone: it merges with those


def chain(pts: list[Point], r: float | list[float], look: Look = "solid",
          role: Role = "body", halo: bool = True, part: str = "",
          joins: tuple[str, ...] = ()) -> Shape:
    radii = tuple(r) if isinstance(r, list) else (r,) * len(pts)
    return Shape("chain", tuple(pts), radii, look, role, halo, part, joins)


def disc(centre: Point, r: float, look: Look = "solid", role: Role = "body",
         halo: bool = True) -> Shape:
    return Shape("disc", (centre,), (r,), look, role, halo)


def poly(pts: list[Point], look: Look = "solid", role: Role = "prop", r: float = 0.0,
         halo: bool = True) -> Shape:
    return Shape("poly", tuple(pts), (r,), look, role, halo)


@dataclass
class Drawing:
    shapes: list[Shape] = field(default_factory=list)
    floor: float | None = 0.0  # height of the floor's top; None when there is none
    arrows: int = 0  # how many motion marks the drawing carries (tests read it)
    fit: list[Point] | None = None  # a close-up: what the box must fit (None: every shape)

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)

    def points(self) -> list[Point]:
        """The corners of every shape's box."""
        return corners(self.shapes)

    def framed(self) -> list[Point]:
        """What the picture must fit: every shape, or only the close-up's part of them."""
        return self.points() if self.fit is None else self.fit

    def mirrored(self, centre: Point) -> Drawing:
        """Flipped left-right about centre: the other side's picture, in the same box."""
        cx = centre[0]
        shapes = [replace(s, pts=tuple((2 * cx - x, y) for x, y in s.pts)) for s in self.shapes]
        fit = None if self.fit is None else [(2 * cx - x, y) for x, y in self.fit]
        return Drawing(shapes, self.floor, self.arrows, fit)


def corners(shapes: list[Shape]) -> list[Point]:
    """The corners of each shape's box (each point grown by its shape's widest radius)."""
    out: list[Point] = []
    for s in shapes:
        r = max(s.r)
        for x, y in s.pts:
            out += [(x - r, y - r), (x + r, y + r)]
    return out


def direction(degrees: float) -> Point:
    r = math.radians(degrees)
    return (math.cos(r), math.sin(r))


def add(p: Point, v: Point, k: float = 1.0) -> Point:
    return (p[0] + v[0] * k, p[1] + v[1] * k)


def towards(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
