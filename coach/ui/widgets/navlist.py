"""An OptionList that also answers to the vi keys j and k, and its two-line rows."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList


class Lines(Visual):
    """Lines as wide as the list, each cut with an ellipsis rather than wrapped, with an
    optional note right-aligned on the first. A wider window shows more of a long name.

    A Textual Visual rather than a Rich table: a list of a hundred rows lays out in a
    fraction of the time (the picker's first frame spent a fifth of its time in Rich's
    table layout, profiled). User text goes in as plain Content, never as markup.
    """

    def __init__(self, lines: list[Content], right: Content | None = None) -> None:
        self.lines = lines
        self.right = right or Content()

    def __str__(self) -> str:
        return "\n".join(line.plain for line in self.lines) + self.right.plain

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        widths = [line.cell_length for line in self.lines] or [0]
        gap = 1 if self.right.cell_length else 0
        return max(widths[0] + gap + self.right.cell_length, *widths)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines)

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        strips = []
        # A space always parts the note from the title: "After-work reset, bridge18 min"
        # ran together when the title filled its room.
        gap = 1 if self.right.cell_length else 0
        for n, line in enumerate(self.lines[:height]):
            room = max(0, width - self.right.cell_length - gap) if n == 0 else width
            line = line.truncate(room, ellipsis=True)
            # Spaces in the line's own style: one run of text up to the note, as a terminal
            # (and an SVG screenshot) shows it.
            line = line.extend_right(room - line.cell_length)
            if n == 0:
                line = line + Content(" " * gap) + self.right
            strips += line.truncate(width).render_strips(width, 1, style, options)
        return strips


def row(title: str, detail: str, right: str = "") -> Lines:
    """A bold title (with an optional right-aligned note) over a dim detail line."""
    return Lines([Content.styled(title, "bold"), Content.styled(detail, "dim")], Content(right))


def one_line(text: Text) -> Lines:
    """A row that is cut with an ellipsis at the list's width instead of wrapping."""
    return Lines([Content.from_rich_text(text)])


class NavList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("enter", "select", "Open", id="open"),
    ]


class RoutineList(NavList):
    """The picker's list: Enter starts the routine."""

    BINDINGS = [Binding("enter", "select", "Start", id="start")]
