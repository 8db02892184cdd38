"""Dots and characters: a drawing rasterised into braille, half blocks or plain ASCII.

Braille gives 2x4 dots a cell, half blocks 1x2 (the Linux console's font has them but no
braille), ASCII one character a cell chosen by the slope of the line through it.
"""

from __future__ import annotations

import math
from typing import Literal

from coach.core.figure.shapes import Arrow, Circle, Drawing, Stroke

Mode = Literal["braille", "blocks", "ascii"]
# Pixel size in cell widths (a cell is one wide and two tall): square for the dot modes.
PIXEL = {"braille": (0.5, 0.5), "blocks": (1.0, 1.0), "ascii": (1.0, 2.0)}
_BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
_HALF = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
# ASCII: who wins a cell when two things land in it (higher wins).
_ASCII_HEAD = (" .-. ", "(   )", " '-' ")
_RANK = {"floor": 0, "prop": 1, "dotted": 2, "body": 3, "mark": 4, "head": 5}


class Canvas:
    """A grid of pixels (dot modes) or characters (ASCII), in pixel coordinates."""

    def __init__(self, cols: int, rows: int, mode: Mode):
        self.cols, self.rows, self.mode = cols, rows, mode
        w, h = PIXEL[mode]
        self.width, self.height = round(cols / w), round(rows * 2 / h)
        self.dots: set[tuple[int, int]] = set()
        self.heavy = False  # a big picture: solid lines two dots wide so they still read
        self.chars: dict[tuple[int, int], tuple[int, str]] = {}

    # -- painting -------------------------------------------------------------------------

    def _put(self, x: float, y: float, char: str = "", rank: int = 3) -> None:
        ix, iy = round(x), round(y)
        if not (0 <= ix < self.width and 0 <= iy < self.height):
            return
        if self.mode != "ascii":
            self.dots.add((ix, iy))
        elif char and rank >= self.chars.get((ix, iy), (-1, ""))[0]:
            self.chars[(ix, iy)] = (rank, char)

    def line(self, a, b, style: str = "solid", kind: str = "body") -> None:
        (x0, y0), (x1, y1) = a, b
        length = math.hypot(x1 - x0, y1 - y0)
        if self.mode == "ascii":  # one character per cell along the longer axis
            steps = max(1, math.ceil(max(abs(x1 - x0), abs(y1 - y0))))
        else:
            steps = max(1, math.ceil(length * 2))
        char, rank = self._line_char(x1 - x0, y1 - y0, style, kind)
        thick = self.mode != "ascii" and (style == "bold" or (self.heavy and style == "solid"))
        across = (0, 1) if abs(x1 - x0) >= abs(y1 - y0) else (1, 0)
        for i in range(steps + 1):
            t = i / steps
            x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            if style == "dotted" and self.mode != "ascii" and int(t * length) % 2:
                continue
            self._put(x, y, char, rank)
            if thick:
                self._put(x + across[0], y + across[1])

    def _line_char(self, dx: float, dy: float, style: str, kind: str) -> tuple[str, int]:
        if self.mode != "ascii":
            return "", 0
        if kind == "floor":
            return style, _RANK["floor"]  # the floor's own character comes in as its style
        if style == "dotted":
            return ".", _RANK["dotted"]
        angle = math.degrees(math.atan2(-dy * PIXEL["ascii"][1], dx)) % 180
        char = "-" if angle < 22.5 or angle >= 157.5 else "/" if angle < 67.5 else (
            "|" if angle < 112.5 else "\\")
        if kind == "prop" and char == "-":
            char = "="  # a seat or a bar: heavier than a limb
        return char, _RANK.get(kind, _RANK["body"])

    def circle(self, c: Circle, centre, r_px: float) -> None:
        cx, cy = centre
        if self.mode == "ascii":
            self._ascii_circle(c, cx, cy, r_px)
            return
        if c.filled:
            span = math.ceil(r_px)
            for dx in range(-span, span + 1):
                for dy in range(-span, span + 1):
                    if dx * dx + dy * dy <= r_px * r_px + 0.5:
                        self._put(cx + dx, cy + dy)
            return
        steps = max(8, math.ceil(r_px * 8))
        for i in range(steps):
            a = 2 * math.pi * i / steps
            self._put(cx + r_px * math.cos(a), cy + r_px * math.sin(a))

    def _ascii_circle(self, c: Circle, cx: float, cy: float, r_px: float) -> None:
        if c.kind == "mark" and not c.filled:
            self._put(cx, cy, "o", _RANK["mark"])
        elif c.kind == "mark":
            pass  # the inset's nose: its shoulder line already says where the face points
        elif c.kind == "prop":
            self._put(cx, cy, "@" if c.filled else "O", _RANK["mark"])
            if not c.filled and r_px >= 1:
                self._put(cx - 1, cy, "(", _RANK["mark"])
                self._put(cx + 1, cy, ")", _RANK["mark"])
        elif c.filled:
            self._put(cx, cy, "'", _RANK["body"])  # the nose: a tick beside the head
        elif r_px < 2:
            self._put(cx, cy, "O", _RANK["head"])
        else:
            for dy, row in enumerate(_ASCII_HEAD, -1):
                for dx, char in enumerate(row, -2):
                    if char != " " or dy == 0:  # the face is blank: no limb crosses it
                        self._put(cx + dx, cy + dy, char, _RANK["head"])

    def arrow(self, a: Arrow, tail, head, head_px: float) -> None:
        (x0, y0), (x1, y1) = tail, head
        self.line(tail, head, "solid", "mark")
        if self.mode == "ascii":
            dx, dy = x1 - x0, (y1 - y0) * PIXEL["ascii"][1]
            char = (">" if dx > 0 else "<") if abs(dx) > abs(dy) else ("v" if dy > 0 else "^")
            self._put(x1, y1, char, _RANK["head"])
            return
        angle = math.atan2(y1 - y0, x1 - x0)
        for turn in (2.5, -2.5):
            end = (x1 + head_px * math.cos(angle + turn), y1 + head_px * math.sin(angle + turn))
            self.line(head, end, "solid", "mark")

    def floor(self, y: float, char: str) -> None:
        for x in range(self.width):
            self._put(x, y, char, _RANK["floor"])
            if self.mode != "ascii" and char == "=":
                self._put(x, y - 1)

    # -- reading --------------------------------------------------------------------------

    def lines(self) -> list[str]:
        """Exactly `rows` lines of exactly `cols` characters."""
        grid = [[" "] * self.cols for _ in range(self.rows)]
        if self.mode == "ascii":
            for (x, y), (_, char) in self.chars.items():
                grid[y][x] = char
            return ["".join(row) for row in grid]
        cells: dict[tuple[int, int], int] = {}
        if self.mode == "blocks":  # bit 1: the top half of the cell, bit 2: the bottom half
            for x, y in self.dots:
                cells[(x, y // 2)] = cells.get((x, y // 2), 0) | (1 << (y % 2))
            for (col, row), bits in cells.items():
                grid[row][col] = _HALF[(bool(bits & 1), bool(bits & 2))]
        else:
            for x, y in self.dots:
                key = (x // 2, y // 4)
                cells[key] = cells.get(key, 0) | _BRAILLE_BITS[y % 4][x % 2]
            for (col, row), bits in cells.items():
                grid[row][col] = chr(0x2800 + bits)
        return ["".join(row) for row in grid]


__all__ = ["Canvas", "Mode", "PIXEL", "Stroke", "Drawing"]
