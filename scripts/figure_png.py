"""Terminal text as a PNG, the way a terminal shows it: braille as its dots, half blocks as
half cells, anything else in DejaVu Sans Mono; light on dark, one cell 10x20 px.

Several panels (each a list of lines, e.g. an exercise's key positions) go side by side,
with a thin rule between them; an optional caption goes under each panel.
"""

from __future__ import annotations

import subprocess
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

INK, PAPER, RULE = (225, 225, 225), (30, 30, 30), (90, 90, 90)
DOTS = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]  # braille bit -> x, y
CW, CH, PAD, GAP = 10, 20, 10, 24


@lru_cache(maxsize=1)
def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans Mono"],
                          capture_output=True, text=True, check=False).stdout
    return ImageFont.truetype(path, 15) if path else ImageFont.load_default()


def _cell(draw: ImageDraw.ImageDraw, px: int, py: int, c: str) -> None:
    if 0x2800 <= ord(c) <= 0x28FF:
        bits = ord(c) - 0x2800
        for bit, (dx, dy) in enumerate(DOTS):
            if bits >> bit & 1:
                cx, cy = px + 2.5 + dx * 5, py + 2.5 + dy * 5
                draw.ellipse((cx - 1.8, cy - 1.8, cx + 1.8, cy + 1.8), fill=INK)
    elif c in "▌▐":
        left = px if c == "▌" else px + CW // 2
        draw.rectangle((left, py, left + CW // 2 - 1, py + CH - 1), fill=INK)
    elif c in "▀▄█":
        top = py if c != "▄" else py + CH // 2
        bottom = py + CH if c != "▀" else py + CH // 2
        draw.rectangle((px, top, px + CW - 1, bottom - 1), fill=INK)
    elif c != " ":
        draw.text((px, py), c, font=_font(), fill=INK)


def panels_png(panels: list[list[str]], out: str, captions: list[str] | None = None) -> None:
    """Panels side by side, with captions under them when given."""
    widths = [max((len(line) for line in lines), default=0) for lines in panels]
    height = max(len(lines) for lines in panels)
    caption_h = CH + PAD if captions else 0
    total_w = sum(w * CW for w in widths) + GAP * (len(panels) - 1) + 2 * PAD
    img = Image.new("RGB", (total_w, height * CH + 2 * PAD + caption_h), PAPER)
    draw = ImageDraw.Draw(img)
    x0 = PAD
    for n, (lines, width) in enumerate(zip(panels, widths)):
        if n:
            draw.line((x0 - GAP // 2, PAD, x0 - GAP // 2, PAD + height * CH), fill=RULE, width=2)
        for y, line in enumerate(lines):
            for x, c in enumerate(line):
                _cell(draw, x0 + x * CW, PAD + y * CH, c)
        if captions:
            draw.text((x0, PAD + height * CH + PAD // 2), captions[n], font=_font(), fill=INK)
        x0 += width * CW + GAP
    img.save(out)
