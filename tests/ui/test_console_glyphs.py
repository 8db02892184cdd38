"""On the Linux console (TERM=linux) the app writes only what the console's font has; the
header's icon is one that browsers' fonts have too."""

from __future__ import annotations

import pytest
from textual.widgets import Header, Static
from textual.widgets._footer import FooterKey

MISSING_FROM_CONSOLE_FONT = "⭘⏎▕≤"


@pytest.mark.parametrize("term", ["linux", "xterm-256color"])
async def test_symbols_the_console_lacks_give_way(library, data_dir, ready_store, open_app,
                                                  monkeypatch, term):
    monkeypatch.setenv("TERM", term)
    async with open_app((80, 24)) as (app, pilot):
        screen = app.screen
        assert screen.query_one(Header).icon == "≡"  # ⭘ is an empty box in Chromium
        keys = [key.key_display for key in screen.query(FooterKey)]
        filters = str(screen.query_one("#filters", Static).render())
        border = screen.query_one("#routines").styles.border_right[0]
        if term == "linux":
            assert "Enter" in keys and "<=5m" in filters and border == "solid"
            shown = "".join(keys) + filters
            assert not set(shown) & set(MISSING_FROM_CONSOLE_FONT)
        else:
            assert "⏎" in keys and "≤5m" in filters and border == "vkey"
