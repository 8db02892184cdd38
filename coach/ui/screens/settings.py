"""The few choices a user has: bell, motion, pain check-ins, the day's start, the goal, theme,
and the stand-up nudges (how often, when, and how they reach the user)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static
from textual.widgets.option_list import Option

from coach.core.nudge import choices as nudge_choices
from coach.core.nudge.choices import NUDGE_CHOICES
from coach.core.settings.model import Settings
from coach.ui.messages import Sent
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.navlist import NavList
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


def options(settings: Settings) -> list[Option]:
    rows = [Option(choice_text(settings, field, label), id=field) for field, label in CHOICES]
    rows.append(Option(Text("Stand-up nudges", "bold underline"), id="nudges", disabled=True))
    rows += [Option(choice_text(settings, name, label), id=name)
             for name, (label, _) in NUDGE_CHOICES.items()]
    return rows


class SettingsScreen(Screen):
    """Shows `settings`; every change goes up as Changed, and the App sets `settings` back."""

    DEFAULT_CSS = """
    SettingsScreen #settings-list { height: 1fr; margin: 1 2; }  /* the hint stays in view */
    SettingsScreen #settings-hint { padding: 0 2; }
    """
    BINDINGS = [
        Binding("space", "flip", "Toggle", id="toggle"),
        Binding("left,h", "step(-1)", "Less", id="less"),
        Binding("right,l", "step(1)", "More", id="more"),
        Binding("w", "app.safety", "When not to exercise", id="safety", show=False),
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    class Changed(Sent):
        def __init__(self, screen: SettingsScreen, settings: Settings) -> None:
            super().__init__(screen)
            self.settings = settings

    settings: var[Settings] = var(Settings, init=False)

    def __init__(self, settings: Settings, themes: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.set_reactive(SettingsScreen.settings, settings)
        self.themes = themes or (settings.theme,)

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield NavList(id="settings-list")
        yield Static(Text(HINT, "dim"), id="settings-hint")
        yield KeyFooter()
        yield SizeGuard(50, 12)

    def on_mount(self) -> None:
        self.sub_title = "Settings"
        self.watch_settings(self.settings)
        self.query_one("#settings-list").focus()

    def watch_settings(self, settings: Settings) -> None:
        choices = self.query_one("#settings-list", NavList)
        keep = choices.highlighted or 0
        choices.set_options(options(settings))
        choices.highlighted = keep

    def _field(self) -> str:
        choices = self.query_one("#settings-list", NavList)
        return choices.get_option_at_index(choices.highlighted or 0).id or ""

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
        self.query_one("#settings-hint", Static).update(Text(hint, "dim"))

    @on(NavList.OptionSelected, "#settings-list")
    def _selected(self) -> None:
        self.action_flip()

    def action_flip(self) -> None:
        field = self._field()
        if field in NUDGE_CHOICES:
            self._apply(nudge_choices.change(self.settings, field, 0))
        elif isinstance(getattr(self.settings, field), bool):
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
        elif not isinstance(getattr(self.settings, field), bool):
            self._apply(self.settings.changed(field, step))
