"""On the Linux console (TERM=linux) the app writes only what the console's font has; the
header's icon is one that browsers' fonts have too."""

from __future__ import annotations

import pytest
from textual.widgets import Header, Static
from textual.widgets._footer import FooterKey

from coach.core.session.clock import ManualClock
from coach.core.storage.store import Store
from coach.ui.app import CoachApp

MISSING_FROM_CONSOLE_FONT = "⭘⏎▕≤"


def make(library, data_dir) -> CoachApp:
    return CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                    animate=False)


@pytest.mark.parametrize("term", ["linux", "xterm-256color"])
async def test_symbols_the_console_lacks_give_way(library, data_dir, ready_store, settle,
                                                  monkeypatch, term):
    monkeypatch.setenv("TERM", term)
    app = make(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
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
