"""The command palette (ctrl+p): this app's commands, ours first, user text never markup.

The App lists its commands through Textual's public hook, App.get_system_commands (built by
app_commands here, from the App's actions by name, as its bindings name them); the provider
reads them from there, so neither needs anything of CoachApp.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import cast

from textual.app import App, SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from coach.core.content.loading import Library, RoutineInfo

Command = tuple[str, str, Callable[[], object]]  # (name, help, what it does)


def app_commands(app: App, library: Library, start: Callable[[RoutineInfo], object],
                 nudges: Iterable[Command]) -> Iterable[SystemCommand]:
    """What a user of this app may want from the palette, in the order it is offered: the
    App's actions (run as its bindings run them), a start for every routine, the nudges'."""
    def action(name: str) -> Callable[[], object]:
        return partial(app.run_action, name)

    yield SystemCommand("Progress", "Calendar, year, history, totals", action("progress"))
    yield SystemCommand("Exercise library", "Browse every exercise", action("library"))
    yield SystemCommand("Settings", "Bell, motion, pain check-ins, goals, theme", action("settings"))
    yield SystemCommand("Help", "Keys of this screen", action("help"))
    yield SystemCommand("When not to exercise", "Safety first", action("safety"))
    for info in library.routines.values():
        yield SystemCommand(f"Start: {info.routine.name}", info.routine.description,
                            partial(start, info))
    for name, about, run in nudges:
        yield SystemCommand(name, about, run)
    yield SystemCommand("Theme", "Colours; also in Settings", action("change_theme"))
    yield SystemCommand("Quit", "Leave backcoach", action("quit"))


def plain(text: str) -> Content:
    """Names and descriptions are the user's: shown as they are, never parsed as markup."""
    return Content(text)


def plain_help(text: str) -> str:
    """A description as a hit's help, never parsed as markup.

    The palette passes help through Content.from_markup, which returns a Content unchanged;
    escaping instead is not enough: textual's escape() leaves "[b[link=...]" a tag, and no
    escape keeps a backslash before "[" as typed.
    """
    return cast(str, plain(text))


class CoachCommands(Provider):
    def _commands(self) -> list[SystemCommand]:
        return list(self.app.get_system_commands(self.screen))

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(plain(command.title), command.callback, text=command.title,
                               help=plain_help(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score, offsets = matcher.fuzzy_search.match(query, command.title)
            if score > 0:
                prompt = plain(command.title)
                for offset in offsets:
                    prompt = prompt.stylize("reverse", offset, offset + 1)
                yield Hit(score, prompt, command.callback, text=command.title,
                          help=plain_help(command.help))
