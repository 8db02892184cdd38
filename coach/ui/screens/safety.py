"""When not to exercise: acknowledged once before the first session, then always in help."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

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

    def keys(self) -> Text:
        if self.asking:
            return keys_line([("Enter", "I understand"), ("Esc", "not now"),
                              ("↓", "read on")])
        return keys_line([("Esc", "close"), ("↓", "read on")])

    def action_agree(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)


class SafetyPage(SafetyScreen, inherit_bindings=False):
    """The same text opened from help or settings: a page to read, Esc or Enter closes it."""

    BINDINGS = [Binding("escape,enter", "back", "Close", id="close")]
    asking = False
