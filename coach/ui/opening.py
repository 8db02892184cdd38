"""Opening the store: in a thread after the first frame, with an answer for each way it fails.

A damaged file is offered to be moved aside (then the store opens again); a held lock or a
read-only folder ends the app with one line; any other error leaves the app running with a
notice that nothing will be saved. On success the App's store_opened runs what waited.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text

from coach.core.storage.store import StoreError
from coach.ui.screens.dialogs import BrokenStoreScreen
from coach.ui.storage import STORE_ERRORS, problem_text

if TYPE_CHECKING:
    from coach.ui.app import CoachApp


class StoreOpening:
    def __init__(self, app: CoachApp) -> None:
        self.app = app

    def start(self) -> None:
        if self.app.store is not None:
            self.app.run_worker(self._open, thread=True, exclusive=True, group="store")

    def _open(self) -> None:
        """In a thread: check every data file, read the settings and any unsaved sessions."""
        app, store = self.app, self.app.store
        assert store is not None
        try:
            skipped = store.open()
            settings = store.settings()
        except StoreError as exc:
            if not exc.movable:  # a held lock, a read-only folder: moving a file aside is no fix
                app.call_from_thread(app.exit, None, 2, Text(f"backcoach: {exc}"))
                return
            app.call_from_thread(app.push_screen, BrokenStoreScreen(str(exc)),
                                 partial(self._broken_answer, exc))
            return
        except STORE_ERRORS as exc:
            app.call_from_thread(self._cannot_open, problem_text(exc))
            return
        for line in skipped[:3]:  # records kept in their file, left out of every screen
            app.call_from_thread(
                partial(app.notify, line, severity="warning", timeout=15, markup=False)
            )
        try:
            offers = app.sessions.offers()
        except STORE_ERRORS:  # cannot tell what is newer: not offered now, asked next start
            offers = []
        app.call_from_thread(app.store_opened, settings, offers)

    def _cannot_open(self, problem: str) -> None:
        self.app.notify(problem, title="Your data can't be opened; nothing will be saved",
                        severity="error", timeout=15, markup=False)

    def _broken_answer(self, exc: StoreError, fresh: bool | None) -> None:
        app, store, path = self.app, self.app.store, exc.path
        if not fresh or store is None or path is None:
            app.exit(return_code=2, message=f"backcoach: {exc}")
            return

        def moved(path: object) -> None:
            app.notify(f"Moved the unreadable file to {path}", timeout=8, markup=False)
            self.start()

        def failed(problem: str) -> None:
            app.exit(return_code=2, message=f"backcoach: could not move {exc.path}: {problem}")

        app.writer.write("move the file aside", lambda: store.set_aside(path), moved, failed)
