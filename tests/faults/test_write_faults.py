"""A full disk or a read-only folder at every step of every kind of store write.

Each write is first run cleanly, counting its calls to the system function a fault hits; then it
is run again once per call, failing that call. Every failure must come out as a StoreError of
the right kind with one line naming the path and the fix, and, once the fault is gone, the
store opens and holds everything it held before (and nothing the write did not add). Tests run
as root, where chmod does not stop a write, so the read-only folder is the errors it gives.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from damage import LAST_DAY, build, record

from coach.core.content.models import Routine
from coach.core.settings.model import Settings
from coach.core.storage.errors import DiskFull, NotWritable, StoreError
from coach.core.storage.store import Store

DATA = Path(__file__).parent.parent / "data"
NEW_ROUTINE = Routine.model_validate(
    {"id": "new", "name": "New", "description": "d", "steps": [{"exercise": "cat-cow"}]}
)
NEW_DAY = dt.date(2026, 12, 5)


def _replace_steps(store: Store) -> None:
    old = record(LAST_DAY)
    store.save_session(old.model_copy(update={"steps": old.steps * 2}))


def _import(store: Store) -> None:
    store.import_sessions([record(NEW_DAY), record(dt.date(2027, 1, 3))])


def _repair(store: Store) -> None:
    (store.home / "days" / "2026.json").unlink(missing_ok=True)  # as a restore without it would leave
    store.open()


WRITES: dict[str, Callable[[Store], object]] = {
    "save in a new month": lambda s: s.save_session(record(NEW_DAY)),
    "save again": _replace_steps,
    "delete session": lambda s: s.delete_session(record(LAST_DAY).uuid),
    "import": _import,
    "settings": lambda s: s.save_settings(Settings(bell=True, weekly_goal_days=6)),
    "save routine": lambda s: s.save_routine(NEW_ROUTINE),
    "add routine": lambda s: s.add_routine(NEW_ROUTINE, {"office-break"}),
    "delete routine": lambda s: s.delete_routine("mine"),
    "set aside": lambda s: s.set_aside(s.home / "routines.json"),
    "open repairs a summary": _repair,
    "open migrates an old store": lambda s: s.open(),
}


def _failing(real: Callable, err: int, when: Callable[..., bool], plan: dict) -> Callable:
    def call(*args, **kwargs):
        if when(*args, **kwargs):
            plan["seen"] += 1
            if plan["seen"] == plan["fail_at"]:
                raise OSError(err, os.strerror(err), str(args[0]) if args else None)
        return real(*args, **kwargs)

    return call


def _creates(path, flags, *args, **kwargs) -> bool:
    return bool(flags & os.O_CREAT) and Path(path).name != ".lock"


# fault -> (os function, errno, which calls count, the StoreError kind expected)
FAULTS = {
    "disk full on write": ("write", errno.ENOSPC, None, DiskFull),
    "disk full on fsync": ("fsync", errno.ENOSPC, None, DiskFull),
    "disk full on rename": ("replace", errno.ENOSPC, None, DiskFull),
    "read-only on create": ("open", errno.EACCES, _creates, NotWritable),
    "read-only on rename": ("replace", errno.EROFS, None, NotWritable),
    "read-only on move aside": ("rename", errno.EROFS, None, NotWritable),
    "read-only on mkdir": ("mkdir", errno.EROFS, None, NotWritable),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("base") / "data"
    build(folder)
    return folder


def fresh(base: Path, write: str, where: Path) -> Store:
    source = DATA / "store-v0" if write.startswith("open migrates") else base
    shutil.copytree(source, where)
    return Store(where)


def state(folder: Path) -> tuple[dict, Settings, dict]:
    store = Store(folder)
    store.open()
    return ({r.uuid: r for r in store.sessions()}, store.settings(),
            {r.id: r for r in store.user_routines()})


def run(store: Store, write: str, monkeypatch: pytest.MonkeyPatch, fault: str | None,
        fail_at: int = 0) -> int:
    plan = {"seen": 0, "fail_at": fail_at}
    name, err, when, _ = FAULTS[fault or "disk full on write"]
    with monkeypatch.context() as patch:
        patch.setattr(os, name, _failing(getattr(os, name), err, when or (lambda *a, **k: True),
                                         plan))
        if name == "mkdir":  # a data folder's new subfolder: sessions/, days/
            shutil.rmtree(store.home / "days", ignore_errors=True)
        WRITES[write](store)
    return plan["seen"]


@pytest.mark.parametrize("write", WRITES)
def test_a_failed_write_says_why_and_loses_nothing(
    write: str, base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    before = state(fresh(base, write, tmp_path / "before").folder)
    tried = []
    for fault, (_, _, _, kind) in FAULTS.items():
        clean = fresh(base, write, tmp_path / f"{fault}-clean")
        calls = run(clean, write, monkeypatch, fault)
        after_success = state(clean.folder)
        tried += [fault] * calls
        for n in range(1, calls + 1):
            store = fresh(base, write, tmp_path / f"{fault}-{n}")
            with pytest.raises(StoreError) as caught:
                run(store, write, monkeypatch, fault, fail_at=n)
            error = caught.value
            assert isinstance(error, kind), f"{fault}, call {n}: {error!r}"
            assert "\n" not in str(error) and str(error).startswith(str(error.path))
            sessions, settings, routines = state(store.folder)  # opens, the fault gone
            assert sessions.keys() <= after_success[0].keys() | before[0].keys()  # none made up
            assert settings in (after_success[1], before[1])
            for uuid, kept in before[0].items():  # each as it was, or as the write made it
                assert sessions.get(uuid) in (kept, after_success[0].get(uuid))
            if write != "delete routine":
                assert before[2].keys() <= routines.keys()
    # Every write writes, renames and syncs; the others hit where they apply.
    assert {"disk full on write", "disk full on fsync", "read-only on create"} <= set(tried) or (
        write == "set aside" and "read-only on move aside" in tried
    )
