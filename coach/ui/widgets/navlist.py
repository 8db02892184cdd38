"""An OptionList that also answers to the vi keys j and k, and its two-line rows."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList


def row(title: str, detail: str, right: str = "") -> Table:
    """A bold title (with an optional right-aligned note) over a dim detail line.

    A grid as wide as the list: a wider window shows more of a long name, and a narrow one
    cuts it with an ellipsis rather than wrapping onto a third line. User text goes in as
    Text, so it is never read as markup.
    """
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(Text(title, "bold", no_wrap=True, overflow="ellipsis"), Text(right))
    grid.add_row(Text(detail, "dim", no_wrap=True, overflow="ellipsis"), "")
    return grid


def one_line(text: Text) -> Table:
    """A row that is cut with an ellipsis at the list's width instead of wrapping."""
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_row(text)
    return grid


class NavList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("enter", "select", "Open", id="open"),
    ]


class RoutineList(NavList):
    """The picker's list: Enter starts the routine."""

    BINDINGS = [Binding("enter", "select", "Start", id="start")]
