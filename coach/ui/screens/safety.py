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
    """Dismissed with True when the user says they have read it, False when they back out.
    Opened from help (asking=False) it is a page to read: Esc or Enter closes it."""

    BINDINGS = [
        Binding("enter", "agree", "I understand", id="agree"),
        Binding("escape", "back", "Not now", id="back"),
    ]

    def __init__(self, safety: Safety, asking: bool = True) -> None:
        super().__init__()
        self.safety = safety
        self.asking = asking

    def body(self) -> Text:
        return safety_text(self.safety)

    def keys(self) -> Text:
        if self.asking:
            return keys_line([("Enter", "I understand"), ("Esc", "not now"),
                              ("↓", "read on")])
        return keys_line([("Esc", "close"), ("↓", "read on")])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.asking or action != "agree"

    def action_agree(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
