"""When not to exercise: acknowledged once before the first session, then always in help."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.core.content.models import Safety
from coach.ui.widgets.dialog import Dialog, keys_line


def safety_text(safety: Safety) -> Text:
    text = Text()
    text.append(safety.title + "\n\n", "bold")
    text.append(safety.skip_if_intro + "\n")
    for item in safety.skip_if:
        text.append(f"  ✗ {item}\n")
    text.append("\n" + safety.stop_if + "\n\n", "bold")
    text.append(safety.condition_note + "\n\n")
    text.append(safety.not_advice, "italic")
    return text


class SafetyScreen(Dialog[bool]):
    """Dismissed with True when the user says they have read it, False when they back out."""

    BINDINGS = [
        Binding("enter", "agree", "I understand", id="agree"),
        Binding("escape", "back", "Not now", id="back"),
    ]

    asking = True

    def __init__(self, safety: Safety) -> None:
        super().__init__()
        self.safety = safety

    def body(self) -> Text:
        return safety_text(self.safety)

    def keys(self, more: bool = False) -> Text:
        """The answers, and "↓ read on" only while some of the text is out of view."""
        keys = [("Enter", "I understand"), ("Esc", "not now")] if self.asking else [
            ("Esc", "close")]
        return keys_line(keys + ([("↓", "read on")] if more else []))

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit_keys)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_keys)

    def fit_keys(self) -> None:
        more = self.query_one(".dialog", VerticalScroll).max_scroll_y > 0
        self.query_one(".dialog-keys", Static).update(self.keys(more))

    def action_agree(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)


class SafetyPage(SafetyScreen, inherit_bindings=False):
    """The same text opened from help or settings: a page to read, Esc or Enter closes it."""

    BINDINGS = [Binding("escape,enter", "back", "Close", id="close")]
    asking = False
