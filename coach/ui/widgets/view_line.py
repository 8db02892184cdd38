"""A line of text drawn from a reactive `view` (the session player's View): bind it to the
screen's view with data_bind and give it the function that says the line; it redraws only
when its text changes, not on every tick of the clock."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from coach.core.session.view import View


class ViewLine(Static):
    view: var[View | None] = var(None, init=False)

    def __init__(self, text_of: Callable[[View], Text], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text_of = text_of
        self.shown: Text | None = None

    def watch_view(self, view: View | None) -> None:
        if view is None:
            return
        text = self.text_of(view)
        if text != self.shown:
            self.shown = text
            self.update(text)
