"""The History tab of Progress: the newest page of sessions, read in a thread, a line each.

Ten years of sessions would cost memory and say little in a list (the calendar and `backcoach
export` have them all): the reader stops after the newest whole months that make a page, and
the list shows at most HISTORY_ROWS of them, with a line saying where the older ones are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual.widgets.option_list import Option

from coach.core.content.models import Exercise
from coach.core.history.overview import newest_months, pain_of, totals_of
from coach.core.history.progress import Totals, totals
from coach.core.session.counting import tally_text
from coach.core.storage.store import Store
from coach.core.text import duration_text
from coach.ui.widgets.navlist import NavList, row
from coach.ui.widgets.progress_text import HistoryPage, SessionLine

HISTORY_ROWS = 1000  # a list of ten years would cost memory and say little; the calendar has them
HISTORY_PAGE = 100  # the newest whole months up to this many sessions: what loads at once


def read_history(store: Store | None,
                 exercises: Mapping[str, Exercise]) -> tuple[HistoryPage, Totals, Any]:
    """In a thread: the totals and the pain trend from the per-month summaries, and the newest
    page of sessions (ten years read about as fast as one month). Raises what the store raises."""
    if store is None:  # a run with nothing saved
        return HistoryPage([], False), totals((), exercises), []
    months = store.month_totals()
    done, trend = totals_of(months, exercises), pain_of(months)
    lines: list[SessionLine] = []
    older = False
    for _, records, more in newest_months(store):  # whole months, as history_page
        lines += [SessionLine.of(r) for r in records]
        older = more
        del records  # the next month is read with this one let go
        if len(lines) >= HISTORY_PAGE:
            break
    return HistoryPage(lines, older), done, trend  # older months: on the calendar and in export


class HistoryList(Vertical):
    """A head counting what is listed, and the list (`#sessions`) of a HistoryPage.

    draw(page) shows a page; `page` is the one drawn (None: none yet); line() is the session
    under the cursor. Posts what its NavList posts (OptionSelected from `#sessions`)."""

    DEFAULT_CSS = """
    HistoryList #history-head { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.page: HistoryPage | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="history-head")
        yield NavList(id="sessions")

    def draw(self, page: HistoryPage) -> None:
        self.page = page
        listing = self.query_one("#sessions", NavList)
        keep = listing.highlighted or 0
        shown = page.lines[:HISTORY_ROWS]
        options = [
            Option(row(line.routine_name, line.when_and_status(), duration_text(line.seconds)),
                   id=line.uuid)
            for line in shown
        ]
        older = " (newest first; older ones in Totals)" if page.more else ""
        self.query_one("#history-head", Static).update(
            f"Listed: {tally_text(line.counts for line in shown)}{older}")
        if len(page.lines) > HISTORY_ROWS or page.more:
            options.append(Option(Text("Older sessions: see the calendar, or `backcoach export`",
                                       "dim"), disabled=True))
        listing.set_options(options)
        if shown:
            listing.highlighted = min(keep, len(shown) - 1)

    def line(self) -> SessionLine | None:
        """The session under the cursor (None on the line about older sessions)."""
        lines = [] if self.page is None else self.page.lines
        index = self.query_one("#sessions", NavList).highlighted
        return None if index is None or index >= len(lines) else lines[index]
