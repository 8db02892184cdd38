"""Where a session's record goes: the store through the writer, or a recovery file if refused.

A session the store would not take (full disk, read-only folder, a lock held too long) is
kept in memory and in a recovery file, retried every so often and offered again at the next
start; it is never reported as saved until a save succeeded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from coach.core.session.recorder import SessionRun
from coach.core.session.records import SessionRecord, SessionStatus
from coach.core.storage.recovery import Recovery
from coach.core.storage.store import Store
from coach.ui.storage import STORE_ERRORS, StoreWriter

Days = dict[dt.date, tuple[int, int]]


class SessionKeeper:
    def __init__(self, writer: StoreWriter, store: Store | None,
                 recovery: Recovery | None) -> None:
        self.writer, self.store, self.recovery = writer, store, recovery
        self.running: SessionRun | None = None  # the session under way, if any
        self.unsaved: dict[str, SessionRecord] = {}  # uuid -> newest record the store refused

    def _store_it(self, record: SessionRecord) -> Days:
        """In the writer's thread: save, or keep a copy aside and let the error through."""
        assert self.store is not None
        try:
            self.store.save_session(record)
            days = self.store.session_days()
        except STORE_ERRORS:
            if self.recovery is not None:
                self.recovery.keep(record)
            raise
        if self.recovery is not None:
            self.recovery.forget(record.uuid)
        return days

    def save(self, record: SessionRecord, then: Callable[[Days], None] | None = None,
             failed: Callable[[str], None] | None = None, quiet: bool = False) -> None:
        """Queue a save; `quiet` retries do not repeat the error notice every time."""
        if self.store is None:
            return

        def done(days: Days) -> None:
            newest = self.unsaved.get(record.uuid)
            if newest is None or newest == record:
                self.unsaved.pop(record.uuid, None)
            if then is not None:
                then(days)

        def refused(problem: str) -> None:
            self.unsaved[record.uuid] = record
            if quiet:
                return
            self.writer.app.notify(
                f"{problem}. It is kept and will be tried again.",
                title="Could not save the session", severity="error", timeout=10, markup=False)
            if failed is not None:
                failed(problem)

        self.writer.write("save the session", lambda: self._store_it(record), done, refused)

    def retry(self) -> None:
        for record in list(self.unsaved.values()):
            self.save(record, partial(self._saved_late, record), quiet=True)

    def _saved_late(self, record: SessionRecord, _days: object) -> None:
        self.writer.app.notify(
            f"Saved now: the session of {record.day} that could not be saved before.",
            timeout=6, markup=False)

    def save_kept(self, records: list[SessionRecord]) -> None:
        for record in records:
            self.save(record)

    def pending(self) -> list[SessionRecord]:
        """Sessions kept aside by an earlier run; call it off the UI thread."""
        return self.recovery.pending() if self.recovery is not None else []

    def discard(self, run: SessionRun) -> None:
        self.running = None
        self.unsaved.pop(run.uuid, None)
        if self.store is not None:
            store = self.store
            self.writer.write("discard the session", lambda: store.delete_session(run.uuid))

    def save_now(self, status: SessionStatus) -> None:
        """At exit or on a signal: the session under way, here and now, or into recovery."""
        records = list(self.unsaved.values())
        if self.running is not None:
            records.append(self.running.record(status))
            self.running = None
        for record in records:
            try:
                if self.store is None:
                    return
                self._store_it(record)
            except STORE_ERRORS:
                continue  # _store_it kept it aside; the next start offers it
