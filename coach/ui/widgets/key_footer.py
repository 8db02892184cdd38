"""The footer every screen uses: compact, and without the palette key (? help lists ctrl+p),
so the keys a screen needs most fit in 80 columns without a word cut."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
