"""The few choices a user has: bell, motion, pain check-ins, when a day starts, the weekly goal."""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.widgets.option_list import Option

from coach.core.session.records import Settings
from coach.ui.widgets.navlist import NavList

# field, how it reads; booleans toggle, numbers step with left/right
CHOICES = [
    ("bell", "Bell at each change of phase"),
    ("reduce_motion", "Reduce motion: diagrams hold still"),
    ("pain_checkin", "Pain check-in before and after a session"),
    ("day_start_hour", "A new training day starts at"),
    ("weekly_goal_days", "Weekly goal: days with a session"),
]


def choice_text(settings: Settings, field: str, label: str) -> Text:
    value = getattr(settings, field)
    text = Text()
    if isinstance(value, bool):
        text.append("[x] " if value else "[ ] ", "bold")
        text.append(label)
    else:
        shown = f"{value}:00" if field == "day_start_hour" else f"{value} of 7"
        text.append("‹ ", "dim")
        text.append(shown, "bold")
        text.append(" › ", "dim")
        text.append(label)
    return text


def changed(settings: Settings, field: str, step: int = 0) -> Settings | None:
    """The settings with one choice toggled (step 0) or moved by step; None if out of range."""
    value = getattr(settings, field)
    new = (not value) if isinstance(value, bool) else value + step
    if new == value:
        return None
    try:
        return Settings.model_validate(settings.model_dump() | {field: new})
    except ValidationError:
        return None


class SettingsScreen(Screen):
    BINDINGS = [
        Binding("space", "toggle", "Toggle", id="toggle"),
        Binding("left,h", "step(-1)", "Less", id="less"),
        Binding("right,l", "step(1)", "More", id="more"),
        Binding("w", "app.safety", "When not to exercise", id="safety"),
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavList(id="choices")
        yield Static(
            Text("Enter or space toggles, ←/→ change a number; saved as you go.", "dim"),
            id="settings-hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Settings"
        self.refresh_choices()
        self.query_one("#choices").focus()

    def refresh_choices(self) -> None:
        choices = self.query_one("#choices", NavList)
        keep = choices.highlighted or 0
        settings = self.app.settings
        choices.set_options(
            Option(choice_text(settings, field, label), id=field) for field, label in CHOICES
        )
        choices.highlighted = keep

    def _field(self) -> str:
        return CHOICES[self.query_one("#choices", NavList).highlighted or 0][0]

    def _apply(self, new: Settings | None) -> None:
        if new is not None:
            self.app.change_settings(new)
            self.refresh_choices()

    @on(NavList.OptionSelected, "#choices")
    def _selected(self) -> None:
        self.action_toggle()

    def action_toggle(self) -> None:
        field = self._field()
        if isinstance(getattr(self.app.settings, field), bool):
            self._apply(changed(self.app.settings, field))

    def action_step(self, step: int) -> None:
        field = self._field()
        if not isinstance(getattr(self.app.settings, field), bool):
            self._apply(changed(self.app.settings, field, step))
