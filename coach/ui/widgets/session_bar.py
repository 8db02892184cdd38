"""The session's progress bar, sending as few bytes as a bar can.

Textual's ProgressBar refreshes itself once a second for its ETA, even with the ETA hidden,
and every refresh resends the bar's whole line (80 cells of 3-byte box characters): in a
hold that was more bytes than the countdown itself. This bar redraws only when it moves.
"""

from __future__ import annotations

from textual import events
from textual.widgets import ProgressBar

STEP_S = 5  # the bar moves at most this often; the time left beside it counts the seconds


def bar_progress(done: int, total: int, cells: int) -> float:
    """Progress rounded down to a whole cell of the bar, and to STEP_S in a short session."""
    if total <= 0 or cells <= 0:
        return done
    step = max(total / cells, STEP_S)
    return done // step * step


class SessionBar(ProgressBar):
    # Textual hands the event to a handler that takes one; ProgressBar's own takes none.
    def on_mount(self, event: events.Mount) -> None:  # type: ignore[override]
        event.prevent_default()  # no once-a-second ETA timer from ProgressBar
        self.update()

    def show(self, done: int, total: int) -> None:
        shown = bar_progress(done, total, self.query_one("Bar").size.width)
        if self.total != total or self.progress != shown:
            self.update(total=total, progress=shown)
