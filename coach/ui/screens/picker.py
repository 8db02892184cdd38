"""The home screen: choose a routine by where you are and how much time you have."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from coach.core.content.catalog import RoutineFilter, filter_routines
from coach.core.content.loading import Library, RoutineInfo
from coach.core.content.phrases import dosing_text, glance
from coach.core.text import duration_text
from coach.ui.messages import Sent
from coach.ui.screens.preview import RoutineScreen
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.filter_bar import FilterBar
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.navlist import NavList, RoutineList, row
from coach.ui.widgets.size_guard import SizeGuard


def nothing_fits(typing: bool) -> str:
    """What widens an empty list, from where the keys go now: in the search box w and t
    are letters of the search."""
    if typing:
        return ("No routine fits this search.\n\nDelete some of it, or press Esc to clear it. "
                "Enter goes back to the list, where w and t widen the filters.")
    return "No routine fits these filters.\n\nPress w or t to widen them, or Esc to clear " \
        "the search."


def routine_preview(info: RoutineInfo) -> Text:
    text = Text()
    text.append(info.routine.name + "\n", "bold")
    text.append(glance(info) + "\n\n", "dim")
    text.append(info.routine.description + "\n\n")
    for n, step in enumerate(info.steps, 1):
        text.append(f"{n:>2}. ", "bold")
        text.append(step.exercise.name)
        text.append(f"  {dosing_text(step.dosing)}\n", "dim")
    needs = ", ".join(info.equipment) if info.equipment else "nothing but you"
    text.append("\nYou need: ", "bold")
    text.append(needs + "\n")
    text.append("\nEnter", "bold reverse")
    text.append(" start   ")
    text.append("p", "bold reverse")
    text.append(" see every step   ")
    text.append("?", "bold reverse")
    text.append(" all keys")
    return text


class PickerScreen(Screen):
    """Routines on the left, the highlighted one's preview on the right."""

    DEFAULT_CSS = """
    PickerScreen #search { height: 1; border: none; padding: 0 1; margin: 0; }
    PickerScreen #body { height: 1fr; }
    PickerScreen #routines {
        width: 1fr; min-width: 34; max-width: 64;
        height: 1fr;
        border: none;
        border-right: vkey $primary;
        scrollbar-size-vertical: 1;
    }
    PickerScreen #preview-pane { width: 2fr; padding: 0 1; }
    /* A tall window (160x48) has room under the preview: the first step's picture fills it. */
    PickerScreen #preview-figure { display: none; height: 1fr; min-height: 11; margin-top: 1; }
    PickerScreen.-tall #preview-figure { display: block; }
    """
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]

    # The footer shows what a first visit needs; the rest is in ? help and the preview text.
    BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        Binding("w", "cycle_place", "Where", id="where", show=False),
        Binding("t", "cycle_time", "Time", id="time", show=False),
        Binding("p", "preview", "Preview", id="preview", show=False),
        Binding("l", "app.library", "Library", id="library"),
        Binding("n", "routine('new')", "New routine", id="new_routine", show=False),
        Binding("e", "routine('edit')", "Edit", id="edit_routine"),
        Binding("d", "routine('copy')", "Copy routine", id="copy_routine", show=False),
        Binding("delete", "routine('delete')", "Delete routine", id="delete_routine",
                show=False),
        Binding("g", "app.progress", "Progress", id="progress"),
        Binding("s", "app.settings", "Settings", id="settings"),
        Binding("escape", "clear_search", "Clear search", id="clear_search", show=False),
    ]

    class StartAsked(Sent):
        def __init__(self, screen: PickerScreen, info: RoutineInfo) -> None:
            super().__init__(screen)
            self.info = info

    class RoutineAsked(Sent):
        """new, edit, copy or delete (info is the highlighted routine, if any)."""

        def __init__(self, screen: PickerScreen, verb: str, info: RoutineInfo | None) -> None:
            super().__init__(screen)
            self.verb, self.info = verb, info

    library: var[Library] = var(Library, init=False)
    filter: var[RoutineFilter] = var(RoutineFilter, init=False)

    def __init__(self, library: Library, console: bool = False) -> None:
        super().__init__()
        self.set_reactive(PickerScreen.library, library)
        self.console = console  # the Linux console: symbols its font has (coach/ui/glyphs.py)
        self.shown: list[RoutineInfo] = []

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield FilterBar(id="filters", console=self.console)
        yield Input(placeholder="search routines: name, exercise, body area…", id="search")
        with Horizontal(id="body"):
            yield RoutineList(id="routines")
            with VerticalScroll(id="preview-pane"):
                yield Static(id="preview")
                yield Diagram(id="preview-figure")
        yield KeyFooter()
        yield SizeGuard(50, 12)

    def on_mount(self) -> None:
        self.sub_title = "Routines"
        self.refresh_list()
        self.query_one("#routines").focus()

    def watch_library(self) -> None:
        self.refresh_list()

    def watch_filter(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        self.query_one("#filters", FilterBar).show(self.filter)
        before = self.selected()
        self.shown = filter_routines(self.library.routines.values(), self.filter)
        options = []
        for info in self.shown:
            gear = ", ".join(info.equipment) or "no equipment"
            mine = "" if info.builtin else "mine · "
            prompt = row(info.routine.name, f"{mine}{'/'.join(info.positions)} · {gear}",
                         duration_text(info.seconds))
            options.append(Option(prompt, id=info.routine.id))
        routines = self.query_one("#routines", NavList)
        routines.set_options(options)
        if options:
            # A refresh (a new routine saved, the store opened) keeps the cursor where it was.
            ids = [info.routine.id for info in self.shown]
            keep = before.routine.id if before is not None else None
            routines.highlighted = ids.index(keep) if keep in ids else 0
        self.show_preview()

    def select(self, routine_id: str) -> None:
        """Put the cursor on this routine, if the filters show it."""
        ids = [info.routine.id for info in self.shown]
        if routine_id in ids:
            self.query_one("#routines", NavList).highlighted = ids.index(routine_id)

    def selected(self) -> RoutineInfo | None:
        routines = self.query_one("#routines", NavList)
        if routines.highlighted is None or not self.shown:
            return None
        return self.shown[min(routines.highlighted, len(self.shown) - 1)]

    def show_preview(self) -> None:
        info = self.selected()
        preview = self.query_one("#preview", Static)
        self.query_one("#preview-figure", Diagram).show(info.steps[0].exercise.figure
                                                         if info and info.steps else None)
        if info is None:
            preview.update(Text(nothing_fits(self.query_one("#search", Input).has_focus)))
        else:
            preview.update(routine_preview(info))

    @on(NavList.OptionHighlighted, "#routines")
    @on(events.DescendantFocus)  # the hint for an empty list depends on where the keys go
    def _highlighted(self) -> None:
        self.show_preview()

    @on(NavList.OptionSelected, "#routines")
    def _selected(self, event: NavList.OptionSelected) -> None:
        # A click selects before the highlight catches up, so trust the event's index.
        self.post_message(self.StartAsked(self, self.shown[event.option_index]))

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filter = self.filter.searching(event.value)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#routines").focus()

    def action_routine(self, verb: str) -> None:
        self.post_message(self.RoutineAsked(self, verb, self.selected()))

    def action_preview(self) -> None:
        info = self.selected()
        if info is not None:
            self.app.push_screen(RoutineScreen(info), partial(self._previewed, info))

    def _previewed(self, info: RoutineInfo, start: bool | None) -> None:
        if start:
            self.post_message(self.StartAsked(self, info))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        self.query_one("#search", Input).value = ""
        self.query_one("#routines").focus()

    def action_cycle_place(self) -> None:
        self.filter = self.filter.next_place()

    def action_cycle_time(self) -> None:
        self.filter = self.filter.next_time()
