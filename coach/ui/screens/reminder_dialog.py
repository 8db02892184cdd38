"""Adding or changing a reminder from the settings screen: a routine from the list, the time
typed as HH:MM, the days toggled; checked by the core's Reminder (the rules of `backcoach
remind`). Keyboard only; the keys line is docked in the box, so it stays in view at 60x20.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from coach.core.content.errors import describe
from coach.core.content.loading import RoutineInfo
from coach.core.nudge.reminders import Reminder, parse_at
from coach.core.settings.hours import WEEKDAYS
from coach.ui.screens.routine_form import RoutineForm, routine_option
from coach.ui.widgets.dialog import keys_line
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.navlist import NavList

NEW_AT = "18:30"  # a new reminder's time to start from: after work


class DayToggles(Widget, can_focus=True):
    """The seven days as [x] Mon … [ ] Sun: ←/→ move, space or 1-7 toggles, Enter saves."""

    DEFAULT_CSS = "DayToggles { height: 1; width: auto; }"
    BINDINGS = [
        Binding("left,h", "move(-1)", "Day before", show=False),
        Binding("right,l", "move(1)", "Day after", show=False),
        Binding("space", "flip_day", "Toggle day", id="reminder_day"),
        *(Binding(str(n + 1), f"flip_day({n})", show=False) for n in range(7)),
    ]
    days: reactive[frozenset[str]] = reactive(frozenset, init=False)
    cursor: reactive[int] = reactive(0)

    def render(self) -> Text:
        text = Text(no_wrap=True)
        for n, day in enumerate(WEEKDAYS):
            mark = "[x]" if day in self.days else "[ ]"
            here = "reverse" if self.has_focus and n == self.cursor else ""
            text.append(f"{mark}{day.title()}", here)
            text.append(" ")
        return text

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(WEEKDAYS)

    def action_flip_day(self, at: int | None = None) -> None:
        if at is not None:
            self.cursor = at
        self.days = self.days ^ {WEEKDAYS[self.cursor]}

    def chosen(self) -> tuple[str, ...]:
        return tuple(d for d in WEEKDAYS if d in self.days)


class ReminderRoutines(NavList):
    """The dialog's routine list: Enter goes on to the time."""

    BINDINGS = [Binding("enter", "select", "Time", id="reminder_time")]


class ReminderDialog(RoutineForm[Reminder | None]):
    """Answers the reminder to save, or None (Esc)."""

    DEFAULT_CSS = """
    ReminderDialog #reminder-routines { max-height: 8; }
    ReminderDialog .reminder-label { width: 6; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="reminder_save"),
        Binding("escape", "dismiss(None)", "Cancel", id="reminder_cancel"),
    ]

    def __init__(self, routines: Mapping[str, RoutineInfo], old: Reminder | None = None,
                 taken: frozenset[str] = frozenset()) -> None:
        # A routine that has a reminder already is left out of a new one (one reminder per
        # routine: change that one instead).
        super().__init__(info for info in routines.values() if info.routine.id not in taken
                         or (old is not None and info.routine.id == old.routine))
        self.old = old

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            title = "Change the reminder" if self.old else "Remind of a routine"
            yield Static(Text(title, "bold").append(
                "\nbrought up by `backcoach nudger` at its time", "not bold dim"))
            yield ReminderRoutines(*(routine_option(info) for info in self.routines),
                                   id="reminder-routines", classes="form-routines")
            with Horizontal(classes="form-row"):
                yield Static("At", classes="reminder-label")
                yield Input(self.old.at if self.old else NEW_AT, id="reminder-at",
                            classes="form-field", max_length=5, restrict=r"[0-9:]*")
            with Horizontal(classes="form-row"):
                yield Static("Days", classes="reminder-label")
                yield DayToggles(id="reminder-days")
            yield Static(id="reminder-problem", classes="form-problem")
            yield Static(keys_line([("↑↓", "routine"), ("Tab", "next"), ("←→ space", "days"),
                                    ("Enter", "save"), ("Esc", "cancel")], sep=" "), classes="dialog-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        days = self.query_one(DayToggles)
        days.days = frozenset(self.old.days if self.old else WEEKDAYS[:5])
        listing = self.query_one("#reminder-routines", NavList)
        ids = [info.routine.id for info in self.routines]
        if ids:
            old = self.old.routine if self.old is not None else ""
            listing.highlighted = ids.index(old) if old in ids else 0
        listing.focus()

    @on(NavList.OptionSelected, "#reminder-routines")
    def _routine_chosen(self) -> None:
        self.query_one("#reminder-at", Input).focus()

    def on_key(self, event) -> None:  # Enter on the days saves, as in the time field
        if event.key == "enter" and self.query_one(DayToggles).has_focus:
            event.stop()
            self.action_save()

    @on(Input.Submitted, "#reminder-at")
    def action_save(self) -> None:
        index = self.query_one("#reminder-routines", NavList).highlighted
        days = self.query_one(DayToggles).chosen()
        if index is None or not self.routines:
            return self._problem("There is no routine to remind of.", "#reminder-routines")
        if not days:
            return self._problem("Pick at least one day (space turns a day on).",
                                 "#reminder-days")
        try:
            at = parse_at(self.query_one("#reminder-at", Input).value)
        except ValueError as exc:
            return self._problem(str(exc), "#reminder-at")
        try:
            reminder = Reminder(routine=self.routines[index].routine.id, at=at, days=days)
        except ValidationError as exc:  # a routine id the reminders file cannot hold
            return self._problem(describe("reminder", exc)[0], "#reminder-routines")
        self.dismiss(reminder)

    def _problem(self, message: str, focus: str) -> None:
        self.show_problem(message, "#reminder-problem", focus)
