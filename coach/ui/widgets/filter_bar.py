"""The picker's filters as a row of choices, on two lines when one would cut the time off."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static

from coach.core.content.catalog import TIME_LIMITS, RoutineFilter
from coach.core.content.loading import PLACES
from coach.ui.glyphs import console_text


def choices(key: str, name: str, labels: list[tuple[str, bool]]) -> Text:
    """'w where [any] desk …': the current choice in brackets, so it reads uncoloured."""
    text = Text()
    text.append(key, "bold reverse")
    text.append(f" {name} ")
    for label, on_ in labels:
        text.append(f"[{label}]" if on_ else f" {label} ", "bold reverse" if on_ else "dim")
    return text


def filter_groups(f: RoutineFilter, console: bool = False) -> tuple[Text, Text]:
    where = choices("w", "where", [(place or "any", place == f.place) for place in (None, *PLACES)])
    time = choices("t", "time", [
        ("any" if limit is None else console_text(f"≤{limit}m", console), limit == f.max_minutes)
        for limit in TIME_LIMITS
    ])
    return where, time


class FilterBar(Static):
    """Where and time side by side, or one above the other in a narrow window (60 columns
    cut the time after '≤5m')."""

    DEFAULT_CSS = """
    FilterBar { height: auto; padding: 0 1; }
    """

    def __init__(self, id: str, console: bool = False) -> None:
        super().__init__(id=id, markup=False)
        self.console = console  # the Linux console: ≤ written as <= (coach/ui/glyphs.py)
        self.groups = (Text(), Text())

    def show(self, f: RoutineFilter) -> None:
        self.groups = filter_groups(f, self.console)
        self.lay_out(self.content_size.width)

    def lay_out(self, width: int) -> None:
        where, time = self.groups
        one_line = width <= 0 or where.cell_len + 2 + time.cell_len <= width
        self.update(Text("  " if one_line else "\n").join([where, time]))

    def on_resize(self, event: events.Resize) -> None:
        self.lay_out(self.content_size.width)
