"""The stored sessions behind Progress's History lines: a line keeps only what the list shows,
so its record is found again in the store to open or delete it, and the sessions deleted while
the screen is open come back with u. Every store call goes through the one writer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coach.core.session.records import SessionRecord
from coach.core.storage.store import Store
from coach.ui.storage import StoreWriter
from coach.ui.widgets.progress_text import SessionLine


class StoredSessions:
    def __init__(self, writer: StoreWriter, store: Store | None,
                 changed: Callable[..., Any]) -> None:
        self.writer, self.store = writer, store
        self.changed = changed  # changed(notice, **notify's options): History is read again
        self.deleted: list[SessionRecord] = []  # newest last: what `u` brings back

    def find(self, line: SessionLine) -> SessionRecord | None:
        """The record of a line; None, said, when another open copy deleted it meanwhile."""
        store = self.store
        stored = [] if store is None else self.writer.read(
            lambda: store.sessions_between(line.day, line.day), list[SessionRecord]())
        found = [r for r in stored if r.uuid == line.uuid]
        if not found:
            self.changed("That session is no longer stored.", severity="warning", timeout=5)
            return None
        return found[0]

    def delete(self, line: SessionLine) -> None:
        record = self.find(line)
        if record is None or self.store is None:
            return
        store = self.store

        def deleted(_: object) -> None:
            self.deleted.append(record)
            self.changed(f"Deleted {record.routine_name} of {record.day}. u brings it back.")

        self.writer.write("delete the session", lambda: store.delete_session(record.uuid), deleted)

    def undo(self) -> None:
        if not self.deleted or self.store is None:
            return
        record, store = self.deleted[-1], self.store

        def restored(_: object) -> None:
            if self.deleted and self.deleted[-1] is record:
                self.deleted.pop()  # only once it is stored again: a failed undo keeps it
            self.changed(f"Restored {record.routine_name} of {record.day}.")

        self.writer.write("bring the session back", lambda: store.save_session(record), restored)
