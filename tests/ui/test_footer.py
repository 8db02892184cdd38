"""Every footer shows whole keys: none cut, none pushed off the edge, at 80 columns and less."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from coach.core.session.clock import ManualClock
from coach.core.storage.store import Store
from coach.ui.app import CoachApp

# keys from the picker to the screen or dialog under test
PLACES = {
    "picker": [],
    "library": ["l"],
    "progress": ["g"],
    "settings": ["s"],
    "preview": ["p"],
    "session": ["enter"],
    "stop": ["enter", "q"],
    "help": ["question_mark"],
    "editor": ["e", "y"],
    "chooser": ["e", "y", "a"],
}


@pytest.mark.parametrize("place", PLACES)
async def test_footer_fits_80_columns(library, data_dir, ready_store, settle, place):
    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                   animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*PLACES[place])
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert keys, "a footer with the keys of what has focus"
        for key in keys:
            assert key.region.right <= 80 and key.region.width >= len(key.description)


@pytest.mark.parametrize("place", ["picker", "session", "settings"])
async def test_a_narrow_footer_drops_whole_keys_and_keeps_help(library, data_dir, ready_store,
                                                                settle, place):
    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                   animate=False, compact=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press(*PLACES[place])
        await pilot.pause()
        await pilot.pause()
        shown = [key for key in app.screen.query(FooterKey) if key.display]
        assert any(key.key == "question_mark" for key in shown)
        for key in shown:
            assert key.region.right <= 60 and key.region.width >= len(key.description)


async def test_at_60_columns_the_picker_keeps_settings_and_quit(ready_store, open_app):
    async with open_app((60, 20), compact=False) as (app, pilot):
        await pilot.pause()
        shown = {key.description for key in app.screen.query(FooterKey) if key.display}
        assert {"Settings", "Quit", "Help", "Start"} <= shown  # Progress or Edit went first
        assert len(shown) < len(list(app.screen.query(FooterKey)))
