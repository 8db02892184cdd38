"""Where a session's record goes: the store through the writer, or a recovery file if refused.

A session the store would not take (full disk, read-only folder, a lock held too long) is
kept in memory and in a recovery file, retried every so often and offered again at the next
start; it is never reported as saved until a save succeeded. Each record of a session has a
later revision than the one before, and any save of a later revision supersedes a kept copy:
a retry, the exit or the next start never writes an older one over it (the store refuses too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from coach.core.session.recorder import SessionRun
from coach.core.session.records import SessionRecord, SessionStatus
from coach.core.storage.recovery import Recovery, newer
from coach.core.storage.store import Store
from coach.ui.storage import STORE_ERRORS, StoreWriter

Days = dict[dt.date, tuple[int, int]]


class SessionKeeper:
    def __init__(self, writer: StoreWriter, store: Store | None, recovery: Recovery | None,
                 notify: Callable[..., Any]) -> None:
        self.writer, self.store, self.recovery = writer, store, recovery
        self.notify = notify  # App.notify: a refused save is said, not silent
        self.running: SessionRun | None = None  # the session under way, if any
        self.unsaved: dict[str, SessionRecord] = {}  # uuid -> newest record the store refused
        self.saved: dict[str, int] = {}  # uuid -> the latest revision the store took

    def _store_it(self, record: SessionRecord) -> tuple[bool, Days]:
        """In the writer's thread: save (False: the store holds a later revision, nothing was
        written), or keep a copy aside and let the error through."""
        assert self.store is not None
        try:
            written = self.store.save_session(record)
            days = self.store.session_days()
        except STORE_ERRORS:
            if self.recovery is not None:
                self.recovery.keep(record)
            raise
        if self.recovery is not None:
            self.recovery.forget(record.uuid, record.revision)
        return written, days

    def _superseded(self, record: SessionRecord) -> bool:
        """Whether a later revision of the session is saved or waiting: this one is no use."""
        waiting = self.unsaved.get(record.uuid)
        return (record.revision <= self.saved.get(record.uuid, -1)
                or (waiting is not None and waiting.revision > record.revision))

    def save(self, record: SessionRecord, then: Callable[[Days], None] | None = None,
             failed: Callable[[str], None] | None = None, quiet: bool = False) -> None:
        """Queue a save; `quiet` retries do not repeat the error notice every time."""
        if self.store is None:
            return

        def done(result: tuple[bool, Days]) -> None:
            written, days = result
            self.saved[record.uuid] = max(self.saved.get(record.uuid, -1), record.revision)
            waiting = self.unsaved.get(record.uuid)
            if waiting is not None and waiting.revision <= record.revision:
                self.unsaved.pop(record.uuid)  # any later save supersedes a kept copy
            if then is not None and (written or not quiet):
                then(days)

        def refused(problem: str) -> None:
            if not self._superseded(record):
                self.unsaved[record.uuid] = record
            if quiet:
                return
            self.notify(
                f"{problem}. It is kept and will be tried again.",
                title="Could not save the session", severity="error", timeout=10, markup=False)
            if failed is not None:
                failed(problem)

        self.writer.write("save the session", lambda: self._store_it(record), done, refused)

    def retry(self) -> None:
        for record in list(self.unsaved.values()):
            self.save(record, partial(self._saved_late, record), quiet=True)

    def _saved_late(self, record: SessionRecord, _days: object) -> None:
        self.notify(
            f"Saved now: the session of {record.day} that could not be saved before.",
            timeout=6, markup=False)

    def save_kept(self, records: list[SessionRecord]) -> None:
        for record in records:
            self.save(record)

    def offers(self) -> list[tuple[SessionRecord, SessionRecord | None]]:
        """Sessions kept aside by an earlier run that are newer than what the store holds of
        them, each with the store's copy (None: not stored). A kept copy the store has caught
        up with is removed: offering it could only take the history backwards. Call it off the
        UI thread."""
        if self.recovery is None or self.store is None:
            return []
        out = []
        for kept in self.recovery.pending():
            stored = next((r for r in self.store.sessions_between(kept.day, kept.day)
                           if r.uuid == kept.uuid), None)
            if newer(kept, stored):
                out.append((kept, stored))
            else:
                self.recovery.forget(kept.uuid, kept.revision)
        return out

    def discard(self, run: SessionRun) -> None:
        self.running = None
        self.unsaved.pop(run.uuid, None)
        store, recovery = self.store, self.recovery
        if store is not None:
            def drop() -> None:
                store.delete_session(run.uuid)
                if recovery is not None:  # a copy kept earlier must not bring it back
                    recovery.forget(run.uuid)

            self.writer.write("discard the session", drop)

    def save_now(self, status: SessionStatus) -> None:
        """At exit or on a signal: the session under way, here and now, or into recovery."""
        records = [r for r in self.unsaved.values() if not self._superseded(r)]
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
