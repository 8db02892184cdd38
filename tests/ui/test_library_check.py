"""The library the first frame drew unvalidated is checked in a worker after it: the checked one
takes its place, and a routine started before the check ends waits for it."""

from __future__ import annotations

import threading

from coach.core.content.loading import ContentError, Library
from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.session import SessionScreen


def unchecked(library: Library) -> Library:
    """Equal to the library, but other objects: as sealed.py builds them from the cache."""
    return Library(dict(library.exercises), dict(library.routines), library.safety)


def make(first: Library, data_dir, check) -> CoachApp:
    return CoachApp(library=first, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                    animate=False, check=check)


async def test_a_routine_started_before_the_check_ends_waits_and_starts_checked(
        library, ready_store, data_dir):
    mine = next(info.routine for info in library.routines.values()).model_copy(
        update={"id": "mine", "name": "Mine"})
    ready_store.save_routine(mine)
    first = unchecked(library)
    release = threading.Event()

    def check() -> Library:
        assert release.wait(10)
        return library

    app = make(first, data_dir, check)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.store_ready:  # the store opens; the check is still running
            await pilot.pause(0.01)
        assert not app.checking.done
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert "mine" in app.library.routines  # the user's routine is there already
        routine_id = picker.shown[0].routine.id
        await pilot.press("enter")
        await pilot.pause(0.05)
        assert app.screen is picker and app.session is None  # waits for the check
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None
        assert app.session.info is library.routines[routine_id]  # the checked one
        assert app.library.routines[routine_id] is library.routines[routine_id]
        assert app.library.exercises is library.exercises
        assert "mine" in app.library.routines  # and the user's routine stays
        # The picker's list is the checked library's (equal: its reactive keeps what it had).
        assert picker.library == app.library


async def test_content_that_fails_the_check_ends_the_app_as_a_broken_install(
        library, ready_store, data_dir):
    def check() -> Library:
        raise ContentError(["exercises/cobra.toml: kind: 'dance' is not a kind"])

    app = make(unchecked(library), data_dir, check)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2


async def test_without_a_check_a_routine_starts_at_once(library, ready_store, data_dir):
    app = make(library, data_dir, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.checking.done
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_what_the_check_finds_is_what_the_picker_shows(library, ready_store, data_dir):
    gone = "office-break"
    checked = Library(library.exercises,
                      {key: info for key, info in library.routines.items() if key != gone},
                      library.safety)
    app = make(unchecked(library), data_dir, lambda: checked)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert gone not in [info.routine.id for info in picker.shown]
        assert gone not in app.library.routines
