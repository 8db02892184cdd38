"""Every exercise, searchable; the highlighted one shown with its diagram and how-to."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from coach.core.content.catalog import search_exercises
from coach.core.content.loading import Library
from coach.core.content.models import Exercise
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.exercise_card import exercise_body, exercise_head
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.navlist import NavList, row
from coach.ui.widgets.size_guard import SizeGuard


class LibraryScreen(Screen):
    DEFAULT_CSS = """
    LibraryScreen #search { height: 1; border: none; padding: 0 1; margin: 0; }
    LibraryScreen #body { height: 1fr; }
    LibraryScreen #exercises {
        /* As wide as the longest name (no "spine and shoulder bl…" where there is room),
           never more than half the window. */
        width: auto; min-width: 34; max-width: 50%;
        height: 1fr;
        border: none;
        border-right: vkey $primary;
        scrollbar-size-vertical: 1;
    }
    LibraryScreen #detail { width: 2fr; padding: 0 1; }
    LibraryScreen #diagram { margin: 1 0; }
    LibraryScreen.-tall #diagram { height: 22; }  /* 160x48: a picture to read from afar */
    """
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]

    BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, library: Library, animate_every: float = 1.0) -> None:
        super().__init__()
        self.library = library
        self.animate_every = animate_every
        self.shown: list[Exercise] = []

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Input(placeholder="search: name, body area, position, kind, equipment", id="search")
        with Horizontal(id="body"):
            yield NavList(id="exercises")
            with VerticalScroll(id="detail"):
                yield Static(id="head")
                yield Diagram(animate_every=self.animate_every, id="diagram")
                yield Static(id="about")
        yield KeyFooter()
        yield SizeGuard(50, 12)

    def on_mount(self) -> None:
        self.sub_title = "Exercise library"
        self.show_matches("")
        self.query_one("#exercises").focus()

    def show_matches(self, query: str) -> None:
        self.shown = search_exercises(self.library.exercises.values(), query)
        options = []
        for exercise in self.shown:
            gear = ", ".join(exercise.equipment) or "no equipment"
            prompt = row(exercise.name, f"{exercise.position} · {exercise.kind} · {gear}")
            options.append(Option(prompt, id=exercise.id))
        listing = self.query_one("#exercises", NavList)
        listing.set_options(options)
        if options:
            listing.highlighted = 0
        self.show_detail()

    def show_detail(self) -> None:
        listing = self.query_one("#exercises", NavList)
        head = self.query_one("#head", Static)
        about = self.query_one("#about", Static)
        diagram = self.query_one("#diagram", Diagram)
        if listing.highlighted is None or not self.shown:
            diagram.show(None)
            head.update("No exercise matches. Esc clears the search.")
            about.update("")
            return
        exercise = self.shown[listing.highlighted]
        head.update(exercise_head(exercise))
        diagram.show(exercise.figure)
        about.update(exercise_body(exercise))
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    @on(NavList.OptionHighlighted, "#exercises")
    def _highlighted(self) -> None:
        self.show_detail()

    @on(NavList.OptionSelected, "#exercises")
    def _selected(self, event: NavList.OptionSelected) -> None:
        # The exercise in full, its picture big; Esc (or Enter) comes back to the list.
        from coach.ui.screens.exercise import ExerciseScreen  # loaded when first wanted

        self.app.push_screen(ExerciseScreen(self.shown[event.option_index], self.animate_every))

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#exercises").focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.value or search.has_focus:
            search.value = ""
            self.query_one("#exercises").focus()
        else:
            self.app.pop_screen()
