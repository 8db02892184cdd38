"""A bitmap at the cell grid's sub-resolution, filled from shapes, then encoded as characters.

Braille gives 2x4 dots a cell; half blocks 2x2 read back as ▀▄▌▐█ (the Linux console's
font has those but no braille and no quarter blocks); ASCII 2x2 read back as one character
chosen by which quarters are inked. Shapes
arrive in cell-width units (a cell is one wide and two tall), already placed in the box.
"""

from __future__ import annotations

import math
from typing import Literal

from coach.core.figure.shapes import Point, Shape

Mode = Literal["braille", "blocks", "ascii"]
# Pixel size in cell widths: square for the dot modes, 2x2 a cell for ASCII.
PIXEL = {"braille": (0.5, 0.5), "blocks": (0.5, 1.0), "ascii": (0.5, 1.0)}
_BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
# Half blocks by quarters inked (top-left, top-right, bottom-left, bottom-right): the Linux
# console's font (CP437 and its descendants) has the four halves and the full block, no
# quarters, so a lone quarter takes its row's half and a diagonal pair the full block.
_HALVES = {(1, 1, 0, 0): "▀", (0, 0, 1, 1): "▄", (1, 0, 1, 0): "▌", (0, 1, 0, 1): "▐",
           (1, 0, 0, 0): "▀", (0, 1, 0, 0): "▀", (0, 0, 1, 0): "▄", (0, 0, 0, 1): "▄",
           (0, 0, 0, 0): " "}
# ASCII by quarters inked: top-left, top-right, bottom-left, bottom-right.
_QUARTERS = {
    (0, 0, 0, 0): " ", (1, 1, 1, 1): "#", (1, 1, 0, 0): '"', (0, 0, 1, 1): "o",
    (1, 0, 1, 0): "|", (0, 1, 0, 1): "|", (1, 0, 0, 1): "\\", (0, 1, 1, 0): "/",
    (1, 0, 0, 0): "'", (0, 1, 0, 0): "'", (0, 0, 1, 0): ".", (0, 0, 0, 1): ".",
}


Span = tuple[float, float]


def _disc_span(c: Point, r: float, y: float) -> Span | None:
    dy = y - c[1]
    if abs(dy) > r:
        return None
    half = math.sqrt(r * r - dy * dy)
    return c[0] - half, c[0] + half


def _slab_span(a: Point, b: Point, r: float, y: float) -> Span | None:
    """Where the row y crosses the band of half-width r along the segment a-b (ends square)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return None
    lo, hi = -math.inf, math.inf
    # along = ((x - ax) dx + (y - ay) dy) / length in [0, length]; across in [-r, r]
    for k, c0, low, high in ((dx, (y - a[1]) * dy, 0.0, length * length),
                             (-dy, (y - a[1]) * dx, -r * length, r * length)):
        if k == 0:
            if not low <= c0 <= high:
                return None
            continue
        x0, x1 = (low - c0) / k + a[0], (high - c0) / k + a[0]
        lo, hi = max(lo, min(x0, x1)), min(hi, max(x0, x1))
    return (lo, hi) if lo <= hi else None


def _poly_span(pts: tuple[Point, ...], r: float, y: float) -> Span | None:
    """A convex polygon's crossing with the row, widened by its rounding r."""
    xs: list[float] = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if min(y0, y1) - r <= y <= max(y0, y1) + r:
            if y0 != y1:
                t = max(0.0, min(1.0, (y - y0) / (y1 - y0)))
                xs.append(x0 + (x1 - x0) * t)
            xs += [x0, x1] if y0 == y1 else []
    return (min(xs) - r, max(xs) + r) if xs else None


def _hull(spans: list[Span | None]) -> list[Span]:
    found = [sp for sp in spans if sp is not None]
    return [(min(lo for lo, _ in found), max(hi for _, hi in found))] if found else []


def row_spans(shape: Shape, y: float, grow: float) -> list[Span]:
    """Where the row y crosses the shape grown by `grow`: discs and polygons (convex) once,
    a chain once for each of its pieces (a bent arm crosses a row twice, and the gap
    between must stay open)."""
    if shape.kind == "disc":
        return _hull([_disc_span(shape.pts[0], shape.r[0] + grow, y)])
    if shape.kind == "poly":
        return _hull([_poly_span(shape.pts, shape.r[0] + grow, y)])
    if len(shape.pts) == 1:
        return _hull([_disc_span(shape.pts[0], shape.r[0] + grow, y)])
    out: list[Span] = []
    for i in range(len(shape.pts) - 1):
        (a, ra), (b, rb) = (shape.pts[i], shape.r[i]), (shape.pts[i + 1], shape.r[i + 1])
        out += _hull([_disc_span(a, ra + grow, y), _disc_span(b, rb + grow, y),
                      _slab_span(a, b, min(ra, rb) + grow, y)])
    return out


class Canvas:
    """Pixels, each remembering what inked it (body, prop, mark, floor)."""

    def __init__(self, cols: int, rows: int, mode: Mode):
        self.cols, self.rows, self.mode = cols, rows, mode
        self.pw, self.ph = PIXEL[mode]
        self.width, self.height = round(cols / self.pw), round(rows * 2 / self.ph)
        self.ink: dict[tuple[int, int], str] = {}  # pixel -> the role that inked it
        self.parts: dict[tuple[int, int], str] = {}  # pixel -> the part that inked it

    def _rows(self, shape: Shape, grow: float):
        """The pixels whose centres fall inside the shape grown by `grow`."""
        r = max(shape.r) + grow
        ys = [y for _, y in shape.pts]
        y0 = max(0, math.floor((min(ys) - r) / self.ph))
        y1 = min(self.height - 1, math.ceil((max(ys) + r) / self.ph))
        for iy in range(y0, y1 + 1):
            for lo, hi in row_spans(shape, (iy + 0.5) * self.ph, grow):
                x0 = max(0, math.ceil(lo / self.pw - 0.5))
                x1 = min(self.width - 1, math.floor(hi / self.pw - 0.5))
                for ix in range(x0, x1 + 1):
                    yield ix, iy

    def paint(self, shape: Shape) -> None:
        """Clear the halo, then ink the shape (or only its rim, or nothing for `clear`)."""
        line = max(self.pw, self.ph)  # one pixel, across or down
        if shape.halo or shape.look == "clear":
            for key in self._rows(shape, line if shape.halo else 0.0):
                if shape.look == "clear" or self.parts.get(key) not in shape.joins:
                    self.ink.pop(key, None)
        if shape.look == "clear":
            return
        inside = set()
        if shape.look == "outline" and min(shape.r) >= 1.4 * line:
            inside = set(self._rows(shape, -line))
        for key in self._rows(shape, 0.0):
            if key not in inside:
                self.ink[key] = shape.role
                self.parts[key] = shape.part
        for key in inside:  # a hollow shape: what lies behind it does not show through
            self.ink.pop(key, None)

    def clear(self, shape: Shape, parts: tuple[str, ...]) -> None:
        """Unink what these parts left inside the shape: a wider gap against them only."""
        for key in self._rows(shape, 0.0):
            if self.parts.get(key) in parts:
                self.ink.pop(key, None)

    # -- reading --------------------------------------------------------------------------

    def lines(self) -> list[str]:
        """Exactly `rows` lines of exactly `cols` characters."""
        grid = [[" "] * self.cols for _ in range(self.rows)]
        cells: dict[tuple[int, int], int] = {}
        if self.mode == "braille":
            for x, y in self.ink:
                key = (x // 2, y // 4)
                cells[key] = cells.get(key, 0) | _BRAILLE_BITS[y % 4][x % 2]
            for (col, row), bits in cells.items():
                grid[row][col] = chr(0x2800 + bits)
            return ["".join(row) for row in grid]
        for x, y in self.ink:  # blocks and ASCII: four quarters a cell
            key = (x // 2, y // 2)
            cells[key] = cells.get(key, 0) | (1 << (2 * (y % 2) + x % 2))
        table, full = (_HALVES, "█") if self.mode == "blocks" else (_QUARTERS, "#")
        for (col, row), bits in cells.items():
            quarters = ((bits >> 0) & 1, (bits >> 1) & 1, (bits >> 2) & 1, (bits >> 3) & 1)
            grid[row][col] = table.get(quarters, full)
        return ["".join(row) for row in grid]


__all__ = ["Canvas", "Mode", "PIXEL", "row_spans"]
