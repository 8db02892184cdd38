"""The session's countdown: Textual's three-line digits in a small window, block digits that
grow with the room in a big one (a 200x60 terminal read from across the room)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.renderables.digits import Digits
from textual.widget import Widget

# 3x5 block font; each pixel becomes scale rows by 2*scale columns (cells are about 1:2)
FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
}
ROWS = 5


def block_text(text: str, scale: int) -> Text:
    """The text in block digits, each pixel scale rows high and 2*scale columns wide."""
    glyphs = [FONT[ch] for ch in text if ch in FONT]
    lines = []
    for row in range(ROWS):
        line = " ".join("".join(("█" if px == "#" else " ") * 2 * scale for px in g[row])
                        for g in glyphs)
        lines.extend([line] * scale)
    return Text("\n".join(lines))


def block_width(text: str, scale: int) -> int:
    glyphs = [FONT[ch] for ch in text if ch in FONT]
    return sum(len(g[0]) * 2 * scale for g in glyphs) + max(0, len(glyphs) - 1)


def small_text(text: str) -> Text:
    """Textual's three-line digits as plain lines, so a unit can follow them."""
    rows = "".join(s.text for s in Digits(text).render(Style()) if isinstance(s, Segment))
    return Text(rows.rstrip("\n"))


def with_unit(digits: Text, unit: str) -> Text:
    """The unit in small letters after the digits' bottom row ("17 s", "1:30 min"), so a
    count of seconds cannot be read as a count of reps."""
    if not unit:
        return digits
    lines = digits.split("\n")
    width = max(line.cell_len for line in lines)
    out = Text()
    for n, line in enumerate(lines):
        if n:
            out.append("\n")
        out.append_text(line)
        if n == len(lines) - 1:
            out.append(" " * (width - line.cell_len) + f" {unit}", "bold")
    return out


class Countdown(Widget):
    DEFAULT_CSS = """
    Countdown { width: auto; height: auto; max-height: 20; }
    """

    value: reactive[str] = reactive("", layout=True)
    unit: reactive[str] = reactive("", layout=True)

    def scale(self, room_w: int | None = None) -> int:
        """How big the room lets the digits be: 0 for the small three-line digits. The room
        is the parent's: the widget is only as wide as its digits, so a second's change sends
        the digits and not a line of spaces after them."""
        if room_w is None:
            room_w = self.container_size.width
        room_w -= self.unit_width
        room_h = max(0, self.app.size.height - 24)  # what the window has beyond 80x24
        for scale in (3, 2, 1):
            if block_width(self.value, scale) <= room_w and ROWS * scale <= room_h:
                return scale
        return 0

    @property
    def unit_width(self) -> int:
        return len(self.unit) + 1 if self.unit else 0

    def get_content_width(self, container: Size, viewport: Size) -> int:
        scale = self.scale(container.width)
        digits = block_width(self.value, scale) if scale else Digits.get_width(self.value)
        return digits + self.unit_width

    def render(self) -> RenderableType:
        scale = self.scale()
        digits = block_text(self.value, scale) if scale else small_text(self.value)
        return with_unit(digits, self.unit)

    def get_content_height(self, container, viewport, width: int) -> int:
        scale = self.scale()
        return ROWS * scale if scale else 3
