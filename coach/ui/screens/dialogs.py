"""Small one-keypress questions: pain check-in, stopping a session, a broken file, yes/no."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from coach.ui.widgets.dialog import Dialog, keys_line
from coach.ui.widgets.key_footer import KeyFooter

PAIN_KEYS = [(str(n), n) for n in range(10)] + [("t", 10)]


class PainCheck(Dialog[int | None]):
    """0-9 or t (ten) answers at once; Esc or s skips. Returns the score or None."""

    BINDINGS = [
        # one footer entry stands for the eleven keys
        Binding("0", "answer(0)", "Answer", key_display="0-9,t", id="pain_0"),
        *(Binding(key, f"answer({score})", str(score), show=False, id=f"pain_{score}")
          for key, score in PAIN_KEYS[1:]),
        Binding("s", "answer(None)", "Skip", id="skip"),
        Binding("escape", "answer(None)", "Skip", show=False, id="skip_esc"),
    ]

    def __init__(self, when: str) -> None:
        super().__init__()
        self.when = when

    def body(self) -> Text:
        text = Text()
        text.append(f"Back pain {self.when}?\n\n", "bold")
        text.append_text(keys_line(((key, "") for key, _ in PAIN_KEYS), sep=""))
        text.append("\n 0 none" + " " * 26 + "10 (t) worst", "dim")
        return text

    def keys(self) -> Text:
        return Text("One key answers.  ").append_text(keys_line([("s", "skip")]))

    def action_answer(self, score: int | None) -> None:
        self.dismiss(score)


class StopDialog(Dialog[str]):
    """Returns 'save', 'discard' or 'resume'. Small enough for a 40x10 window."""

    DEFAULT_CSS = """
    StopDialog > .dialog { width: 40; }
    """
    BINDINGS = [
        Binding("s", "choose('save')", "Save", id="save"),
        Binding("d", "choose('discard')", "Discard", id="discard"),
        Binding("escape", "choose('resume')", "Go on", id="resume"),
        Binding("g", "choose('resume')", "Go on", show=False, id="resume_g"),
    ]

    def body(self) -> Text:
        return Text("Stop this session?", "bold")

    def keys(self) -> Text:
        return keys_line([("s", "save and stop"), ("d", "discard it"), ("g", "go on (Esc)")],
                         sep="\n")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class BrokenStoreScreen(Dialog[bool]):
    """The data file cannot be read. True: move it aside and start fresh; False: quit."""

    BINDINGS = [
        Binding("f", "choose(True)", "Start fresh", id="fresh"),
        Binding("q", "choose(False)", "Quit", id="quit_broken"),
        Binding("escape", "choose(False)", "Quit", show=False, id="quit_esc"),
    ]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def body(self) -> Text:
        text = Text()
        text.append("Your backcoach data can't be read\n\n", "bold")
        text.append(self.problem + "\n\n")
        text.append("Nothing has been changed.")
        return text

    def keys(self) -> Text:
        return keys_line([("f", "move the file aside (kept) and start fresh"),
                          ("q", "quit and look at it first")], sep="\n")

    def action_choose(self, fresh: bool) -> None:
        self.dismiss(fresh)


class Confirm(Dialog[bool]):
    """A yes/no question: y answers yes, n or Esc no. The question may hold user text: it is
    a Text or plain str, never markup."""

    BINDINGS = [
        Binding("y", "choose(True)", "Yes", id="yes"),
        Binding("n", "choose(False)", "No", id="no"),
        Binding("escape", "choose(False)", "No", show=False, id="no_esc"),
    ]

    def __init__(self, question: str | Text, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def body(self) -> Text:
        question = self.question if isinstance(self.question, Text) else Text(self.question)
        text = question.copy()
        text.stylize("bold")
        return text

    def keys(self) -> Text:
        return keys_line([("y", self.yes), ("n", self.no)], sep="\n")

    def action_choose(self, yes: bool) -> None:
        self.dismiss(yes)


class PathPrompt(ModalScreen[str | None]):
    """Ask for a file path; Enter answers, Esc cancels."""

    DEFAULT_CSS = """
    PathPrompt { align: center middle; }
    PathPrompt > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: round $primary; padding: 0 1; background: $surface;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, question: str, value: str = "", folder: Path | None = None) -> None:
        super().__init__()
        self.question, self.value, self.folder = question, value, folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question, "bold"))
            if self.folder is not None:  # said, so a bare name goes nowhere unexpected
                yield Static(Text(f"A name alone goes in {self.folder}", "dim"))
            yield Input(value=self.value, id="path")
            yield Static(keys_line([("Enter", "go"), ("Esc", "cancel")]))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
