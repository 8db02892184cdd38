"""Progress: the month, the year, the history and the totals of every session kept.

The first frame needs only the per-day summary (small, fast); the full history loads in a
thread and fills History and Totals when it arrives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from coach.core.history.days import training_day
from coach.core.history.progress import (
    Totals,
    habit_strength,
    months_with,
    pain_trend,
    streaks,
    totals,
    weekly_goal,
    weekly_pain,
)
from coach.core.session.records import SessionRecord
from coach.core.text import OUTCOME_MARKS, duration_text
from coach.ui.screens.dialogs import Confirm
from coach.ui.widgets.breaks import BreaksPanel
from coach.ui.widgets.calendar import MonthCalendar, legend, month_text, year_text
from coach.ui.widgets.navlist import NavList, row

HISTORY_ROWS = 1000  # a list of ten years would cost memory and say little; the calendar has them


class SessionLine(NamedTuple):
    """One history row: all the list needs, so the full records can go."""

    uuid: str
    routine_name: str
    day: dt.date
    started_at: dt.datetime
    zone: str
    status: str
    seconds: int

    @classmethod
    def of(cls, r: SessionRecord) -> SessionLine:
        return cls(r.uuid, r.routine_name, r.day, r.started_at, r.zone, r.status, r.seconds)


def local_time(instant: dt.datetime, zone: str) -> str:
    """The start as the clock on the wall read it, in the zone it was done in."""
    return instant.astimezone(ZoneInfo(zone)).strftime("%H:%M")


def head_text(days, today: dt.date, goal: int) -> Text:
    current, longest = streaks(days, today)
    week = weekly_goal(days, today, goal)
    strength = habit_strength(days, today, goal)
    text = Text()
    text.append(f"Streak {current} day{'s' if current != 1 else ''}", "bold")
    text.append(f" (best {longest})  ·  ")
    text.append(f"Week {week.days_this_week}/{week.goal}{' ✓' if week.met else ''}", "bold")
    text.append(f" ({week.streak_weeks} wk{'s' if week.streak_weeks != 1 else ''} met)  ·  ")
    text.append(f"Habit {round(strength * 100)}%", "bold")
    return text


SPARKS = "▁▂▃▄▅▆▇█"
PAIN_WEEKS = 52


def spark(values: list[float | None]) -> Text:
    """Pain on a fixed 0-10 scale, one character a week; a gap where there was no check-in."""
    text = Text()
    for value in values:
        if value is None:
            text.append(" ")
        else:
            text.append(SPARKS[min(7, int(value / 10 * 7.999))], "yellow")
    return text


def pain_text(trend) -> Text:
    text = Text()
    if not trend:
        text.append("\nPain trend: no check-ins yet.", "dim")
        return text
    weeks = weekly_pain(trend)[-PAIN_WEEKS:]
    text.append(f"\nPain, weekly average on a 0-10 scale ({len(trend)} check-ins)\n", "bold")
    text.append("before ", "dim")
    text.append_text(spark([b for _, b, _ in weeks]))
    text.append("\nafter  ", "dim")
    text.append_text(spark([a for _, _, a in weeks]))
    day, before, after = trend[-1]
    text.append(f"\nlatest {day}: {'–' if before is None else before} before → "
                f"{'–' if after is None else after} after", "dim")
    return text


def session_lines(record: SessionRecord, zone_time: str) -> Text:
    text = Text()
    text.append(f"{zone_time}  {record.routine_name}", "bold")
    text.append(f"  {duration_text(record.seconds)} · {record.status}\n", "dim")
    for step in record.steps:
        text.append(f"  {OUTCOME_MARKS[step.outcome]} {step.exercise_name}")
        text.append(f"  {duration_text(step.seconds)}\n", "dim")
    return text


class ProgressScreen(Screen):
    BINDINGS = [
        Binding("m", "tab('month')", "Month", id="tab_month"),
        Binding("y", "tab('year')", "Year", id="tab_year"),
        Binding("h", "tab('history')", "History", id="tab_history"),
        Binding("t", "tab('totals')", "Totals", id="tab_totals"),
        Binding("d,delete", "delete", "Delete", id="delete"),
        Binding("u", "undo", "Undo delete", id="undo"),
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history: list[SessionLine] = []  # newest first, once loaded
        self.loaded = False
        self.deleted: list[SessionRecord] = []  # newest last: what `u` brings back
        self.day_open = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="progress-head")
        with TabbedContent(initial="month", id="tabs"):
            with TabPane("Month", id="month"), Horizontal():
                with Vertical(id="month-left"):
                    yield MonthCalendar(id="calendar")
                    yield Static(legend(), id="legend")
                with VerticalScroll(id="day-pane"):
                    yield Static(id="day")
                    yield BreaksPanel(id="breaks")
            with TabPane("Year", id="year"), VerticalScroll(id="year-scroll"):
                yield Static(id="heatmap")
                yield Static(legend())
            with TabPane("History", id="history"):
                yield NavList(id="sessions")
            with TabPane("Totals", id="totals"), VerticalScroll(id="totals-scroll"):
                yield Static("Loading the history…", id="totals-text")
                yield Static(id="pain")
        yield Footer()

    # -- data -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.sub_title = "Progress"
        app = self.app
        self.today = training_day(app.clock.now(), app.zone, app.settings.day_start_hour)
        self.shown_month = (self.today.year, self.today.month)
        self.selected = self.today
        self.refresh_days()
        self.query_one("#calendar").focus()
        self.load_history()

    def refresh_days(self) -> None:
        store = self.app.store
        self.days = store.session_days() if store is not None else {}
        goal = self.app.settings.weekly_goal_days
        self.query_one("#progress-head", Static).update(head_text(self.days, self.today, goal))
        self.query_one("#heatmap", Static).update(year_text(self.days, self.today))
        self.draw_month()

    @work(thread=True, exclusive=True)
    def load_history(self) -> None:
        """Stream the history a month at a time, keeping only what the screen shows, so ten
        years of sessions never sit in memory at once."""
        store = self.app.store
        lines: list[SessionLine] = []
        trend: list[tuple[dt.date, int | None, int | None]] = []

        def every_session() -> Iterator[SessionRecord]:
            for first, last in months_with(self.days):
                records = store.sessions_between(first, last) if store is not None else []
                lines.extend(SessionLine.of(r) for r in records)
                trend.extend(pain_trend(records))
                yield from records

        done = totals(every_session(), self.app.library.exercises)
        lines.sort(key=lambda line: line.started_at, reverse=True)
        self.app.call_from_thread(self.history_loaded, lines, done, trend)

    def history_loaded(self, lines: list[SessionLine], done: Totals, trend) -> None:
        self.history = lines
        self.loaded = True
        self.draw_history()
        self.draw_totals(done, trend)

    # -- drawing ----------------------------------------------------------------------------

    def draw_month(self) -> None:
        year, month = self.shown_month
        self.query_one("#calendar", MonthCalendar).update(
            month_text(year, month, self.days, self.today, self.selected)
        )
        self.draw_day()

    def draw_day(self) -> None:
        day = self.selected
        count, seconds = self.days.get(day, (0, 0))
        text = Text()
        text.append(day.strftime("%a %-d %b %Y") + "\n", "bold")
        if not count:
            text.append("No session.\n", "dim")
        else:
            text.append(f"{count} session{'s' if count > 1 else ''}, "
                        f"{duration_text(seconds)} of work\n", "dim")
            if self.day_open:
                text.append("\n")
                for record in self.app.store.sessions_between(day, day):
                    text.append_text(session_lines(record, local_time(record.started_at,
                                                                      record.zone)))
            elif count:
                text.append("\nEnter", "bold reverse")
                text.append(" show the sessions")
        self.query_one("#day", Static).update(text)

    def draw_history(self) -> None:
        listing = self.query_one("#sessions", NavList)
        keep = listing.highlighted or 0
        shown = self.history[:HISTORY_ROWS]
        options = [
            Option(row(line.routine_name,
                       f"{line.day.isoformat()} {local_time(line.started_at, line.zone)}"
                       f" · {line.status}", duration_text(line.seconds)), id=line.uuid)
            for line in shown
        ]
        if len(self.history) > HISTORY_ROWS:
            older = len(self.history) - HISTORY_ROWS
            options.append(Option(Text(f"{older} older sessions: see the calendar, or "
                                       "`backcoach export`", "dim"), disabled=True))
        listing.set_options(options)
        if shown:
            listing.highlighted = min(keep, len(shown) - 1)

    def draw_totals(self, done: Totals, trend) -> None:
        text = Text()
        text.append(f"{done.sessions} sessions · {duration_text(done.seconds)} of work\n\n", "bold")
        text.append("By routine\n", "bold")
        for name, (count, seconds) in done.by_routine.items():
            text.append(f"  {name[:28]:<28} {count:>4} × {duration_text(seconds):>8}\n")
        text.append("\nBy body area\n", "bold")
        most = max(done.by_target.values(), default=1)
        for target, seconds in done.by_target.items():
            bar = "█" * max(1, round(20 * seconds / most))
            text.append(f"  {target:<12} ")
            text.append(bar, "green")
            text.append(f" {duration_text(seconds)}\n", "dim")
        self.query_one("#totals-text", Static).update(text)
        self.query_one("#pain", Static).update(pain_text(trend))

    # -- keys -------------------------------------------------------------------------------

    def _tab(self) -> str:
        return self.query_one("#tabs", TabbedContent).active

    FOCUS = {"month": "#calendar", "year": "#year-scroll", "history": "#sessions",
             "totals": "#totals-scroll"}

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        self.query_one(self.FOCUS[tab]).focus()

    def action_month(self, step: int) -> None:
        if self._tab() != "month":
            return
        year, month = self.shown_month
        month += step
        year, month = (year - 1, 12) if month < 1 else (year + 1, 1) if month > 12 else (year, month)
        self.shown_month = (year, month)
        day = min(self.selected.day, 28)
        self.selected = dt.date(year, month, day)
        self.day_open = False
        self.draw_month()

    def action_day(self, step: int) -> None:
        if self._tab() != "month":
            return
        self.selected += dt.timedelta(days=step)
        self.shown_month = (self.selected.year, self.selected.month)
        self.day_open = False
        self.draw_month()

    def action_open_day(self) -> None:
        if self._tab() == "month":
            self.day_open = True
            self.draw_day()

    def action_delete(self) -> None:
        if self._tab() != "history" or not self.history:
            return
        index = self.query_one("#sessions", NavList).highlighted
        if index is None or index >= len(self.history):
            return
        line = self.history[index]
        question = f"Delete the session {line.routine_name} of {line.day}?"
        self.app.push_screen(Confirm(question, "delete (u undoes it while this screen is open)",
                                     "keep it"), lambda yes: yes and self._delete(line))

    def _delete(self, line: SessionLine) -> None:
        store = self.app.store
        [record] = [r for r in store.sessions_between(line.day, line.day) if r.uuid == line.uuid]
        store.delete_session(record.uuid)
        self.deleted.append(record)
        self.after_change(f"Deleted {record.routine_name} of {record.day}. u brings it back.")

    def action_undo(self) -> None:
        if not self.deleted:
            return
        record = self.deleted.pop()
        self.app.store.save_session(record)
        self.after_change(f"Restored {record.routine_name} of {record.day}.")

    def after_change(self, message: str) -> None:
        self.refresh_days()
        self.load_history()
        self.notify(message, timeout=4)

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id in self.FOCUS:
            self.query_one(self.FOCUS[event.pane.id]).focus()
