"""A property: whatever the order of saves, store faults, kept copies, retries, exits, crashes
and restarts that offer kept copies, the store never holds an older record of a session than
one it held before, nor than one the app reported saved (issue 19).

The app's own SessionKeeper runs against a real store; the writer is a stand-in that lets
hypothesis choose when each queued write runs and when its answer reaches the UI, as the real
one's thread and message queue may order them.
"""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coach.core.session.recorder import SessionRun
from coach.core.storage.recovery import Recovery
from coach.core.storage.store import Store, StoreError
from coach.core.time.clock import ManualClock
from coach.ui.sessions import SessionKeeper
from coach.ui.storage import STORE_ERRORS, problem_text


class Flaky(Store):
    """Refuses saves ("refuse"), or writes and then fails ("after": the record is stored but
    the app hears an error, as when reading the totals back fails), or is killed ("kill")."""

    mode: str | None = None

    def save_session(self, record):
        if self.mode == "refuse":
            raise StoreError(f"{self.folder}: the lock is held by another copy", self.folder)
        written = super().save_session(record)
        if self.mode == "after":
            raise OSError(28, "No space left on device")
        if self.mode == "kill":
            raise Killed
        return written


class Writer:
    """StoreWriter's contract (one job at a time, in order; answers on the UI thread later),
    with the test choosing when a job runs and when its answer arrives."""

    def __init__(self) -> None:
        self.jobs: deque[tuple[Callable[[], Any], Any, Any]] = deque()
        self.answers: deque[Callable[[], None]] = deque()

    def write(self, what, call, then=None, failed=None) -> None:
        self.jobs.append((call, then, failed))

    def run_one(self) -> None:
        if not self.jobs:
            return
        call, then, failed = self.jobs.popleft()
        try:
            result = call()
        except STORE_ERRORS as exc:
            problem = problem_text(exc)
            self.answers.append(lambda: failed(problem) if failed else None)
        else:
            self.answers.append(lambda: then(result) if then else None)

    def answer_one(self) -> None:
        if self.answers:
            self.answers.popleft()()

    def finish(self) -> None:
        """At exit: the queued jobs run; their answers never reach a UI."""
        while self.jobs:
            self.run_one()
        self.answers.clear()


ACTIONS = st.sampled_from(["start", "step", "step", "finish", "refuse", "after", "recover",
                           "run", "run", "run", "answer", "answer", "answer", "retry", "exit",
                           "crash", "kill"])


class Killed(BaseException):
    """SIGKILL in the middle of a write: after the store wrote, before anything else ran."""


MADE: dict[str, int] = {}  # a record's content -> when it was made (later: larger)


def made(record) -> str:
    # Its content without the revision: the test judges "older" by what it saw made, not by
    # the number the code under test keeps.
    return record.model_dump_json(exclude={"revision"})


class Counted(SessionRun):
    """A session run that notes the order its records are made in."""

    def record(self, status):
        record = super().record(status)
        MADE[made(record)] = len(MADE) + 1
        return record


class World:
    def __init__(self, folder: Path, library) -> None:
        self.store = Flaky(folder / "data")
        self.store.open()
        self.recovery = Recovery(folder / "data", folder / "state")
        self.library = library
        self.clock = ManualClock()
        self.high: dict[str, int] = {}  # uuid -> the latest record the store ever held
        self.reported: dict[str, int] = {}  # uuid -> the latest record reported saved
        self.boot()

    def boot(self) -> None:
        """A start: a new keeper offers what was kept, and the user says yes."""
        self.writer = Writer()
        self.keeper = SessionKeeper(self.writer, self.store, self.recovery,
                                    lambda *args, **kwargs: None)  # type: ignore[arg-type]
        self.keeper.save_kept([kept for kept, _ in self.keeper.offers()])

    def do(self, action: str) -> None:
        keeper, run = self.keeper, self.keeper.running
        if action == "start" and run is None:
            info = next(iter(self.library.routines.values()))
            keeper.running = Counted(info, self.clock, "UTC")
        elif action == "step" and run is not None:
            self.clock.advance(5)
            keeper.save(run.record("in progress"))
        elif action == "finish" and run is not None:
            record = run.record("completed")
            keeper.running = None
            keeper.save(record, lambda _days: self.report(record.uuid, MADE[made(record)]))
        elif action in ("refuse", "after"):
            self.store.mode = action
        elif action == "recover":
            self.store.mode = None
        elif action == "run":
            self.writer.run_one()
        elif action == "answer":
            self.writer.answer_one()
        elif action == "retry":
            keeper.retry()
        elif action == "exit":  # q, a signal, a lost terminal: what the app does on the way out
            self.writer.finish()
            keeper.save_now("stopped")
            self.boot()
        elif action == "crash":  # killed: queued writes and memory are gone, files remain
            self.boot()
        elif action == "kill":  # killed inside the next write, after the store wrote
            self.store.mode = "kill"
            try:
                self.writer.run_one()
            except Killed:
                pass
            self.store.mode = None
            self.boot()

    def report(self, uuid: str, order: int) -> None:
        self.reported[uuid] = max(self.reported.get(uuid, -1), order)

    def check(self) -> None:
        stored = {r.uuid: MADE[made(r)] for r in self.store.sessions()}
        for uuid, order in self.high.items():
            assert stored.get(uuid, -1) >= order, "a session went back to an older record"
        for uuid, order in self.reported.items():
            assert stored.get(uuid, -1) >= order, "reported saved, then older in the store"
        for uuid, order in stored.items():
            self.high[uuid] = max(self.high.get(uuid, -1), order)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=st.lists(ACTIONS, min_size=1, max_size=40))
# The two ways main went backwards, always tried: a kept copy retried after a newer save, and
# an older kept copy (a kill between the store's write and the copy's removal) offered.
@example(actions=["start", "refuse", "step", "run", "answer", "recover", "finish", "run",
                  "answer", "retry", "run"])
@example(actions=["start", "refuse", "step", "run", "answer", "recover", "finish", "kill",
                  "run"])
def test_no_interleaving_takes_a_session_back(library, actions):
    with tempfile.TemporaryDirectory() as folder:
        world = World(Path(folder), library)
        for action in actions:
            world.do(action)
            world.check()
        # The faults clear and everything left runs: still never older.
        world.do("recover")
        for action in ("retry", "exit", "retry"):
            world.do(action)
            while world.writer.jobs or world.writer.answers:
                world.writer.run_one()
                world.writer.answer_one()
            world.check()
