"""The full check of a library the first frame drew unvalidated from the sealed cache.

`backcoach` draws its first frame from the sealed content cache without validating it
(coach/core/content/sealed.py); this runs the full load (validation, or the TOML files if the
cache fails it) in a worker thread after that frame, and puts its library in the place of the
first one: the routine book's base, and the picker's list through LibraryChanged. A routine
started before the check ends waits for it (a gate, like the store's), then starts from the
checked library. Shipped content that fails the check ends the app as a broken install does
before it starts.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from rich.text import Text

from coach.core.content.errors import BROKEN_INSTALL
from coach.core.content.loading import ContentError, Library
from coach.ui.routines import LibraryChanged, RoutineBook
from coach.ui.store_gate import StoreGate


class LibraryCheck:
    def __init__(self, check: Callable[[], Library] | None, book: RoutineBook,
                 call_later: Callable[..., Any], call_from_thread: Callable[..., Any],
                 post: Callable[[LibraryChanged], Any], exit: Callable[..., Any]) -> None:
        self.check = check  # None: the library was checked before the app started
        self.book, self.post, self.exit = book, post, exit
        self.call_from_thread = call_from_thread
        self.gate = StoreGate(check is None, call_later)  # a gate: not only for the store

    @property
    def done(self) -> bool:
        return self.gate.is_open

    def start(self, run_worker: Callable[..., Any]) -> None:
        """Run the check in a worker thread (App.run_worker), if there is one to run."""
        if self.check is not None:
            run_worker(self._run, thread=True, name="check the library", exit_on_error=False)

    def _run(self) -> None:
        assert self.check is not None
        result: Library | ContentError
        try:
            result = self.check()
        except ContentError as exc:
            result = exc
        try:
            self.call_from_thread(self.finished, result)
        except RuntimeError:  # the app closed first: nothing waits for it
            pass

    def finished(self, result: Library | ContentError) -> None:
        """On the UI thread, with what the check gave."""
        if isinstance(result, ContentError):
            problems = "\n".join(result.problems)  # file names: shown, never markup
            self.exit(return_code=2, message=Text(f"backcoach: {BROKEN_INSTALL}{problems}"))
            return
        self.book.rebase(result)
        gc.freeze()  # for the app's life, as the App freezes the first library (see _store_opened)
        self.gate.open()
        self.post(LibraryChanged(self.book.library))

    def when_checked(self, action: Callable[..., None], *args: object) -> None:
        self.gate.when_open(action, *args)
