"""Progress: the month, the year, the history and the totals of every session kept.

The first frame reads nothing: the per-day summary (calendar, heatmap, head) and the history
(History and Totals) each load in a thread and fill the screen when they arrive, sent as
messages (DaysRead, HistoryRead) and set on the UI thread; the History list (history_list.py)
is built when its tab is first shown. Every store call goes through the writer: reads via
writer.read (errors become a notice), deletes and undos queued as writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from coach.core.content.models import Exercise
from coach.core.history.progress import Totals
from coach.core.session.counting import NO_DAY, DayCount
from coach.core.session.records import SessionRecord
from coach.core.storage.store import Store
from coach.ui.messages import Sent
from coach.ui.screens.dialogs import Confirm
from coach.ui.screens.log_session import Logger
from coach.ui.screens.session_detail import SessionDetail
from coach.ui.storage import STORE_ERRORS, StoreWriter, problem_text
from coach.ui.stored_sessions import StoredSessions
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.breaks import BreaksPanel, BreaksSource
from coach.ui.widgets.calendar import MonthCalendar, YearHeatmap, legend
from coach.ui.widgets.history_list import HistoryList, read_history
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.navlist import NavList
from coach.ui.widgets.progress_text import (
    HistoryPage,
    SessionLine,
    day_text,
    head_text,
    pain_text,
    totals_text,
)
from coach.ui.widgets.size_guard import SizeGuard

T = TypeVar("T")

ROOMY = (140, 40)  # a window at least this big gets the bigger calendar


class ProgressScreen(Screen):
    DEFAULT_CSS = """
    ProgressScreen #progress-head { height: auto; padding: 0 1; }
    ProgressScreen #month-left { width: 37; height: auto; padding: 0 1; }
    ProgressScreen.roomy #month-left { width: 65; }
    ProgressScreen.roomy MonthCalendar { width: 63; height: 20; }
    ProgressScreen #legend { margin-top: 1; height: auto; }
    ProgressScreen #day-pane { width: 1fr; padding: 0 1; }
    ProgressScreen #tabs { height: 1fr; }
    """
    BINDINGS = [
        Binding("m", "tab('month')", "Month", id="tab_month"),
        Binding("y", "tab('year')", "Year", id="tab_year"),
        Binding("h", "tab('history')", "History", id="tab_history"),
        Binding("t", "tab('totals')", "Totals", id="tab_totals"),
        Binding("l", "log", "Log", id="log"),  # on the month tab: the selected day
        Binding("d,delete", "delete", "Delete", id="delete", show=False),
        Binding("u", "undo", "Undo delete", id="undo", show=False),
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]
    AUTO_FOCUS = "#calendar"  # focused as it mounts: no focus hop that restyles and re-keys
    FOCUS = {"month": "#calendar", "year": "#year-scroll", "history": "#sessions",
             "totals": "#totals-scroll"}

    # Set on the UI thread only, from what the loading worker sends; None until read. Each
    # load is new data even when equal to the last, so no comparison of ten years of days.
    days: var[dict[dt.date, DayCount] | None] = var(None, init=False, always_update=True)
    page: var[HistoryPage | None] = var(None, init=False, always_update=True)

    def __init__(self, writer: StoreWriter, store: Store | None,
                 exercises: Mapping[str, Exercise], today: dt.date, goal: int,
                 breaks: BreaksSource, logger: Logger | None = None) -> None:
        super().__init__()
        self.breaks = breaks
        self.writer, self.store, self.exercises = writer, store, exercises
        self.logger = logger  # None: no store to log a session in
        self.open_day: dt.date | None = None  # a day to show opened once the days are read again
        self.today, self.goal = today, goal
        self.sessions = StoredSessions(writer, store, self.after_change)  # History's: d, u, Enter

    @property
    def loaded(self) -> bool:
        """The history worker has reported."""
        return self.page is not None

    @property
    def history(self) -> list[SessionLine]:
        return [] if self.page is None else self.page.lines

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(Text("Loading your days…", "dim"), id="progress-head")
        with TabbedContent(initial="month", id="tabs"):
            with TabPane("Month", id="month"), Horizontal():
                with Vertical(id="month-left"):
                    calendar = MonthCalendar(id="calendar")
                    calendar.set_reactive(MonthCalendar.today, self.today)
                    calendar.set_reactive(MonthCalendar.selected, self.today)
                    yield calendar
                    yield Static(legend(), id="legend")
                with VerticalScroll(id="day-pane"):
                    yield Static(id="day")
                    yield BreaksPanel(self.breaks, id="breaks")
            with TabPane("Year", id="year"), VerticalScroll(id="year-scroll"):
                heatmap = YearHeatmap(id="heatmap")
                heatmap.set_reactive(YearHeatmap.today, self.today)
                yield heatmap
                yield Static(legend(selection=False))
            with TabPane("History", id="history"):
                yield HistoryList()
            with TabPane("Totals", id="totals"), VerticalScroll(id="totals-scroll"):
                yield Static("Loading the history…", id="totals-text")
                yield Static(id="pain")
        yield KeyFooter()
        yield SizeGuard(60, 16)

    def on_mount(self) -> None:
        self.sub_title = "Progress"
        self.on_resize()
        # Once the first frame is laid out: a thread parsing summaries takes the GIL from the
        # layout half the time, which drew ten years twice as slowly as an empty history.
        self.call_after_refresh(self.load_history)
        self.call_after_refresh(self.refresh_bindings)  # l, once the month tab is there

    def on_resize(self, _event: object = None) -> None:
        """A roomy window gets a bigger calendar: wider cells and a line between weeks."""
        self.set_class(self.size.width >= ROOMY[0] and self.size.height >= ROOMY[1], "roomy")

    def _read(self, call: Callable[[Store], T], fallback: T) -> T:
        store = self.store
        return self.writer.read(lambda: call(store), fallback) if store is not None else fallback

    class DaysRead(Sent):
        """From the worker: the days (calendar, heatmap), then the head made from them."""

        def __init__(self, screen: ProgressScreen, days: dict[dt.date, DayCount],
                     head: Text | None = None) -> None:
            super().__init__(screen)
            self.days, self.head = days, head

    class HistoryRead(Sent):
        """From the worker: (the newest page of sessions, the totals, the pain trend), or
        what kept them from being read."""

        def __init__(self, screen: ProgressScreen, read: tuple[HistoryPage, Totals, Any] | str) -> None:
            super().__init__(screen)
            self.read = read

    @on(DaysRead)
    def days_loaded(self, message: DaysRead) -> None:
        if message.head is not None:
            self.query_one("#progress-head", Static).update(message.head)
        else:
            self.days = message.days

    def watch_days(self, days: dict[dt.date, DayCount] | None) -> None:
        if days is None:
            return
        with self.app.batch_update():
            self.query_one(MonthCalendar).days = days
            self.query_one(YearHeatmap).days = days
            selected = self.query_one(MonthCalendar).selected
            self.show_day(selected, opened=selected == self.open_day)

    @work(thread=True, exclusive=True)
    def load_history(self) -> None:
        """The per-day summary (calendar, heatmap) first, then totals and pain from the
        per-month summaries and only the newest page of sessions (ten years load about as fast
        as one month), then the head. One read after the other, so their memory is never held
        at once; all of it off the UI thread."""
        store = self.store
        days = self._read(lambda s: s.day_counts(), dict[dt.date, DayCount]())  # tens of ms with ten years
        if get_current_worker().is_cancelled:  # a newer load is under way
            return
        self.post_message(self.DaysRead(self, days))  # not call_from_thread: no UI wait
        read: tuple[HistoryPage, Totals, Any] | str
        try:
            read = read_history(store, self.exercises)
        except STORE_ERRORS as exc:
            read = problem_text(exc)
        self.post_message(self.HistoryRead(self, read))  # set on the UI thread, as the days
        # Streaks, weekly goal, habit strength: 80 ms over ten years, so after the history.
        self.post_message(self.DaysRead(self, days, head_text(days, self.today, self.goal)))

    @on(HistoryRead)
    def history_read(self, message: HistoryRead) -> None:
        if isinstance(message.read, str):
            problem = message.read
            self.query_one("#totals-text", Static).update(
                Text(f"The history can't be read: {problem}"))
            self.notify(problem, title="Could not read your history", severity="error",
                        timeout=10, markup=False)
            return
        page, done, trend = message.read
        with self.app.batch_update():
            self.page = page
            self.query_one("#totals-text", Static).update(totals_text(done))
            self.query_one("#pain", Static).update(pain_text(trend))

    def watch_page(self, page: HistoryPage | None) -> None:
        if page is not None and self._tab() == "history":  # else drawn when its tab shows
            self.draw_history()

    # -- drawing ----------------------------------------------------------------------------

    @on(MonthCalendar.DaySelected)
    def _day_selected(self, event: MonthCalendar.DaySelected) -> None:
        self.show_day(event.day, event.opened)

    def show_day(self, day: dt.date, opened: bool) -> None:
        if self.days is None:  # not read yet: days_loaded shows the day
            return
        counted = self.days.get(day, NO_DAY)
        records = None
        if opened and counted.sessions and self.store is not None:
            records = list(self._read(
                lambda s: s.sessions_between(day, day), list[SessionRecord]()))
        can_log = self.logger is not None and day <= self.today
        self.query_one("#day", Static).update(day_text(day, counted, records, can_log))
        self.query_one(BreaksPanel).show(day, counted.breaks)

    def draw_history(self) -> None:
        """The page read last into History's list, unless it shows it already."""
        listing = self.query_one(HistoryList)
        if self.page is not None and listing.page is not self.page:
            listing.draw(self.page)

    # -- keys -------------------------------------------------------------------------------

    def _tab(self) -> str:
        return self.query_one("#tabs", TabbedContent).active

    def action_tab(self, tab: str) -> None:
        if tab == "history":
            self.draw_history()  # before the tab shows, so it never flashes empty
        self.query_one("#tabs", TabbedContent).active = tab
        self.query_one(self.FOCUS[tab]).focus()

    def _line(self) -> SessionLine | None:
        return self.query_one(HistoryList).line() if self._tab() == "history" else None

    @on(NavList.OptionSelected, "#sessions")
    def _open_session(self) -> None:
        line = self._line()
        record = self.sessions.find(line) if line is not None else None
        if record is not None:
            self.app.push_screen(SessionDetail(record))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "log":  # the day view's key: shown on the month tab only
            return self.logger is not None and self.is_mounted and self._tab() == "month"
        return True

    def action_log(self) -> None:
        if self.logger is not None and self._tab() == "month":
            day = self.query_one(MonthCalendar).selected
            self.logger.ask(self.app, day, self.today, self._logged)

    def _logged(self, record: SessionRecord) -> None:
        self.open_day = record.day  # the calendar and History update; the day lists it
        self.after_change(f"Logged {record.routine_name} on {record.day}, marked as logged "
                          "by hand.")

    def action_delete(self) -> None:
        line = self._line()
        if line is None:
            return
        question = Text(f"Delete the session “{line.routine_name}” of {line.day}?")
        self.app.push_screen(Confirm(question, "delete (u undoes it while this screen is open)",
                                     "keep it"), lambda yes: self.sessions.delete(line) if yes else None)

    def action_undo(self) -> None:
        self.sessions.undo()

    def after_change(self, message: str, **notice: Any) -> None:
        self.load_history()
        self.notify(message, **{"timeout": 4, "markup": False, **notice})

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "history":
            self.draw_history()  # a click on the tab
        if event.pane.id in self.FOCUS:
            self.query_one(self.FOCUS[event.pane.id]).focus()
        self.refresh_bindings()  # l (log a session) belongs to the month tab
