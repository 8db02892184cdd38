"""At 80 columns every footer shows whole keys: none cut, none pushed off the edge."""

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
