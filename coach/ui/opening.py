"""Opening the store: a job of the one StoreWriter after the first frame, with an answer for
each way it fails.

A damaged file is offered to be moved aside (then the store opens again); a held lock or a
read-only folder ends the app with one line; any other error leaves the app running with a
notice that nothing will be saved. On success StoreOpened goes up to the App, which runs what
waited for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.message import Message

from coach.core.session.records import SessionRecord
from coach.core.settings.model import Settings
from coach.core.storage.store import StoreError
from coach.ui.context import Lent
from coach.ui.screens.dialogs import BrokenStoreScreen
from coach.ui.storage import STORE_ERRORS

Offers = list[tuple[SessionRecord, SessionRecord | None]]


class StoreOpened(Message):
    """The store is open: its settings, and the sessions an earlier run kept aside."""

    def __init__(self, settings: Settings, offers: Offers) -> None:
        super().__init__()
        self.settings, self.offers = settings, offers


@dataclass
class Opened:
    settings: Settings
    offers: Offers
    skipped: list[str]  # records kept in their file, left out of every screen


class StoreOpening:
    def __init__(self, lent: Lent, offers: Callable[[], Offers]) -> None:
        self.lent = lent
        self.offers = offers  # SessionKeeper.offers: read in the writer's thread too

    def start(self) -> None:
        if self.lent.store is not None:
            self.lent.writer.write("open your data", self._open, self._answer, self._cannot_open)

    def _open(self) -> Opened | StoreError:
        """In the writer's thread: check every data file, read the settings and any unsaved
        sessions. A StoreError comes back as the answer: what to do depends on which file."""
        store = self.lent.store
        assert store is not None
        try:
            skipped = store.open()
            settings = store.settings()
        except StoreError as exc:
            return exc
        try:
            offers = self.offers()
        except STORE_ERRORS:  # cannot tell what is newer: not offered now, asked next start
            offers = []
        return Opened(settings, offers, skipped)

    def _answer(self, result: Opened | StoreError) -> None:
        lent = self.lent
        if isinstance(result, StoreError):
            if not result.movable:  # a held lock, a read-only folder: moving a file aside is no fix
                lent.exit(None, 2, Text(f"backcoach: {result}"))
            else:
                lent.push_screen(BrokenStoreScreen(str(result)), partial(self._broken_answer, result))
            return
        for line in result.skipped[:3]:
            lent.notify(line, severity="warning", timeout=15, markup=False)
        lent.post(StoreOpened(result.settings, result.offers))

    def _cannot_open(self, problem: str) -> None:
        self.lent.notify(problem, title="Your data can't be opened; nothing will be saved",
                         severity="error", timeout=15, markup=False)

    def _broken_answer(self, exc: StoreError, fresh: bool | None) -> None:
        lent, store, path = self.lent, self.lent.store, exc.path
        if not fresh or store is None or path is None:
            lent.exit(return_code=2, message=f"backcoach: {exc}")
            return

        def moved(path: object) -> None:
            lent.notify(f"Moved the unreadable file to {path}", timeout=8, markup=False)
            self.start()

        def failed(problem: str) -> None:
            lent.exit(return_code=2, message=f"backcoach: could not move {exc.path}: {problem}")

        lent.writer.write("move the file aside", lambda: store.set_aside(path), moved, failed)
