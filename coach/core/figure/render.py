"""A figure drawn to fit a box of characters: the same scale for every key position, so the
animation never jumps, standing on the box's floor and centred across it."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from coach.core.figure.body import HEAD_R, LYING
from coach.core.figure.draw import draw
from coach.core.figure.model import Figure
from coach.core.figure.pose import at, poses, still
from coach.core.figure.props import MAT_DEPTH
from coach.core.figure.raster import PIXEL, Canvas, Mode
from coach.core.figure.shapes import Drawing, Point, Shape, chain, poly

MARGIN = 3.0  # body units of air round the figure
MIN_R = {"body": 0.8, "prop": 0.5, "mark": 0.5, "floor": 0.5}  # thinnest half-width, in pixels
# Half blocks: a small disc reads round only at some sizes and places on the cell grid
# (radius, centre's x past a cell's left edge, centre's y past a cell's top, in cell widths):
# these give ▄██▄/▀██▀, ▄███▄/▀███▀ and the three-row ▄██▄/▐████▌/▀██▀. Anywhere else the
# same disc came out as a box, which readers took for a hat.
LYING_DEPTH = 2.5  # half a lying trunk's depth in half blocks, in pixel rows
HEAD_AIR = 1.6  # trunk cleared round a half-block head, in cell widths (three pixels across)
ROUND_HEADS = ((1.75, 0.0, 0.0), (2.1, 0.5, 0.0), (2.6, 0.0, 1.0), (2.9, 0.5, 1.0))
SMALL_HEAD = ROUND_HEADS[-1][0] + 0.4  # below this radius a head is snapped to one of those


@dataclass(frozen=True)
class Frame:
    """Where to draw from: a position along the keys, and whether to mirror (left side)."""

    position: float = 0.0
    mirrored: bool = False
    marks: bool = True  # arrows and lifts; off when the figure is only getting ready


def picture(figure: Figure, frame: Frame) -> Drawing:
    """The drawing for one moment, mirrored (within the figure's box) for the left side."""
    pose = at(poses(figure), frame.position)
    if not frame.marks:
        pose = still(pose)
    drawing = draw(figure, pose)
    if not frame.mirrored:
        return drawing
    x0, y0, x1, y1 = bounds(figure)
    return drawing.mirrored(((x0 + x1) / 2, (y0 + y1) / 2))


@lru_cache(maxsize=256)
def bounds(figure: Figure) -> tuple[float, float, float, float]:
    """The box every key position fits in, in body units: x0, y0, x1, y1."""
    xs: list[float] = []
    ys: list[float] = []
    for pose in poses(figure):
        drawing = draw(figure, pose)
        pts = drawing.framed()
        xs += [x for x, _ in pts]
        ys += [y for _, y in pts]
        # A close-up of a standing or sitting body leaves its floor below the box; a body
        # lying on it keeps it.
        if drawing.floor is not None and (figure.crop is None or figure.base in LYING):
            ys.append(drawing.floor - (MAT_DEPTH if "mat" in figure.props else 0.0))
    return (min(xs) - MARGIN, min(ys) - MARGIN / 2, max(xs) + MARGIN, max(ys) + MARGIN)


def render(figure: Figure, frame: Frame, cols: int, rows: int, mode: Mode) -> list[str]:
    """The figure at `frame` as `rows` lines of `cols` characters."""
    return list(_render(figure, frame, max(1, cols), max(1, rows), mode))


@lru_cache(maxsize=512)  # a rep repeats its frames: after the first one, drawing is a lookup
def _render(figure: Figure, frame: Frame, cols: int, rows: int, mode: Mode) -> tuple[str, ...]:
    return tuple(paint(figure, frame, cols, rows, mode).lines())


def paint(figure: Figure, frame: Frame, cols: int, rows: int, mode: Mode) -> Canvas:
    """The figure at `frame` inked into a canvas the box's size (tests read its pixels)."""
    canvas = Canvas(cols, rows, mode)
    x0, y0, x1, y1 = bounds(figure)
    scale = min(cols / (x1 - x0), rows * 2 / (y1 - y0))  # cell widths per body unit
    left = (cols - (x1 - x0) * scale) / 2  # in cell widths
    bottom = rows * 2  # the figure's floor on the box's bottom edge
    px = canvas.pw

    def to_cells(p: Point) -> Point:
        return (left + (p[0] - x0) * scale, bottom - (p[1] - y0) * scale)

    drawing = picture(figure, frame)
    if drawing.floor is not None:  # first, so everything clears a gap above it
        top = to_cells((0.0, drawing.floor))[1]
        # A mat: a strip as thick as MAT_DEPTH (two pixel rows at least), the same in every
        # key position; a bare floor: one row.
        depth = max(MAT_DEPTH * scale, 2 * canvas.ph) if "mat" in figure.props else canvas.ph
        y = top - canvas.ph / 2 + depth / 2
        canvas.paint(chain([(0.0, y), (float(cols), y)], depth / 2 + canvas.ph * 0.05,
                           role="floor", halo=False))
    head: Shape | None = None
    for s in drawing.shapes:
        if canvas.mode == "blocks" and s.part == "head" and s.kind == "poly" and (
                head is not None and HEAD_R * scale < SMALL_HEAD):
            # A nose drawn to scale on a head this small is a cap's brim: a bump two pixels
            # tall at the middle of the face side says which way it faces instead.
            bump = _bump(head, to_cells(s.pts[1]))
            if bump is not None:
                canvas.paint(bump)
            continue
        # Marks and the nose at least a pixel thick both ways: half blocks' pixels are twice
        # as tall as wide, and a shaft or a nose thinner than that broke into specks.
        tall = s.role == "mark" or s.part == "head"
        least = MIN_R.get(s.role, 0.5) * (max(px, canvas.ph) if tall else px)
        radii = tuple(max(least, r * scale) for r in s.r)
        look = s.look
        if look == "outline" and min(radii) < 1.4 * px:  # too thin to hollow: thinner instead
            look, radii = "solid", tuple(max(0.5 * px, r * 0.55) for r in radii)
        pts = tuple(to_cells(p) for p in s.pts)
        if canvas.mode == "blocks" and s.part == "trunk" and figure.base in LYING:
            # Half blocks' rows are coarse: a trunk lying down at least five rows deep,
            # grown upward so its gap above the floor stays.
            deep = tuple(max(r, LYING_DEPTH * canvas.ph) for r in radii)
            pts = tuple((x, y - (d - r)) for (x, y), r, d in zip(pts, radii, deep))
            radii = deep
        shape = replace(s, pts=pts, r=radii, look=look)
        if canvas.mode == "blocks" and s.part == "head" and s.kind == "disc":
            shape = round_head(shape, canvas.rows * 2)
            # A pixel's gap beside the head still leaves the trunk in the next cell, and a
            # half block fills its whole cell's width: clear a whole cell of trunk round it.
            canvas.clear(replace(shape, r=(shape.r[0] + HEAD_AIR,)), ("trunk",))
            head = shape
        canvas.paint(shape)
    return canvas


def _bump(head: Shape, tip: Point) -> Shape | None:
    """A nose for a small half-block head: one cell out from its two middle pixel rows,
    on the side the nose points to (none for a face turned up or down: no side shows it)."""
    (x, y), r = head.pts[0], head.r[0]
    dx, dy = tip[0] - x, tip[1] - y
    if abs(dx) < abs(dy):
        return None
    # A half block fills its cell's width, so the bump is the whole next cell out.
    half = math.sqrt(r * r - 0.25)  # the head's widest pixel rows reach this far
    pw = PIXEL["blocks"][0]
    if dx > 0:
        last = math.floor((x + half) / pw - 0.5)  # its outermost pixel column
        x0, x1 = (last + 1) * pw, (last + 3) * pw
    else:
        last = math.ceil((x - half) / pw - 0.5)
        x0, x1 = (last - 2) * pw, last * pw
    # Two pixels out (one cell's width whichever half the head ends on), two rows tall.
    x0, x1, y0, y1 = x0 + 0.01, x1 - 0.01, y - 0.99, y + 0.99
    return replace(poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], halo=False, role="body"),
                   part="nose")


def round_head(head: Shape, height: float) -> Shape:
    """A small head moved and sized to the nearest disc that half blocks draw round, moved up
    rather than down (away from the shoulders) unless that leaves the box."""
    (x, y), r = head.pts[0], head.r[0]
    if r > SMALL_HEAD:
        return head  # big enough to read round anywhere
    size, dx, dy = min(ROUND_HEADS, key=lambda g: abs(g[0] - r))
    x = math.floor(x - dx + 0.5) + dx
    up = math.floor((y - dy) / 2) * 2 + dy
    y = up if y - up <= 1.2 and up - size >= 0 else up + 2
    if y + size > height:
        y -= 2
    return replace(head, pts=((x, y),), r=(size,))
