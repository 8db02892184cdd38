"""The session's progress bar, sending as few bytes as a bar can.

Textual's ProgressBar refreshes itself once a second for its ETA, even with the ETA hidden,
and every refresh resends the bar's whole line (80 cells of 3-byte box characters): in a
hold that was more bytes than the countdown itself. This bar is a widget of our own that
draws Textual's public bar renderable and redraws only when it moves a cell.
"""

from __future__ import annotations

from rich.style import Style
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.widget import Widget

STEP_S = 5  # the bar moves at most this often; the time left beside it counts the seconds


def bar_progress(done: int, total: int, cells: int) -> float:
    """Progress rounded down to a whole cell of the bar, and to STEP_S in a short session."""
    if total <= 0 or cells <= 0:
        return done
    step = max(total / cells, STEP_S)
    return done // step * step


class SessionBar(Widget, can_focus=False):
    """A one-line bar of how much of the session is done.

    Reactives: `shown` (seconds done, as drawn: whole cells only) and `total` (seconds).
    Call `show(done, total)` each tick; it changes them only when the bar moves.
    Component classes: `session-bar--bar` (under way) and `session-bar--complete` (done).
    """

    COMPONENT_CLASSES = {"session-bar--bar", "session-bar--complete"}
    DEFAULT_CSS = """
    SessionBar {
        width: 1fr;
        height: 1;
        &> .session-bar--bar { color: $primary; background: $surface; }
        &> .session-bar--complete { color: $success; background: $surface; }
    }
    """

    shown: reactive[float] = reactive(0.0)
    total: reactive[float] = reactive(0.0)

    def show(self, done: int, total: int) -> None:
        self.total = total
        self.shown = bar_progress(done, total, self.size.width)

    def render(self) -> Bar:
        share = min(1.0, self.shown / self.total) if self.total > 0 else 0.0
        half_cells = self.size.width * 2  # the bar draws in half cells
        share = int(share * half_cells) / half_cells if half_cells else share
        style = self.get_component_rich_style(
            "session-bar--complete" if share >= 1 else "session-bar--bar")
        return Bar(highlight_range=(0, self.size.width * share),
                   highlight_style=Style.from_color(style.color),
                   background_style=Style.from_color(style.bgcolor))
