"""One routine in full: every step with its diagram, cue and dose."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from coach.core.content.loading import RoutineInfo
from coach.core.content.phrases import dosing_text, glance
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.size_guard import SizeGuard


class RoutineScreen(Screen[bool]):
    """Dismissed with True when the user asks to start it (Enter); Esc only goes back."""

    DEFAULT_CSS = """
    RoutineScreen .routine-head { margin-bottom: 1; }
    RoutineScreen .step { height: auto; margin-bottom: 1; }
    RoutineScreen .step Diagram { width: 1fr; min-width: 34; max-width: 60; }
    RoutineScreen .step-about { width: 2fr; }
    """

    BINDINGS = [
        Binding("enter", "start", "Start", id="start"),
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("j", "scroll('down')", "Down", show=False, id="down"),
        Binding("k", "scroll('up')", "Up", show=False, id="up"),
    ]

    def __init__(self, info: RoutineInfo) -> None:
        super().__init__()
        self.info = info

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="steps"):
            head = Text()
            head.append(self.info.routine.name, "bold")
            head.append("  " + glance(self.info), "dim")
            head.append("\n" + self.info.routine.description)
            yield Static(head, classes="routine-head")
            for n, step in enumerate(self.info.steps, 1):
                about = Text()
                about.append(f"{n}. {step.exercise.name}\n", "bold")
                about.append(dosing_text(step.dosing) + "\n")
                about.append(f"» {step.cue}\n", "italic")
                about.append(f"{step.exercise.position} · {', '.join(step.exercise.targets)}", "dim")
                with Horizontal(classes="step"):
                    yield Diagram(step.exercise.figure)
                    yield Static(about, classes="step-about")
        yield KeyFooter()
        yield SizeGuard(50, 12)

    def on_mount(self) -> None:
        self.sub_title = self.info.routine.name
        self.query_one("#steps").focus()

    def action_scroll(self, direction: str) -> None:
        steps = self.query_one("#steps", VerticalScroll)
        steps.scroll_down() if direction == "down" else steps.scroll_up()

    def action_start(self) -> None:
        self.dismiss(True)  # the picker that opened it asks for the start
