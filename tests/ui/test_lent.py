"""The App's helpers work from what it lends them (coach/ui/context.py), with no App: every
store call they make, the store's opening included, is a job of the one writer, and what they
have to say goes up as a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message import Message

from coach.core.settings.model import Settings
from coach.core.storage.store import Store
from coach.ui.context import Lent
from coach.ui.opening import StoreOpened, StoreOpening
from coach.ui.routines import LibraryChanged, RoutineBook
from coach.ui.storage import STORE_ERRORS, problem_text


class Writer:
    """StoreWriter's contract, run when the test says; it records what was asked."""

    def __init__(self) -> None:
        self.jobs: list[tuple[str, Callable[[], Any], Any, Any]] = []

    def write(self, what, call, then=None, failed=None) -> None:
        self.jobs.append((what, call, then, failed))

    def run_all(self) -> None:
        while self.jobs:
            _, call, then, failed = self.jobs.pop(0)
            try:
                result = call()
            except STORE_ERRORS as exc:
                if failed is not None:
                    failed(problem_text(exc))
            else:
                if then is not None:
                    then(result)

    def read(self, call, fallback):
        return call()


def lent(store: Store | None) -> tuple[Lent, Writer, list[Message], list[str]]:
    writer, posted, said = Writer(), [], []
    return (Lent(writer, store, lambda text, **_: said.append(text),  # type: ignore[arg-type]
                 lambda *args: None, posted.append, lambda *args, **kwargs: None),
            writer, posted, said)


def test_the_store_opens_as_a_job_of_the_writer_and_says_so_by_message(data_dir):
    store = Store(data_dir)
    parts, writer, posted, _ = lent(store)
    StoreOpening(parts, offers=lambda: []).start()
    assert [what for what, *_ in writer.jobs] == ["open your data"] and not posted
    writer.run_all()
    assert len(posted) == 1 and isinstance(posted[0], StoreOpened)
    assert posted[0].settings == Settings() and posted[0].offers == []


def test_an_unreadable_folder_is_a_notice_not_an_exit(data_dir, monkeypatch):
    store = Store(data_dir)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(data_dir))

    monkeypatch.setattr(Store, "open", refuse)
    parts, writer, posted, said = lent(store)
    StoreOpening(parts, offers=lambda: []).start()
    writer.run_all()
    assert not posted and said == [f"{data_dir}: permission denied"]


def test_the_routine_book_looks_through_the_writer_and_posts_what_changed(ready_store, library):
    parts, writer, posted, _ = lent(ready_store)
    book = RoutineBook(parts, library)
    book.look()
    assert [what for what, *_ in writer.jobs] == ["look for new routines"]
    writer.run_all()
    assert not posted  # the first look only notes what is there
    mine = next(info.routine for info in library.routines.values()).model_copy(
        update={"id": "mine", "name": "Mine"})
    ready_store.save_routine(mine)
    book.look()
    writer.run_all()
    assert len(posted) == 1 and isinstance(posted[0], LibraryChanged)
    assert "mine" in posted[0].library.routines and book.library is posted[0].library


def test_the_nudge_log_is_opened_saved_and_read_as_jobs_of_the_writer(ready_store, library):
    """The nudges' records call no store file themselves: each is a writer job, whose answer
    (the log open, a save's problem, today's figures) comes back on the caller's thread."""
    from coach.core.nudge.log import NudgeLog
    from coach.core.nudge.timer import SittingTimer, rules_from
    from coach.core.time.clock import ManualClock
    from coach.ui.context import Running
    from coach.ui.nudge_records import NudgeRecords
    from coach.ui.store_gate import StoreGate

    parts, writer, _, said = lent(ready_store)
    clock, settings, joined = ManualClock(), Settings(), []
    running = Running(parts, None, clock, "UTC", lambda: settings,  # type: ignore[arg-type]
                      lambda s: None, lambda s: None, lambda: clock.now().date(),
                      lambda: library, lambda info: None, StoreGate(True, lambda *a: None), 0.0)
    records = NudgeRecords(running, SittingTimer(clock, rules_from(settings, "UTC")),
                           lambda: joined.append(True))
    records.record(stretches=[records.stretch("break", 20 * 60)])  # before the log is open: kept
    records.open_log()
    assert [what for what, *_ in writer.jobs] == ["open the nudge log"] and records.nudge_log is None
    writer.run_all()  # opened; joined; today's figures read; what was kept saved
    try:
        assert joined and records.nudge_log is not None and not said
        assert not any(records.unsaved)
        month = NudgeLog(ready_store.folder).month(clock.now().strftime("%Y-%m"))
        assert [(s.ended_by, s.seconds) for s in month.stretches] == [("break", 20 * 60)]
        records.record(stretches=[records.stretch("quit", 90)])
        assert [what for what, *_ in writer.jobs] == ["save the nudge record"]
        assert len(NudgeLog(ready_store.folder).month(clock.now().strftime("%Y-%m")).stretches) == 1
        writer.run_all()
        assert len(NudgeLog(ready_store.folder).month(clock.now().strftime("%Y-%m")).stretches) == 2
        assert "read today's breaks" not in [what for what, *_ in writer.jobs]  # all answered
    finally:
        assert records.shared is not None
        records.shared.alive.release()
