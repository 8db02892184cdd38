"""The header every screen uses: Textual's, with an icon every font has (see coach/ui/glyphs)."""

from __future__ import annotations

from textual.widgets import Header

from coach.ui.glyphs import HEADER_ICON


class AppHeader(Header):
    def __init__(self) -> None:
        super().__init__(icon=HEADER_ICON)
