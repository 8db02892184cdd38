"""Small one-keypress questions: pain check-in, stopping a session, a broken data file."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

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
        for key, _score in PAIN_KEYS:
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


class Confirm(ModalScreen[bool]):
    """A yes/no question: y answers yes, n or Esc no."""

    BINDINGS = [
        Binding("y", "choose(True)", "Yes", id="yes"),
        Binding("n", "choose(False)", "No", id="no"),
        Binding("escape", "choose(False)", "No", show=False, id="no_esc"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(self.question + "\n\n", "bold")
        text.append(" y ", "bold reverse")
        text.append(f" {self.yes}   ")
        text.append(" n ", "bold reverse")
        text.append(f" {self.no}")
        with Vertical(classes="dialog small"):
            yield Static(text)

    def action_choose(self, yes: bool) -> None:
        self.dismiss(yes)


class PathPrompt(ModalScreen[str | None]):
    """Ask for a file path; Enter answers, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question, self.value = question, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Static(Text(self.question, "bold"))
            yield Input(value=self.value, id="path")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
