"""Every footer shows whole keys: none cut, none pushed off the edge, at 80 columns and less."""

from __future__ import annotations

import pytest

from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.widgets.key_footer import KeyFooter, fitting

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
        footer = app.screen.query_one(KeyFooter)
        assert footer.entries, "a footer with the keys of what has focus"
        assert footer.shown == footer.entries, "every key fits in 80 columns"
        assert_drawn_whole(footer, 80)


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
        footer = app.screen.query_one(KeyFooter)
        assert any(entry.key == "question_mark" for entry in footer.shown)
        assert_drawn_whole(footer, 60)


def assert_drawn_whole(footer: KeyFooter, columns: int) -> None:
    """The line on screen is the shown keys, each whole, within the window."""
    line = footer.line().plain
    assert footer.region.right <= columns and len(line.rstrip()) <= columns
    assert line.split() == [w for e in footer.shown for w in f"{e.display} {e.description}".split()]


def test_help_is_given_up_last_and_keys_drop_from_the_right():
    from coach.ui.widgets.key_footer import FooterEntry

    keys = [FooterEntry(k, "?" if k == "question_mark" else k, "word", True) for k in ("a", "b", "question_mark", "c")]
    assert [e.key for e in fitting(keys, 80)] == ["a", "b", "question_mark", "c"]
    # each key takes 1 + 1 + 4 + 1 = 7 cells (the last one's gap may run off)
    assert [e.key for e in fitting(keys, 20)] == ["a", "b", "question_mark"]
    assert [e.key for e in fitting(keys, 13)] == ["a", "question_mark"]
    assert [e.key for e in fitting(keys, 6)] == ["question_mark"]
    assert fitting(keys, 3) == []


async def test_a_click_on_a_key_presses_it(library, data_dir, ready_store, settle):
    from coach.ui.widgets.key_footer import KeyLine

    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                   animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        x = sum(e.width for e in footer.shown[:[e.key for e in footer.shown].index("question_mark")])
        await pilot.click(KeyLine, offset=(x, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_at_60_columns_the_picker_keeps_settings_and_quit(ready_store, open_app):
    async with open_app((60, 20), compact=False) as (app, pilot):
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        shown = {entry.description for entry in footer.shown}
        assert {"Settings", "Quit", "Help", "Start"} <= shown  # Progress or Edit went first
        assert len(shown) < len(footer.entries)
