"""The one way the UI talks to the store: writes queued to one thread, errors made notices.

Every write runs in a single serialised worker (one at a time, in the order asked), so a save
that waits on another copy's file lock or a slow fsync never stalls a screen. Each call reports
back with a message to the App: Written (with the call's result) or WriteFailed (with one line
for the user). Reads that a screen needs at once go through `read`, which turns the same errors
into a notice and a fallback value; nothing here lets a StoreError reach the event loop.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from textual.app import App
from textual.message import Message

from coach.core.storage.store import StoreError

T = TypeVar("T")

# What a store call can raise that is the world's fault, not a bug: a damaged or locked file
# (StoreError), a full disk or read-only folder (OSError), a session another open copy changed
# or deleted meanwhile (ValueError).
STORE_ERRORS = (StoreError, OSError, ValueError)


def problem_text(exc: BaseException) -> str:
    """One line for the user; OSError's own text is '[Errno 28] ...', which says little."""
    if isinstance(exc, OSError) and not isinstance(exc, StoreError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror.lower()}"
    return str(exc) or type(exc).__name__


@dataclass
class Job:
    what: str  # for the user: "save the session", "delete the routine"
    call: Callable[[], Any]
    then: Callable[[Any], None] | None = None
    failed: Callable[[str], None] | None = None


class Written(Message):
    def __init__(self, job: Job, result: Any) -> None:
        super().__init__()
        self.job, self.result = job, result


class WriteFailed(Message):
    def __init__(self, job: Job, problem: str) -> None:
        super().__init__()
        self.job, self.problem = job, problem


class StoreWriter:
    """Queues store calls and runs them one after another in a thread worker of `app`."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._queue: deque[Job] = deque()
        self._lock = threading.Lock()
        self._busy = False

    def write(self, what: str, call: Callable[[], T], then: Callable[[T], None] | None = None,
              failed: Callable[[str], None] | None = None) -> None:
        """Run call() after every write asked before it; `then` or `failed` on the UI thread."""
        with self._lock:
            self._queue.append(Job(what, call, then, failed))
            if self._busy:
                return
            self._busy = True
        self.app.run_worker(self._drain, thread=True, group="store-writer", name="store-writer")

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._busy = False
                    return
                job = self._queue.popleft()
            self._run(job, self.app.post_message)

    @staticmethod
    def _run(job: Job, post: Callable[[Message], Any]) -> None:
        try:
            result = job.call()
        except STORE_ERRORS as exc:
            post(WriteFailed(job, problem_text(exc)))
        else:
            post(Written(job, result))

    def answered(self, message: Written | WriteFailed) -> None:
        """A job's answer, which the App hands back on the UI thread: its `then` with the
        result, or `failed` with the problem (no `failed`: a notice saying what could not be
        done)."""
        job = message.job
        if isinstance(message, Written):
            if job.then is not None:
                job.then(message.result)
        elif job.failed is not None:
            job.failed(message.problem)
        else:
            self.app.notify(message.problem, title=f"Could not {job.what}", severity="error",
                            timeout=10, markup=False)

    def finish(self) -> None:
        """At exit: run what is still queued here and now (the worker may be cancelled)."""
        with self._lock:
            left, self._queue = list(self._queue), deque()
        for job in left:
            self._run(job, lambda message: None)

    def read(self, call: Callable[[], T], fallback: T) -> T:
        """A read the screen needs now; on failure a notice, and the fallback."""
        try:
            return call()
        except STORE_ERRORS as exc:
            self.app.notify(problem_text(exc), title="Could not read your data",
                            severity="error", timeout=10, markup=False)
            return fallback
