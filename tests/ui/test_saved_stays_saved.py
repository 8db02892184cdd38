"""What the app said was saved stays saved: no kept copy, retry, exit or recovery offer takes a
session back to an older revision (issue 19, "data that goes backwards")."""

from __future__ import annotations

import shutil

from textual.widgets import Static

from coach.core.storage.store import Store
from coach.ui.screens.dialogs import Confirm
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.session import SessionScreen
from coach.ui.screens.summary import SummaryScreen
from tests.ui.test_faults import make, start, written


async def test_a_kept_copy_never_overwrites_a_later_save(library, data_dir, ready_store, settle,
                                                         tmp_path):
    # The lock is held by another copy for a moment: the first step's save is refused and kept.
    app, store, recovery = make(library, data_dir, {"save_session"}, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await start(pilot)
        await pilot.press("s")  # skip the first step: an "in progress" save, refused
        await written(pilot)
        assert [r.status for r in app.sessions.unsaved.values()] == ["in progress"]
        store.refuse = set()  # the lock is free again
        while isinstance(app.screen, SessionScreen):
            await pilot.press("s")
        await written(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert "saved" in str(app.screen.query_one("#summary Static", Static).render())
        [done] = Store(data_dir).sessions()
        assert done.status == "completed"
        app.sessions.retry()  # what the 30 s timer does
        await written(pilot)
        assert app.sessions.unsaved == {} and recovery.pending() == []
        await pilot.press("q")  # quit: the exit saves what is left
    assert Store(data_dir).sessions() == [done]


async def test_an_older_kept_copy_is_not_offered_and_a_newer_one_says_what_differs(
        library, data_dir, ready_store, settle, tmp_path):
    app, store, recovery = make(library, data_dir, (), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await start(pilot)
        await pilot.press("s")
        await written(pilot)
        [first] = Store(data_dir).sessions()  # in progress, one step
        shutil.copytree(data_dir, tmp_path / "backup")
        while isinstance(app.screen, SessionScreen):
            await pilot.press("s")
        await written(pilot)
    [done] = Store(data_dir).sessions()
    assert done.status == "completed"
    recovery.keep(first)  # an older copy left in recovery (a crash between two writes)
    app, store, recovery = make(library, data_dir, (), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)  # nothing offered: the store has newer
        assert recovery.pending() == []  # and the stale copy is gone
    assert Store(data_dir).sessions() == [done]
    # A kept copy newer than the store's: offered, saying what differs, and saved on "y".
    shutil.rmtree(data_dir)
    shutil.copytree(tmp_path / "backup", data_dir)  # the folder restored from a backup
    recovery.keep(done)
    app, store, recovery = make(library, data_dir, (), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        question = str(app.screen.query_one(Static).render())
        steps = len(done.steps)
        assert f"completed, {steps} steps (your history has: in progress, 1 step)" in question
        await pilot.press("y")
        await written(pilot)
    assert Store(data_dir).sessions() == [done]


async def test_a_discarded_session_is_not_offered_again(library, data_dir, ready_store, settle,
                                                        tmp_path):
    app, store, recovery = make(library, data_dir, {"save_session"}, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await start(pilot)
        await pilot.press("s")  # its save is refused: a copy is kept aside
        await written(pilot)
        assert len(recovery.pending()) == 1
        store.refuse = set()
        await pilot.press("q", "d")  # stop, discard
        await written(pilot)
        assert isinstance(app.screen, PickerScreen)
    assert recovery.pending() == [] and Store(data_dir).sessions() == []
