"""Small one-keypress questions: pain check-in, stopping a session, a broken data file."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

PAIN_KEYS = [(str(n), n) for n in range(10)] + [("t", 10)]


class PainCheck(ModalScreen[int | None]):
    """0-9 or t (ten) answers at once; Esc or s skips. Returns the score or None."""

    BINDINGS = [
        *(Binding(key, f"answer({score})", str(score), show=False, id=f"pain_{score}")
          for key, score in PAIN_KEYS),
        Binding("s", "answer(None)", "Skip", id="skip"),
        Binding("escape", "answer(None)", "Skip", show=False, id="skip_esc"),
    ]

    def __init__(self, when: str) -> None:
        super().__init__()
        self.when = when

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(f"Back pain {self.when}?\n\n", "bold")
        for key, score in PAIN_KEYS:
            text.append(f" {key} ", "bold reverse")
            text.append(" ")
        text.append("\n 0 none" + " " * 26 + "10 (t) worst\n\n", "dim")
        text.append("One key answers.  ")
        text.append(" s ", "bold reverse")
        text.append(" skip")
        with Vertical(classes="dialog small"):
            yield Static(text)

    def action_answer(self, score: int | None) -> None:
        self.dismiss(score)


class StopDialog(ModalScreen[str]):
    """Returns 'save', 'discard' or 'resume'."""

    BINDINGS = [
        Binding("s", "choose('save')", "Save and stop", id="save"),
        Binding("d", "choose('discard')", "Discard", id="discard"),
        Binding("escape", "choose('resume')", "Go on", id="resume"),
        Binding("g", "choose('resume')", "Go on", show=False, id="resume_g"),
    ]

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("Stop this session?\n\n", "bold")
        for key, label in (("s", "save what you did and stop"), ("d", "discard it"),
                           ("g", "go on (or Esc)")):
            text.append(f" {key} ", "bold reverse")
            text.append(f" {label}\n")
        with Vertical(classes="dialog small"):
            yield Static(text)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class BrokenStoreScreen(ModalScreen[bool]):
    """The data file cannot be read. True: move it aside and start fresh; False: quit."""

    BINDINGS = [
        Binding("f", "choose(True)", "Start fresh", id="fresh"),
        Binding("q", "choose(False)", "Quit", id="quit_broken"),
        Binding("escape", "choose(False)", "Quit", show=False, id="quit_esc"),
    ]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("Your backcoach data can't be read\n\n", "bold")
        text.append(self.problem + "\n\n")
        text.append("Nothing has been changed. ")
        text.append(" f ", "bold reverse")
        text.append(" move the file aside (renamed, kept) and start fresh   ")
        text.append(" q ", "bold reverse")
        text.append(" quit and look at it first")
        with Vertical(classes="dialog"):
            yield Static(text)

    def action_choose(self, fresh: bool) -> None:
        self.dismiss(fresh)


class ConfirmDelete(ModalScreen[bool]):
    """y deletes, n or Esc keeps."""

    BINDINGS = [
        Binding("y", "choose(True)", "Delete", id="yes"),
        Binding("n", "choose(False)", "Keep", id="no"),
        Binding("escape", "choose(False)", "Keep", show=False, id="no_esc"),
    ]

    def __init__(self, name: str, day) -> None:
        super().__init__()
        self.label = f"{name} of {day}"

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(f"Delete the session {self.label}?\n\n", "bold")
        text.append(" y ", "bold reverse")
        text.append(" delete (u undoes it while this screen is open)   ")
        text.append(" n ", "bold reverse")
        text.append(" keep it")
        with Vertical(classes="dialog small"):
            yield Static(text)

    def action_choose(self, yes: bool) -> None:
        self.dismiss(yes)
