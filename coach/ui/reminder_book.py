"""This machine's reminders as the settings screen changes them.

The same core as `backcoach remind` (coach/core/nudge/reminders.py: put, without, the file
under the nudges lock), every read and write through the app's one StoreWriter. An edit is
kept until it is written: one that fails stays, the screen goes on showing it as the user left
it (marked unsaved), a notice says so once, and the app tries again every so often and at exit.
Edits are applied to the file as it is when written, so another copy's change is not undone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.core.nudge.log import NudgeLog
from coach.core.nudge.reminders import Reminder, Reminders, put, without
from coach.ui.storage import StoreWriter

Edit = Callable[[tuple[Reminder, ...]], tuple[Reminder, ...]]


@dataclass(frozen=True)
class Shown:
    reminders: tuple[Reminder, ...]
    unsaved: bool  # edits wait to be written (a write failed)
    problem: str  # the last read or write that failed, for the screen; "" when none


class ReminderBook:
    def __init__(self, writer: StoreWriter, folder: Path | None,
                 notify: Callable[..., Any]) -> None:
        self.writer = writer
        self.file = Reminders(NudgeLog(folder)) if folder is not None else None
        self.notify = notify
        self.on_disk: tuple[Reminder, ...] = ()
        self.pending: list[Edit] = []
        self.problem = ""
        self.write_failed = False  # the notice for a failing write is given once, not per try
        self.writing = False
        self.watchers: list[Callable[[], None]] = []

    def shown(self) -> Shown:
        reminders = self.on_disk
        for edit in self.pending:
            reminders = edit(reminders)
        return Shown(reminders, bool(self.pending), self.problem)

    def _changed(self) -> None:
        for watcher in list(self.watchers):
            watcher()

    def load(self) -> None:
        """Read the file again (another copy or `backcoach remind` may have changed it)."""
        file = self.file
        if file is not None:
            self.writer.write("read your reminders", file.read, self._read, self._read_failed)

    def _read(self, found: tuple[Reminder, ...]) -> None:
        self.on_disk, self.problem = found, ""
        self._changed()

    def _read_failed(self, problem: str) -> None:
        self.problem = problem
        self.notify(problem, title="Could not read your reminders", severity="error",
                    timeout=10, markup=False)
        self._changed()

    def put(self, reminder: Reminder, replacing: str | None = None) -> None:
        self._edit(lambda old: put(old, reminder, replacing))

    def remove(self, routine: str) -> None:
        self._edit(lambda old: without(old, routine))

    def _edit(self, edit: Edit) -> None:
        self.pending.append(edit)
        self._changed()
        self.retry()

    def retry(self) -> None:
        """Write what waits (nothing while a write is under way, or with no file)."""
        file = self.file
        if file is None or not self.pending or self.writing:
            return
        edits = list(self.pending)

        def apply(old: tuple[Reminder, ...]) -> tuple[Reminder, ...]:
            for edit in edits:
                old = edit(old)
            return old

        self.writing = True
        self.writer.write("save your reminders", lambda: file.change(apply),
                          lambda new: self._written(len(edits), new), self._write_failed)

    def _written(self, done: int, new: tuple[Reminder, ...]) -> None:
        self.writing = self.write_failed = False
        del self.pending[:done]
        self.on_disk, self.problem = new, ""
        self._changed()
        self.retry()  # edits made while this one was written

    def _write_failed(self, problem: str) -> None:
        self.writing = False
        if not self.write_failed:  # once, not at every retry
            self.write_failed = True
            self.notify(f"{problem}. Your change is kept and will be tried again.",
                        title="Could not save your reminders", severity="error", timeout=10,
                        markup=False)
        self.problem = problem
        self._changed()
