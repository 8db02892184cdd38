"""Pick an exercise to add to a routine: search, and see its diagram and cue as you move."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from coach.core.content.catalog import search_exercises
from coach.core.content.models import Exercise
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.exercise_card import exercise_head
from coach.ui.widgets.navlist import NavList, row


class ExerciseChooser(ModalScreen[Exercise | None]):
    """Type to filter by name, position (seated, prone…), equipment (mat…) or body area."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("slash", "search", "Search", id="search"),
    ]

    def __init__(self, exercises: list[Exercise]) -> None:
        super().__init__()
        self.exercises = exercises
        self.shown: list[Exercise] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog chooser"):
            yield Static("Add which exercise? Type to filter: name, seated, mat, hamstrings…",
                         classes="chooser-title")
            yield Input(placeholder="filter", id="filter")
            with Horizontal(id="chooser-body"):
                yield NavList(id="choices")
                with Vertical(id="chooser-detail"):
                    yield Static(id="chooser-head")
                    yield Diagram(id="chooser-diagram")

    def on_mount(self) -> None:
        self.show("")
        self.query_one("#choices").focus()

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
            head.update("Nothing matches; Esc clears.")
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
    def _filtered(self) -> None:
        self.query_one("#choices").focus()

    def action_search(self) -> None:
        self.query_one("#filter").focus()

    def action_cancel(self) -> None:
        field = self.query_one("#filter", Input)
        if field.value:
            field.value = ""
            self.query_one("#choices").focus()
        else:
            self.dismiss(None)
