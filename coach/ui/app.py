"""The backcoach app, built from its parts so tests can hand it a temporary world."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from coach.core.content import Library
from coach.ui.screens.help import HelpScreen
from coach.ui.screens.library import LibraryScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.preview import RoutineScreen


class CoachApp(App):
    TITLE = "backcoach"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, library: Library, data_dir: Path | None = None, animate: bool = True):
        super().__init__()
        self.library = library
        self.data_dir = data_dir
        self.animate_every = 1.0 if animate else 0.0

    def on_mount(self) -> None:
        self.push_screen(PickerScreen(self.library))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_library(self) -> None:
        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self.library, self.animate_every))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Exercise library", "Browse every exercise", self.action_library)
        yield SystemCommand("Help", "Keys, and when not to exercise", self.action_help)
        for info in self.library.routines.values():
            yield SystemCommand(
                f"Routine: {info.routine.name}",
                info.routine.description,
                partial(self.push_screen, RoutineScreen(info)),
            )
