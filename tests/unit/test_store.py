from __future__ import annotations

import datetime as dt
import json
import shutil
import stat
from pathlib import Path

import pytest

from coach.core.content.models import Dosing
from coach.core.session.records import SessionRecord, StepResult
from coach.core.settings.model import Settings
from coach.core.storage.datafile import SCHEMA_VERSION, FileStorage
from coach.core.storage.store import Store, StoreError
from coach.core.storage.witness import is_witness

DATA = Path(__file__).parent.parent / "data"
UTC = dt.UTC
V1 = '{"meta": {"1": {"schema": 1}}, '


def step(seconds: int = 30, outcome: str = "done") -> StepResult:
    return StepResult(
        exercise_id="cat-cow",
        exercise_name="Cat-cow",
        planned=Dosing(mode="hold", hold_s=10, reps=3),
        outcome=outcome,  # type: ignore[arg-type]
        seconds=seconds,
        reps=3,
    )


def session(day: dt.date, hour: int = 8, steps: int = 2, **changes) -> SessionRecord:
    started = dt.datetime(day.year, day.month, day.day, hour, 12, tzinfo=UTC)
    fields = dict(
        routine_id="office-break",
        routine_name="Office break",
        started_at=started,
        zone="UTC",
        day=day,
        steps=tuple(step() for _ in range(steps)),
    )
    return SessionRecord(**(fields | changes))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "data")
    store.open()
    return store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_building_a_store_touches_nothing(tmp_path: Path):
    Store(tmp_path / "data")
    assert not (tmp_path / "data").exists()


def test_a_session_round_trips(store: Store):
    record = session(
        dt.date(2026, 11, 3),
        ended_at=dt.datetime(2026, 11, 3, 8, 20, tzinfo=UTC),
        status="completed",
        pain_before=4,
        pain_after=2,
        zone="Europe/Berlin",
    )
    store.save_session(record)
    assert store.sessions() == [record]
    assert Store(store.folder).sessions() == [record]  # a second copy reads it from disk


def test_saving_again_replaces_the_session_with_the_same_uuid(store: Store):
    first = session(dt.date(2026, 11, 3), steps=1)
    store.save_session(first)
    store.save_session(first.model_copy(update={"steps": (step(), step(), step())}))
    [saved] = store.sessions()
    assert saved.uuid == first.uuid and len(saved.steps) == 3
    assert store.session_days() == {dt.date(2026, 11, 3): (1, 90)}


def test_sessions_come_oldest_first_across_months(store: Store):
    days = [dt.date(2026, 12, 1), dt.date(2025, 1, 31), dt.date(2026, 11, 30)]
    for day in days:
        store.save_session(session(day))
    assert [r.day for r in store.sessions()] == sorted(days)
    assert sorted(p.name for p in (store.home / "sessions").iterdir()
                  if not is_witness(p.name)) == [
        "2025-01.json", "2026-11.json", "2026-12.json"
    ]


def test_recent_sessions_reads_only_the_months_it_needs(store: Store, monkeypatch):
    for day in [dt.date(2024, 5, 1), dt.date(2026, 10, 30), dt.date(2026, 11, 2)]:
        store.save_session(session(day))
    (store.home / "sessions" / "2024-05.json").write_text("not json")  # never read below
    recent = store.recent_sessions(7, today=dt.date(2026, 11, 3))
    assert [r.day for r in recent] == [dt.date(2026, 10, 30), dt.date(2026, 11, 2)]
    assert [r.day for r in store.recent_sessions(2, today=dt.date(2026, 11, 3))] == [
        dt.date(2026, 11, 2)
    ]


def test_session_days_sums_sessions_and_seconds_per_day(store: Store):
    day = dt.date(2026, 11, 3)
    store.save_session(session(day, hour=7, steps=2))
    store.save_session(session(day, hour=18, steps=1))
    store.save_session(session(dt.date(2027, 1, 1), steps=4))
    store.save_session(session(dt.date(2026, 11, 4), steps=0))  # opened and left: no work
    assert store.session_days() == {
        day: (2, 90),
        dt.date(2027, 1, 1): (1, 120),
    }
    assert len(store.sessions()) == 4


def test_session_days_reads_the_summary_not_the_month_files(store: Store, monkeypatch):
    store.save_session(session(dt.date(2026, 11, 3)))
    read: list[str] = []
    real = FileStorage.read
    monkeypatch.setattr(FileStorage, "read", lambda self: read.append(self.path.name) or real(self))
    assert Store(store.folder).session_days() == {dt.date(2026, 11, 3): (1, 60)}
    assert read and "2026-11.json" not in read  # the summaries were read, the month file not


def test_a_month_file_replaced_under_its_summary_is_read_again(store: Store):
    """A sync tool may deliver a month file that another machine wrote into (the two started
    apart): the summary made here from the old file no longer counts."""
    store.save_session(session(dt.date(2026, 11, 3)))
    other = Store(store.folder.parent / "elsewhere")
    other.open()
    other.save_session(session(dt.date(2026, 11, 3)))
    other.save_session(session(dt.date(2026, 11, 4)))
    month = "sessions/2026-11.json"
    (store.home / month).write_bytes((other.home / month).read_bytes())
    # The file this machine wrote is kept too (witness.py): both machines' sessions count.
    assert Store(store.folder).session_days() == {dt.date(2026, 11, 3): (2, 120),
                                                  dt.date(2026, 11, 4): (1, 60)}


def test_settings_default_then_saved(store: Store):
    assert store.settings() == Settings()
    changed = Settings(safety_acknowledged=True, bell=False, day_start_hour=6)
    store.save_settings(changed)
    assert Store(store.folder).settings() == changed


def test_files_are_private(store: Store):
    store.save_session(session(dt.date(2026, 11, 3)))
    store.save_settings(Settings())
    assert mode(store.folder) == 0o700
    for path in store.folder.rglob("*"):
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_files_carry_the_schema_version(store: Store):
    store.save_session(session(dt.date(2026, 11, 3)))
    for name in ["sessions/2026-11.json", "days/2026.json"]:
        data = json.loads((store.home / name).read_text())
        assert data["meta"] == {"1": {"schema": SCHEMA_VERSION}}


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("sessions/2026-11.json", V1 + '"sessions": {"a": ', "not valid JSON"),
        ("days/2026.json", "[1, 2]", "is not a JSON object"),
        ("settings.json", "", "is empty"),
        ("settings.json", V1 + '"settings": {"1": {"bell": "loud"}}}', "bell"),
        ("sessions/2026-11.json", V1 + '"sessions": []}', "not an object"),
        ("sessions/2026-11.json", '{"meta": {"1": {"version": 1}}}', "no schema number"),
        ("days/2026.json", V1 + '"months": {"2026-11": {"x": 1}}}', "2026-11"),
        ("days/2026.json", '{"months": {}}', 'no "meta" table'),
        ("sessions/2026-11.json", '{"sessions": {}}', 'no "meta" table'),
    ],
)
def test_a_bad_file_is_named_and_left_untouched(tmp_path: Path, name, content, problem):
    folder = tmp_path / "data"
    path = Store(folder).home / name
    path.parent.mkdir(parents=True)
    path.write_text(content)
    before = path.read_bytes()
    store = Store(folder)
    with pytest.raises(StoreError) as caught:
        store.open()
    assert caught.value.path == path
    message = str(caught.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message
    assert path.read_bytes() == before


def test_a_record_that_cannot_be_shown_is_reported_at_open_and_skipped_after(store: Store):
    keep = session(dt.date(2026, 11, 3))
    store.save_session(keep)
    path = store.home / "sessions" / "2026-11.json"
    data = json.loads(path.read_text())
    data["sessions"]["a"] = {}
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(StoreError, match="session a"):  # before open(): reads are strict
        Store(store.folder).sessions()
    opened = Store(store.folder)
    [line] = opened.open()
    assert line.startswith(f"{path}: session a: ") and "\n" not in line
    assert opened.sessions() == [keep] and opened.session_days() == {keep.day: (1, 60)}
    assert path.read_bytes() == before
    assert Store(store.folder).open() == [line]  # reported again from the summary


def test_a_save_into_a_corrupt_month_is_refused(store: Store):
    store.save_session(session(dt.date(2026, 11, 3)))
    path = store.home / "sessions" / "2026-11.json"
    path.write_bytes(path.read_bytes()[:-40])
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not valid JSON"):
        store.save_session(session(dt.date(2026, 11, 4)))
    with pytest.raises(StoreError):
        store.sessions()
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused(tmp_path: Path):
    folder = tmp_path / "data"
    path = Store(folder).home / "sessions" / "2026-11.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"meta": {"1": {"schema": 7}}, "sessions": {}}')
    with pytest.raises(StoreError) as caught:
        Store(folder).open()
    assert str(caught.value) == (
        f"{path} was written by a newer backcoach (schema 7); upgrade backcoach"
    )
    assert path.read_text() == '{"meta": {"1": {"schema": 7}}, "sessions": {}}'


def test_an_old_store_is_migrated_forward_and_the_original_kept(tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(DATA / "store-v0", folder)
    original = (folder / "sessions" / "2025-03.json").read_bytes()
    store = Store(folder)
    store.open()
    first, second = store.sessions()
    assert first.uuid.endswith("a01") and first.steps[0].seconds == 120 and first.steps[0].reps == 0
    assert first.pain_before == 4 and second.status == "stopped"
    assert store.session_days() == {dt.date(2025, 3, 4): (1, 165)}  # the skipped one did no work
    assert store.settings().day_start_hour == 5 and store.settings().safety_acknowledged
    # The layout before machine folders: its top files moved into this machine's folder.
    migrated = json.loads((store.home / "sessions" / "2025-03.json").read_text())
    assert migrated["meta"] == {"1": {"schema": SCHEMA_VERSION}}
    assert (store.home / "sessions" / "2025-03.json.schema0.bak").read_bytes() == original
    Store(folder).open()  # and it opens again without migrating twice


def test_set_aside_moves_the_file_and_open_starts_that_file_afresh(store: Store):
    store.save_session(session(dt.date(2026, 11, 3)))
    store.save_session(session(dt.date(2026, 12, 3)))
    path = store.home / "sessions" / "2026-11.json"
    path.write_text("{ broken")
    with pytest.raises(StoreError) as caught:
        store.open()
    moved = store.set_aside(caught.value.path)
    assert not path.exists() and moved.read_text() == "{ broken"
    assert moved.parent == path.parent and moved.name.startswith("2026-11.json.broken-")
    again = store.set_aside(store.home / "days" / "2026.json")
    assert again != moved
    store.open()
    # The file's last whole write (witness.py) stands in for it: nothing is lost.
    assert [r.day for r in store.sessions()] == [dt.date(2026, 11, 3), dt.date(2026, 12, 3)]
    assert store.session_days() == {dt.date(2026, 11, 3): (1, 60),
                                    dt.date(2026, 12, 3): (1, 60)}  # rebuilt from the months


def test_open_sweeps_temp_files_a_crash_left(store: Store):
    leftovers = [
        store.home / ".settings.json.1a2b3c4d.tmp",
        store.home / "sessions" / ".2026-11.json.deadbeef.tmp",
    ]
    for path in leftovers:
        path.parent.mkdir(exist_ok=True)
        path.write_text('{"half": ')
    store.open()
    assert not any(path.exists() for path in leftovers)


def test_open_repairs_a_summary_a_crash_left_behind(store: Store):
    store.save_session(session(dt.date(2026, 11, 3)))
    summary = store.home / "days" / "2026.json"
    stale = summary.read_bytes()
    store.save_session(session(dt.date(2026, 11, 4)))
    summary.write_bytes(stale)  # as if killed between the month write and the summary write
    assert dt.date(2026, 11, 4) not in store.session_days()
    store.open()
    assert store.session_days() == {dt.date(2026, 11, 3): (1, 60), dt.date(2026, 11, 4): (1, 60)}


def test_a_session_may_not_change_month(store: Store):
    record = session(dt.date(2026, 11, 30))
    store.save_session(record)
    with pytest.raises(ValueError):
        store.save_session(record.model_copy(update={"day": dt.date(2026, 12, 1)}))


def test_reading_a_missing_folder_creates_nothing(tmp_path: Path):
    store = Store(tmp_path / "nothing")
    assert store.sessions() == [] and store.session_days() == {} and store.settings() == Settings()
    assert store.recent_sessions(7) == []
    assert not (tmp_path / "nothing").exists()


def test_delete_session_removes_it_and_its_day(store: Store):
    keep, drop = session(dt.date(2026, 11, 3)), session(dt.date(2026, 11, 4))
    store.save_session(keep)
    store.save_session(drop)
    store.delete_session(drop.uuid)
    assert store.sessions() == [keep]
    assert store.session_days() == {dt.date(2026, 11, 3): (1, 60)}
    Store(store.folder).delete_session(keep.uuid)  # a copy that did not save it finds it too
    Store(store.folder).delete_session("no-such-uuid")
    assert store.sessions() == [] and store.session_days() == {}


def test_a_folder_that_cannot_be_written_is_a_store_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        Store(blocker / "data").open()
    assert str(caught.value).startswith(str(blocker)) and "\n" not in str(caught.value)


def test_two_threads_of_one_store_lose_nothing(store: Store):
    import threading

    records = [session(dt.date(2026, 11, 1 + n % 3), hour=n % 20) for n in range(40)]
    threads = [
        threading.Thread(target=lambda part=part: [store.save_session(r) for r in part])
        for part in (records[::2], records[1::2])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {r.uuid for r in store.sessions()} == {r.uuid for r in records}


# -- issue 8: the store's own findings ---------------------------------------------------------


def test_a_session_another_copy_deleted_is_a_none_not_an_error(store: Store):
    record = session(dt.date(2026, 11, 3))
    store.save_session(record)
    other = Store(store.folder)
    assert other.delete_session(record.uuid) == record  # what was removed, for an undo
    assert store.delete_session(record.uuid) is None  # already gone: nothing to do, no error
    assert store.sessions() == []


def test_new_routine_ids_are_chosen_under_the_lock(tmp_path: Path):
    import threading

    from coach.core.content.models import Routine

    folder = tmp_path / "data"
    routine = Routine.model_validate(
        {"id": "desk", "name": "Desk", "description": "d",
         "steps": [{"exercise": "cat-cow"}]}
    )
    stores = [Store(folder), Store(folder)]
    stores[0].open()
    added: list[str] = []

    def add(store: Store) -> None:
        for _ in range(8):
            added.append(store.add_routine(routine, {"office-break"}).id)

    threads = [threading.Thread(target=add, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(added)) == 16 and "desk" in added
    assert sorted(r.id for r in Store(folder).user_routines()) == sorted(added)
    assert stores[0].add_routine(routine.model_copy(update={"id": "office-break"}),
                                 {"office-break"}).id == "desk-17"


def test_reading_history_leaves_the_garbage_collector_alone(store: Store, monkeypatch):
    import gc

    for n in range(5):
        store.save_session(session(dt.date(2026, 11, 1 + n)))
    calls: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    assert len(Store(store.folder).sessions()) == 5  # read in a worker thread by the UI
    assert calls == [] and gc.isenabled()


def test_an_unreadable_sessions_folder_is_an_error_not_an_empty_history(store: Store, monkeypatch):
    import os

    from coach.core.storage.errors import Unreadable

    store.save_session(session(dt.date(2026, 11, 3)))
    summary = store.home / "days" / "2026.json"
    before = summary.read_bytes()
    real = os.listdir

    def refused(path):  # what chmod 000 does for anyone but root, who runs these tests
        if Path(path).name == "sessions":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", refused)
    for read in (Store(store.folder).sessions, Store(store.folder).open,
                 lambda: Store(store.folder).sessions_between(dt.date(2026, 11, 3),
                                                              dt.date(2026, 11, 3))):
        with pytest.raises(Unreadable) as caught:
            read()
        assert caught.value.path == store.home / "sessions"
        assert "cannot be read (Permission denied)" in str(caught.value)
    assert summary.read_bytes() == before  # the day summary is not "repaired" to nothing
