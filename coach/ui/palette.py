"""The command palette (ctrl+p): this app's commands, ours first, user text never markup.

The App lists its commands through Textual's public hook, App.get_system_commands (built by
app_commands here); the provider reads them from there, so it needs nothing of CoachApp.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from coach.core.content.loading import Library

if TYPE_CHECKING:
    from coach.ui.app import CoachApp


def app_commands(app: CoachApp, library: Library) -> Iterable[SystemCommand]:
    """What a user of this app may want from the palette, in the order it is offered."""
    yield SystemCommand("Progress", "Calendar, year, history, totals", app.action_progress)
    yield SystemCommand("Exercise library", "Browse every exercise", app.action_library)
    yield SystemCommand("Settings", "Bell, motion, pain check-ins, goals, theme", app.action_settings)
    yield SystemCommand("Help", "Keys of this screen", app.action_help)
    yield SystemCommand("When not to exercise", "Safety first", app.action_safety)
    for info in library.routines.values():
        yield SystemCommand(f"Start: {info.routine.name}", info.routine.description,
                            partial(app.start_routine, info))
    for name, about, run in app.nudges.commands():
        yield SystemCommand(name, about, run)
    yield SystemCommand("Theme", "Colours; also in Settings", app.action_change_theme)
    yield SystemCommand("Quit", "Leave backcoach", app.action_quit)


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
