"""When not to exercise: acknowledged once before the first session, then always in help."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.core.content.models import Safety


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


class SafetyScreen(ModalScreen[bool]):
    """Dismissed with True when the user says they have read it, False when they back out."""

    BINDINGS = [
        Binding("enter", "agree", "I understand", id="agree"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, safety: Safety, asking: bool = True) -> None:
        super().__init__()
        self.safety = safety
        self.asking = asking

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="safety-box", classes="dialog"):
            text = safety_text(self.safety)
            if self.asking:
                text.append("\n\nEnter", "bold reverse")
                text.append(" I understand   ")
                text.append("Esc", "bold reverse")
                text.append(" not now")
            yield Static(text)

    def action_agree(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
