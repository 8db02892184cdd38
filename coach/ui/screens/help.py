"""The keys of the screen underneath, and what backcoach is not."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen

from coach.core.nudge.wording import rules_text
from coach.core.session.outcomes import RULE as OUTCOME_RULE
from coach.ui.widgets.dialog import Dialog, keys_line

NOT_ADVICE = (
    "backcoach is not medical advice. Stop any exercise that causes sharp or spreading pain, "
    "and see a clinician if pain is severe, lasts, or comes with numbness or weakness."
)

NUDGE_HELP = (
    "Stand-up nudges: after the set minutes of sitting (in working hours), one clock for every "
    f"open copy on this machine. What each answer does: {rules_text()} "
    "`backcoach settings` lists the choices."
)


def keys_text(screen: Screen) -> Text:
    """Every backcoach key the screen answers to, with what it does, hidden ones included.

    Only bindings with an id: ours all have one, and Textual's generic scrolling and focus
    keys (which have none) would bury them.
    """
    text = Text()
    text.append("Keys\n\n", "bold")
    # First, so it is in view without scrolling: the footer leaves it out for room.
    text.append(f"{'ctrl+p':>10}  ", "bold")
    text.append("Command palette: every command, by name\n")
    seen = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id is None or not binding.description or binding.description in seen:
            continue
        seen.add(binding.description)
        shown = binding.key_display or screen.app.get_key_display(binding)
        text.append(f"{shown:>10}  ", "bold")
        text.append(binding.description + "\n")
    return text


class HelpScreen(Dialog[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="close"),
        Binding("question_mark", "dismiss", "Close", show=False, id="close_help"),
        Binding("q", "dismiss", "Close", show=False, id="close_q"),
        Binding("w", "safety", "When not to exercise", id="safety"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def body(self) -> Text:
        text = keys_text(self.under)
        text.append("\n" + OUTCOME_RULE + "\n" + NUDGE_HELP + "\n")
        text.append("\n" + NOT_ADVICE, "italic")
        return text

    def keys(self) -> Text:
        return keys_line([("w", "when not to exercise"), ("Esc", "close")])

    async def action_safety(self) -> None:
        self.dismiss()
        await self.app.run_action("safety")
