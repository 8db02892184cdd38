"""Pick an exercise to add to a routine: type to filter, arrows to move, Enter to add.

The filter holds focus from the start, so typing filters at once; ↑/↓ (and page keys) move
the list while typing, and Enter adds the highlighted exercise.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from coach.core.content.catalog import search_exercises
from coach.core.content.models import Exercise
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.dialog import Dialog, keys_line
from coach.ui.widgets.exercise_card import exercise_head
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.navlist import NavList, row


class ExerciseChooser(Dialog[Exercise | None]):
    """Type to filter by name, position (seated, prone…), equipment (mat…) or body area."""

    DEFAULT_CSS = """
    ExerciseChooser > .chooser {
        width: 90%; height: 90%;
        border: round $primary; padding: 0 1; background: $surface;
    }
    ExerciseChooser #filter { border: none; height: 1; }
    ExerciseChooser #chooser-body { height: 1fr; }
    ExerciseChooser #choices {
        width: 1fr; min-width: 30; max-width: 50; height: 1fr;
        border: none; border-right: vkey $primary;
    }
    ExerciseChooser #chooser-detail { width: 2fr; padding: 0 1; }
    ExerciseChooser .dialog-keys { height: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("enter", "choose", "Add", id="choose"),
        Binding("up", "move('cursor_up')", "Up", show=False, id="up"),
        Binding("down", "move('cursor_down')", "Down", show=False, id="down"),
        Binding("pageup", "move('page_up')", "Page up", show=False, id="page_up"),
        Binding("pagedown", "move('page_down')", "Page down", show=False, id="page_down"),
    ]

    def __init__(self, exercises: list[Exercise]) -> None:
        super().__init__()
        self.exercises = exercises
        self.shown: list[Exercise] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="chooser"):
            yield Static("Add which exercise? Type to filter: name, seated, mat, hamstrings…",
                         classes="chooser-title", markup=False)
            yield Input(placeholder="filter", id="filter")
            with Horizontal(id="chooser-body"):
                yield NavList(id="choices")
                with Vertical(id="chooser-detail"):
                    yield Static(id="chooser-head")
                    yield Diagram(id="chooser-diagram")
            yield Static(keys_line([("↑↓", "move"), ("Enter", "add"), ("Esc", "cancel")]),
                         classes="dialog-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show("")
        self.query_one("#filter").focus()

    def show(self, query: str) -> None:
        self.shown = search_exercises(self.exercises, query)
        listing = self.query_one("#choices", NavList)
        listing.set_options(
            Option(row(e.name, f"{e.position} · {', '.join(e.targets)}"), id=e.id)
            for e in self.shown
        )
        if self.shown:
            listing.highlighted = 0
        self.preview()

    def preview(self) -> None:
        index = self.query_one("#choices", NavList).highlighted
        head = self.query_one("#chooser-head", Static)
        diagram = self.query_one("#chooser-diagram", Diagram)
        if index is None or not self.shown:
            head.update(Text("Nothing matches; Esc clears."))
            diagram.show(None)
            return
        exercise = self.shown[index]
        head.update(exercise_head(exercise))
        diagram.show(exercise.figure)

    @on(NavList.OptionHighlighted, "#choices")
    def _moved(self) -> None:
        self.preview()

    @on(NavList.OptionSelected, "#choices")
    def _chosen(self, event: NavList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self.show(event.value)

    @on(Input.Submitted, "#filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_choose()

    def action_move(self, how: str) -> None:
        # The list's own public actions: action_cursor_up/down, action_page_up/down.
        listing = self.query_one("#choices", NavList)
        {"cursor_up": listing.action_cursor_up, "cursor_down": listing.action_cursor_down,
         "page_up": listing.action_page_up, "page_down": listing.action_page_down}[how]()

    def action_choose(self) -> None:
        index = self.query_one("#choices", NavList).highlighted
        if index is not None and self.shown:
            self.dismiss(self.shown[index])

    def action_cancel(self) -> None:
        field = self.query_one("#filter", Input)
        if field.value:
            field.value = ""
        else:
            self.dismiss(None)
