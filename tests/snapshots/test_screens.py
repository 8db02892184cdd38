"""What each screen looks like, at the smallest supported terminal and a roomy one."""

from __future__ import annotations

import pytest

from coach.core.session.clock import ManualClock
from coach.core.storage.store import Store
from coach.ui.app import CoachApp

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_picker(snap_compare, library, data_dir, size):
    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), animate=False)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library(snap_compare, library, data_dir, size):
    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), animate=False)
    assert snap_compare(app, terminal_size=size, press=["l", "j", "j"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("tab", ["m", "y"], ids=["month", "year"])
def test_progress(snap_compare, library, history_store, size, tab):
    app = CoachApp(library=library, store=history_store, clock=ManualClock(), zone="UTC",
                   animate=False)

    async def open_progress(pilot):
        await pilot.app.workers.wait_for_complete()  # the store opens in a thread
        await pilot.pause()
        await pilot.press("g")
        await pilot.app.screen.workers.wait_for_complete()
        await pilot.press(tab)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_progress)
