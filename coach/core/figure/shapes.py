"""Drawing primitives in body units: strokes, circles and arrows, and moving them about."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

Style = Literal["solid", "dotted", "bold"]
Point = tuple[float, float]


@dataclass(frozen=True)
class Stroke:
    a: Point
    b: Point
    style: Style = "solid"
    kind: str = "body"  # body, prop, floor, mark: the ASCII renderer picks characters by it


@dataclass(frozen=True)
class Circle:
    centre: Point
    r: float
    filled: bool = False
    kind: str = "body"


@dataclass(frozen=True)
class Arrow:
    tail: Point
    head: Point


@dataclass
class Drawing:
    strokes: list[Stroke] = field(default_factory=list)
    circles: list[Circle] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    floor: float | None = 0.0  # height of the floor line; None in the top view

    def points(self) -> list[Point]:
        out = [p for s in self.strokes for p in (s.a, s.b)]
        for c in self.circles:
            x, y = c.centre
            out += [(x - c.r, y - c.r), (x + c.r, y + c.r)]
        out += [p for a in self.arrows for p in (a.tail, a.head)]
        return out

    def mirrored(self, across_x: bool, centre: Point) -> Drawing:
        """Flipped left-right (or, across_x, top-bottom) about centre: the other side's
        picture, in the same box."""
        cx, cy = centre

        def f(p: Point) -> Point:
            return (p[0], 2 * cy - p[1]) if across_x else (2 * cx - p[0], p[1])

        return Drawing(
            [Stroke(f(s.a), f(s.b), s.style, s.kind) for s in self.strokes],
            [Circle(f(c.centre), c.r, c.filled, c.kind) for c in self.circles],
            [Arrow(f(a.tail), f(a.head)) for a in self.arrows],
            self.floor,
        )


def direction(degrees: float) -> Point:
    r = math.radians(degrees)
    return (math.cos(r), math.sin(r))


def add(p: Point, v: Point, k: float = 1.0) -> Point:
    return (p[0] + v[0] * k, p[1] + v[1] * k)
