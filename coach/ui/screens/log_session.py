"""Logging a session done away from the app, from the progress screen's day view.

The dialog asks for the routine (a list) and the minutes (prefilled with the routine's length)
for the day the calendar shows; Logger builds the record in the core (coach/core/session/
logged.py, the same rules as `backcoach log`) and saves it through the app's StoreWriter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Static

from coach.core.content.loading import RoutineInfo
from coach.core.session.logged import (
    LogProblem,
    check_day,
    logged_record,
    parse_minutes,
    usual_minutes,
)
from coach.core.session.records import SessionRecord
from coach.core.storage.store import Store
from coach.core.time.clock import Clock
from coach.ui.screens.routine_form import RoutineForm, routine_option
from coach.ui.storage import StoreWriter
from coach.ui.widgets.dialog import keys_line
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.navlist import NavList


@dataclass(frozen=True)
class LogChoice:
    info: RoutineInfo
    minutes: int


def day_words(day: dt.date) -> str:
    return day.strftime("%a %-d %b %Y")


class RoutineChoices(NavList):
    """The dialog's routine list: Enter goes on to the minutes."""

    BINDINGS = [Binding("enter", "select", "Minutes", id="log_minutes")]


class LogSession(RoutineForm[LogChoice | None]):
    """Routine from the list, minutes typed (the routine's length to start with); Enter in
    the list goes on to the minutes, Enter there (or ctrl+s anywhere) logs, Esc cancels."""

    DEFAULT_CSS = "LogSession .log-label { width: 9; }"
    BINDINGS = [
        Binding("ctrl+s", "save", "Log it", id="log_save"),
        Binding("escape", "dismiss(None)", "Cancel", id="log_cancel"),
    ]

    def __init__(self, routines: Mapping[str, RoutineInfo], day: dt.date) -> None:
        super().__init__(routines.values())  # shortest first: most logs are a quick break
        self.day = day

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            title = Text("Log a session done away from the app", "bold")
            yield Static(title.append(f"\non {day_words(self.day)}, marked as logged by hand",
                                      "not bold dim"))
            yield RoutineChoices(*(routine_option(info) for info in self.routines),
                                 id="log-routines", classes="form-routines")
            with Horizontal(classes="form-row"):
                yield Static("Minutes", classes="log-label")
                yield Input(id="log-minutes", classes="form-field", max_length=4,
                            restrict=r"[0-9]*")
            yield Static(id="log-problem", classes="form-problem")
            yield Static(keys_line([("↑↓", "routine"), ("Enter", "minutes / log it"),
                                    ("Tab", "switch"), ("Esc", "cancel")], sep="  "),
                         classes="dialog-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        listing = self.query_one("#log-routines", NavList)
        listing.highlighted = 0
        listing.focus()

    @on(NavList.OptionHighlighted, "#log-routines")
    def _routine_moved(self, event: NavList.OptionHighlighted) -> None:
        # The routine's length, as the picker shows it: what most logs will say.
        minutes = usual_minutes(self.routines[event.option_index])
        self.query_one("#log-minutes", Input).value = str(minutes)

    @on(NavList.OptionSelected, "#log-routines")
    def _routine_chosen(self) -> None:
        self.query_one("#log-minutes", Input).focus()

    @on(Input.Submitted, "#log-minutes")
    def action_save(self) -> None:
        index = self.query_one("#log-routines", NavList).highlighted
        if index is None:
            return
        try:
            minutes = parse_minutes(self.query_one("#log-minutes", Input).value, "minutes")
        except LogProblem as exc:
            self.show_problem(str(exc), "#log-problem", "#log-minutes")
            return
        self.dismiss(LogChoice(self.routines[index], minutes))


@dataclass(frozen=True)
class Logger:
    """What logging needs of the app: its routines, clock, zone and settings, and its writer."""

    writer: StoreWriter
    store: Store
    routines: Mapping[str, RoutineInfo]
    clock: Clock
    zone: str
    day_start_hour: int
    break_counts_for_streak: bool

    def ask(self, app: App, day: dt.date, today: dt.date,
            logged: Callable[[SessionRecord], None]) -> None:
        """Open the dialog for `day` (a notice instead for a day that cannot be logged)."""
        try:
            check_day(day, today, "day")
        except LogProblem as exc:
            app.notify(str(exc), title="Can't log a session", severity="warning", timeout=6,
                       markup=False)
            return
        app.push_screen(LogSession(self.routines, day),
                        lambda choice: self._save(app, day, choice, logged))

    def _save(self, app: App, day: dt.date, choice: LogChoice | None,
              logged: Callable[[SessionRecord], None]) -> None:
        if choice is None:
            return
        try:  # the clock may have passed midnight while the dialog was open
            record = logged_record(choice.info, day, choice.minutes, self.clock.now(),
                                   self.zone, self.day_start_hour, self.break_counts_for_streak)
        except LogProblem as exc:
            app.notify(str(exc), title="Can't log a session", severity="warning", timeout=6,
                       markup=False)
            return
        store = self.store
        self.writer.write("log the session", lambda: store.save_session(record),
                          lambda _: logged(record))
