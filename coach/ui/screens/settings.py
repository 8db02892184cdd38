"""The few choices a user has: bell, motion, pain check-ins, the day's start, the goal, theme,
the stand-up nudges (how often, when, and how they reach the user), and the reminders of a
routine at a time of day (kept by coach/ui/reminder_book.py, edited in reminder_dialog.py)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static
from textual.widgets.option_list import Option

from coach.core.content.loading import RoutineInfo
from coach.core.nudge import choices as nudge_choices
from coach.core.nudge.choices import DAY_NAMES, NUDGE_CHOICES
from coach.core.nudge.reminders import Reminder
from coach.core.settings.model import Settings
from coach.core.text import terminal_safe
from coach.ui.messages import Sent
from coach.ui.reminder_book import ReminderBook, Shown
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.navlist import NavList, one_line
from coach.ui.widgets.size_guard import SizeGuard

# field, how it reads; yes/no choices toggle, the others step with left/right
CHOICES = [
    ("bell", "Bell at each change of phase"),
    ("reduce_motion", "Reduce motion: diagrams hold still"),
    ("pain_checkin", "Pain check-in before and after a session"),
    ("day_start_hour", "A new training day starts at"),
    ("weekly_goal_days", "Weekly goal: days with a session"),
    ("theme", "Colours (also ctrl+p, Theme)"),
]


HINT = "Enter or space toggles, ←/→ change a value; saved as you go. w: when not to exercise."
REMINDER_HINT = "Enter: change this reminder   d: remove it   a: add one"
ADD_HINT = "Enter or a: add a reminder (routine, time, days)"
REMINDER = "reminder:"  # a reminder row's id: this prefix and the routine's id
ADD = "reminder-add"


def choice_text(settings: Settings, field: str, label: str) -> Text:
    if field in NUDGE_CHOICES:
        value: object = nudge_choices.shown(settings, field)
    else:
        value = getattr(settings, field)
    text = Text()
    if isinstance(value, bool):  # the mark says it, not a colour
        text.append("[x] " if value else "[ ] ", "bold")
        text.append(label)
        return text
    if field == "day_start_hour":
        shown = f"{value}:00"
    elif field == "weekly_goal_days":
        shown = f"{value} of 7"
    else:
        shown = str(value)
    text.append("‹ ", "dim")
    text.append(shown, "bold")
    text.append(" › ", "dim")
    text.append(label)
    return text


def reminder_text(reminder: Reminder, names: Mapping[str, RoutineInfo], unsaved: bool) -> Text:
    """'18:30  After-work reset  Mon-Fri'; the name is the user's text, never markup."""
    info = names.get(reminder.routine)
    text = Text()
    text.append(reminder.at, "bold")
    text.append("  " + terminal_safe(info.routine.name if info else reminder.routine))
    text.append("  " + DAY_NAMES.get(reminder.days, ",".join(d.title() for d in reminder.days)),
                "dim")
    if unsaved:
        text.append("  (not saved yet)", "bold")
    return text


def options(settings: Settings, reminders: Shown | None = None,
            names: Mapping[str, RoutineInfo] | None = None) -> list[Option]:
    rows = [Option(choice_text(settings, field, label), id=field) for field, label in CHOICES]
    rows.append(Option(Text("Stand-up nudges", "bold underline"), id="nudges", disabled=True))
    rows += [Option(choice_text(settings, name, label), id=name)
             for name, (label, _) in NUDGE_CHOICES.items()]
    if reminders is None:
        return rows
    rows.append(Option(Text("Reminders (brought up by backcoach nudger)", "bold underline"),
                       id="reminders", disabled=True))
    if reminders.problem:  # the notice said it; the row keeps saying it
        rows.append(Option(one_line(Text(reminders.problem, "dim")), id="reminders-problem",
                           disabled=True))
    rows += [Option(reminder_text(r, names or {}, reminders.unsaved), id=REMINDER + r.routine)
             for r in sorted(reminders.reminders, key=lambda r: r.at)]  # as the day runs
    rows.append(Option(Text("+ Add a reminder"), id=ADD))
    return rows


class SettingsList(NavList):
    """Enter flips a toggle, steps a value or opens a reminder: it changes the row."""

    BINDINGS = [Binding("enter", "select", "Change", id="change")]


class SettingsScreen(Screen):
    """Shows `settings`; every change goes up as Changed, and the App sets `settings` back."""

    DEFAULT_CSS = """
    SettingsScreen #settings-list { height: 1fr; margin: 1 2; }  /* the hint stays in view */
    SettingsScreen #settings-hint { padding: 0 2; }
    """
    BINDINGS = [
        Binding("space", "flip", "Toggle", id="toggle"),
        # The hint line names ←/→; the footer keeps its room for adding, removing and leaving.
        Binding("left,h", "step(-1)", "Less", id="less", show=False),
        Binding("right,l", "step(1)", "More", id="more", show=False),
        Binding("a", "add_reminder", "Add reminder", id="reminder_add"),
        Binding("d,delete", "remove_reminder", "Remove", id="reminder_remove"),
        Binding("w", "app.safety", "When not to exercise", id="safety", show=False),
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    class Changed(Sent):
        def __init__(self, screen: SettingsScreen, settings: Settings) -> None:
            super().__init__(screen)
            self.settings = settings

    settings: var[Settings] = var(Settings, init=False)

    def __init__(self, settings: Settings, themes: tuple[str, ...] = (),
                 reminders: ReminderBook | None = None,
                 routines: Mapping[str, RoutineInfo] | None = None) -> None:
        super().__init__()
        self.set_reactive(SettingsScreen.settings, settings)
        self.themes = themes or (settings.theme,)
        self.reminders = reminders
        self.routines = routines or {}

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield SettingsList(id="settings-list")
        yield Static(Text(HINT, "dim"), id="settings-hint")
        yield KeyFooter()
        yield SizeGuard(50, 12)

    def on_mount(self) -> None:
        self.sub_title = "Settings"
        self.watch_settings(self.settings)
        self.query_one("#settings-list").focus()
        if self.reminders is not None:
            self.reminders.watchers.append(self._fill)
            self.reminders.load()

    def on_unmount(self) -> None:
        if self.reminders is not None and self._fill in self.reminders.watchers:
            self.reminders.watchers.remove(self._fill)

    def watch_settings(self, settings: Settings) -> None:
        self._fill()

    def _fill(self) -> None:
        choices = self.query_one("#settings-list", NavList)
        keep = choices.highlighted or 0
        shown = self.reminders.shown() if self.reminders is not None else None
        choices.set_options(options(self.settings, shown, self.routines))
        choices.highlighted = min(keep, choices.option_count - 1)
        self.refresh_bindings()

    def _field(self) -> str:
        choices = self.query_one("#settings-list", NavList)
        index = choices.highlighted or 0
        if index >= choices.option_count:  # bindings are checked before the rows are in
            return ""
        return choices.get_option_at_index(index).id or ""

    def _apply(self, new: Settings | None) -> None:
        if new is not None:
            self.settings = new
            self.post_message(self.Changed(self, new))

    @on(NavList.OptionHighlighted, "#settings-list")
    def _highlighted(self, event: NavList.OptionHighlighted) -> None:
        """On the away row, the hint says whether time away can be noticed here at all."""
        hint = HINT
        if event.option.id == "away_minutes":
            from coach.nudger.idle import signal_note

            hint = signal_note()
        elif event.option.id == ADD:
            hint = ADD_HINT
        elif (event.option.id or "").startswith(REMINDER):
            hint = REMINDER_HINT
        self.query_one("#settings-hint", Static).update(Text(hint, "dim"))
        self.refresh_bindings()  # Remove: on a reminder's row only

    @on(NavList.OptionSelected, "#settings-list")
    def _selected(self) -> None:
        field = self._field()
        if field == ADD:
            self.action_add_reminder()
        elif field.startswith(REMINDER):
            self._edit_reminder(self._reminder())
        else:
            self.action_flip()

    # -- reminders ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_reminder":
            return self.reminders is not None and self.reminders.file is not None
        if action == "remove_reminder":
            return self._reminder() is not None
        return True

    def _reminder(self) -> Reminder | None:
        field = self._field()
        if self.reminders is None or not field.startswith(REMINDER):
            return None
        routine = field.removeprefix(REMINDER)
        return next((r for r in self.reminders.shown().reminders if r.routine == routine), None)

    def action_add_reminder(self) -> None:
        self._edit_reminder(None)

    def _edit_reminder(self, old: Reminder | None) -> None:
        from coach.ui.screens.reminder_dialog import ReminderDialog

        book = self.reminders
        if book is None or book.file is None:
            return
        taken = frozenset(r.routine for r in book.shown().reminders)
        self.app.push_screen(ReminderDialog(self.routines, old, taken),
                             lambda new: self._put(book, new, old))

    def _put(self, book: ReminderBook, new: Reminder | None, old: Reminder | None) -> None:
        if new is None:
            return
        book.put(new, old.routine if old else None)
        choices = self.query_one("#settings-list", NavList)
        choices.highlighted = choices.get_option_index(REMINDER + new.routine)  # on it

    def action_remove_reminder(self) -> None:
        from coach.ui.screens.dialogs import Confirm

        old, book = self._reminder(), self.reminders
        if old is None or book is None:
            return
        name = reminder_text(old, self.routines, unsaved=False)
        question = Text("Remove the reminder ").append(name).append("?")
        self.app.push_screen(Confirm(question, "remove it", "keep it"),
                             lambda yes: book.remove(old.routine) if yes else None)

    def action_flip(self) -> None:
        field = self._field()
        if field in NUDGE_CHOICES:
            self._apply(nudge_choices.change(self.settings, field, 0))
        elif field.startswith(REMINDER):  # space on a reminder: change it, as Enter
            self._selected()
        elif isinstance(getattr(self.settings, field, None), bool):
            self._apply(self.settings.changed(field))

    def action_step(self, step: int) -> None:
        field = self._field()
        if field in NUDGE_CHOICES:
            self._apply(nudge_choices.change(self.settings, field, step))
        elif field == "theme":
            themes = self.themes
            at = themes.index(self.settings.theme) if self.settings.theme in themes else -1
            theme = themes[(at + step) % len(themes)]
            self._apply(self.settings.model_copy(update={"theme": theme}))
        elif field in Settings.model_fields and not isinstance(getattr(self.settings, field), bool):
            self._apply(self.settings.changed(field, step))
