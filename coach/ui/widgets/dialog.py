"""The frame every dialog shares: a body that scrolls, and the keys that answer it always shown.

The keys line is docked at the bottom of the box, so however long the body (the safety text
at 60x20) the way out is on screen; the modal's own Footer replaces the one underneath.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.ui.widgets.key_footer import KeyFooter

R = TypeVar("R")


def keys_line(keys: Iterable[tuple[str, str]], sep: str = "   ") -> Text:
    """' y  yes   n  no': each key boxed (reverse, and spaced so it reads without colour)."""
    text = Text()
    for n, (key, label) in enumerate(keys):
        if n:
            text.append(sep)
        text.append(f" {key} ", "bold reverse")
        text.append(f" {label}")
    return text


class Dialog(ModalScreen[R]):
    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog > .dialog {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        padding: 0 1;
        background: $surface;
    }
    Dialog .dialog-keys {
        dock: bottom;
        height: auto;
        margin-top: 1;
    }
    """

    def body(self) -> Text:
        raise NotImplementedError

    def keys(self) -> Text:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.body(), classes="dialog-body")
            yield Static(self.keys(), classes="dialog-keys")
        yield KeyFooter()
