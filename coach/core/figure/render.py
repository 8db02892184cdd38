"""A figure drawn to fit a box of characters: the same scale for every key position, so the
animation never jumps, standing on the box's floor and centred across it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from coach.core.figure.draw import draw
from coach.core.figure.model import Figure
from coach.core.figure.pose import at, poses, still
from coach.core.figure.raster import PIXEL, Canvas, Mode
from coach.core.figure.shapes import Drawing

MARGIN = 3.0  # body units of air round the figure
HEAVY_AT = 1.0  # pixels per body unit from which solid lines are drawn two dots wide


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
    return drawing.mirrored(_across_x(figure), ((x0 + x1) / 2, (y0 + y1) / 2))


def _across_x(figure: Figure) -> bool:
    """The top view of a body lying along the screen mirrors across its long axis."""
    return figure.view == "top" and figure.base in ("prone", "supine")


@lru_cache(maxsize=256)
def bounds(figure: Figure) -> tuple[float, float, float, float]:
    """The box every key position fits in, in body units: x0, y0, x1, y1."""
    xs: list[float] = []
    ys: list[float] = []
    for pose in poses(figure):
        drawing = draw(figure, pose)
        pts = drawing.points()
        xs += [x for x, _ in pts]
        ys += [y for _, y in pts]
        if drawing.floor is not None:
            ys.append(drawing.floor)
    return (min(xs) - MARGIN, min(ys) - MARGIN / 2, max(xs) + MARGIN, max(ys) + MARGIN)


def render(figure: Figure, frame: Frame, cols: int, rows: int, mode: Mode) -> list[str]:
    """The figure at `frame` as `rows` lines of `cols` characters."""
    return list(_render(figure, frame, max(1, cols), max(1, rows), mode))


@lru_cache(maxsize=512)  # a rep repeats its frames: after the first one, drawing is a lookup
def _render(figure: Figure, frame: Frame, cols: int, rows: int, mode: Mode) -> tuple[str, ...]:
    canvas = Canvas(cols, rows, mode)
    x0, y0, x1, y1 = bounds(figure)
    scale = min(cols / (x1 - x0), rows * 2 / (y1 - y0))  # cell widths per body unit
    pw, ph = PIXEL[mode]
    canvas.heavy = scale / pw >= HEAVY_AT
    left = (cols - (x1 - x0) * scale) / 2  # in cell widths
    bottom = rows * 2  # the figure's floor on the box's bottom edge

    def to_px(p: tuple[float, float]) -> tuple[float, float]:
        x, y = p
        return ((left + (x - x0) * scale) / pw, (bottom - (y - y0) * scale) / ph - 0.5)

    drawing = picture(figure, frame)
    if drawing.floor is not None:
        canvas.floor(to_px((0, drawing.floor))[1], "=" if "mat" in figure.props else "_")
    for s in drawing.strokes:
        canvas.line(to_px(s.a), to_px(s.b), s.style, s.kind)
    for c in drawing.circles:
        canvas.circle(c, to_px(c.centre), max(0.5, c.r * scale / pw))
    head = max(1.5, 4 * scale / pw)
    for a in drawing.arrows:
        canvas.arrow(a, to_px(a.tail), to_px(a.head), head)
    return tuple(canvas.lines())
