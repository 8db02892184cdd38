"""An OptionList that also answers to the vi keys j and k, and its two-line rows."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList

ROW_WIDTH = 28  # the list is 34 columns: border, padding and a scrollbar take six


def fit(text: str, width: int) -> str:
    """Cut text to width with an ellipsis, so a row never wraps onto a third line."""
    return text if len(text) <= width else text[: width - 1] + "…"


def row(title: str, detail: str, right: str = "") -> Text:
    """A bold title (with an optional right-aligned note) over a dim detail line."""
    room = ROW_WIDTH - (len(right) + 1 if right else 0)
    text = Text()
    text.append(fit(title, room).ljust(room), "bold")
    if right:
        text.append(" " + right)
    text.append("\n" + fit(detail, ROW_WIDTH), "dim")
    return text


class NavList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("enter", "select", "Open", id="open"),
    ]


class RoutineList(NavList):
    """The picker's list: Enter starts the routine."""

    BINDINGS = [Binding("enter", "select", "Start", id="start")]
