"""One exercise in full, opened with Enter from the library: a big moving picture beside
everything about it (what a glance at the library's pane leaves below the fold)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from coach.core.content.models import Exercise
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.exercise_card import exercise_body, exercise_head
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.size_guard import SizeGuard


class ExerciseScreen(Screen):
    DEFAULT_CSS = """
    ExerciseScreen #exercise-body { height: 1fr; }
    ExerciseScreen #exercise-figure {
        width: 45%; min-width: 30; height: 100%; border-right: vkey $primary;
    }
    ExerciseScreen #exercise-text { width: 1fr; padding: 0 1; }
    ExerciseScreen #exercise-head { margin-bottom: 1; }
    ExerciseScreen.-narrow #exercise-figure { display: none; }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # below: the text alone

    BINDINGS = [
        Binding("escape,enter", "app.pop_screen", "Back", id="back"),
        Binding("j", "scroll('down')", "Down", show=False, id="down"),
        Binding("k", "scroll('up')", "Up", show=False, id="up"),
    ]

    def __init__(self, exercise: Exercise, animate_every: float = 1.0) -> None:
        super().__init__()
        self.exercise = exercise
        self.animate_every = animate_every

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="exercise-body"):
            yield Diagram(self.exercise.figure, animate_every=self.animate_every,
                          id="exercise-figure")
            with VerticalScroll(id="exercise-text"):
                yield Static(exercise_head(self.exercise), id="exercise-head")
                yield Static(exercise_body(self.exercise), id="exercise-about")
        yield KeyFooter()
        yield SizeGuard(50, 12)

    def on_mount(self) -> None:
        self.sub_title = self.exercise.name
        self.query_one("#exercise-text").focus()

    def action_scroll(self, direction: str) -> None:
        text = self.query_one("#exercise-text", VerticalScroll)
        text.scroll_down() if direction == "down" else text.scroll_up()
