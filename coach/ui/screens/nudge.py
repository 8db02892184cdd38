"""The stand-up nudge: a small prompt, or after repeated snoozes a full-screen one with the
micro-break's picture. One key answers; any other key closes it (no answer: a snooze, see
wording.ANSWER_RULES) and goes through to the screen beneath, so a nudge never blocks what the
user was doing.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.core.figure.model import Figure
from coach.core.nudge.posture import posture_tip
from coach.core.nudge.timer import Answer, Nudge
from coach.core.nudge.wording import sitting_text
from coach.ui.widgets.diagram import Diagram

NUDGE_KEYS: tuple[tuple[str, Answer, str], ...] = (
    ("b", "break", "Break now"),
    ("z", "snooze", "Snooze"),
    ("s", "skip", "Skip"),
)
PICTURE_MIN_HEIGHT = 20  # below this the insistent prompt leaves the picture out
NARROW_WIDTH = 60  # below this the nudge says it in fewer columns


def nudge_text(nudge: Nudge, snooze_min: int, narrow: bool = False) -> Text:
    """What the nudge says: how long, the posture tip, and the keys; all as plain Text.

    Narrow (a 40-column pane) says the same in fewer columns, so every key stays in view.
    """
    text = Text()
    sat = sitting_text(nudge.sitting_s)  # the minutes as the compact pane and status say them
    head = "Stand up now" if nudge.insistent else "Time to stand up"
    text.append(f"Stand up: sitting {sat}.\n" if narrow else f"{head}: sitting {sat}.\n",
                "bold")
    text.append(f"{posture_tip(nudge.number)}\n", "italic")
    for key, answer, label in NUDGE_KEYS:
        text.append(f" {key} ", "bold reverse")
        if answer == "snooze":
            label = f"snooze {snooze_min}m" if narrow else f"snooze {snooze_min} min"
        text.append(f" {label.lower()}" + ("" if answer == "skip" else " " if narrow else "  "))
    text.append("\nOther keys close this." if narrow else "\nAny other key closes this.", "dim")
    return text


class NudgeScreen(ModalScreen[Answer | None]):
    """Dismisses with the answer, or None when another key closed it (the nudge still waits)."""

    DEFAULT_CSS = """
    NudgeScreen {
        align: center top;  /* toasts come up bottom right: never over the keys */
        background: $background 30%;
    }
    NudgeScreen.insistent {
        align: center middle;
        background: $background;
    }
    NudgeScreen #nudge-box {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: heavy $warning;
        padding: 0 1;
        background: $surface;
    }
    NudgeScreen.insistent #nudge-box {
        width: 100%;
        height: 100%;
        border: double $error;
        align: center middle;
    }
    NudgeScreen.narrow #nudge-box {
        padding: 0;
    }
    NudgeScreen #nudge-picture {
        width: auto;
        margin: 0 0 1 0;
    }
    """

    BINDINGS = [
        Binding(key, f"answer('{answer}')", label, id=f"nudge_{answer}")
        for key, answer, label in NUDGE_KEYS
    ]

    def __init__(self, nudge: Nudge, snooze_min: int, figure: Figure | None = None,
                 animate_every: float = 0.0) -> None:
        super().__init__(classes="insistent" if nudge.insistent else "")
        self.nudge = nudge
        self.snooze_min = snooze_min
        self.figure = figure
        self.animate_every = animate_every

    def compose(self) -> ComposeResult:
        with Vertical(id="nudge-box"):
            if self.nudge.insistent and self.figure is not None:
                with Center():
                    yield Diagram(self.figure, self.animate_every, id="nudge-picture")
            yield Static(id="nudge-text")

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        size = self.size  # the screen's: the whole terminal
        narrow = size.width < NARROW_WIDTH or size.height < PICTURE_MIN_HEIGHT
        self.set_class(narrow, "narrow")
        self.query_one("#nudge-text", Static).update(
            nudge_text(self.nudge, self.snooze_min, narrow))
        for picture in self.query("#nudge-picture"):
            picture.display = size.height >= PICTURE_MIN_HEIGHT

    def action_answer(self, answer: Answer) -> None:
        self.dismiss(answer)

    def on_key(self, event: events.Key) -> None:
        # Not a binding of ours: close and hand the key on, so nothing the user typed is lost.
        if event.key in {key for key, _, _ in NUDGE_KEYS}:
            return
        event.stop()
        event.prevent_default()
        self.dismiss(None)
        if event.key != "escape":  # Esc only closes the nudge; it must not also go back a screen
            self.app.call_after_refresh(self.app.post_message, events.Key(event.key, event.character))
