"""The sync-safe layout: who writes which file, what a sync tool's names mean, and `doctor`."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.content.models import Routine
from coach.core.history.overview import pain_of
from coach.core.history.progress import pain_trend
from coach.core.session.records import SessionRecord
from coach.core.settings.model import Settings
from coach.core.storage.machine import data_name, local_machine_id
from coach.core.storage.store import Store, StoreError
from coach.paths import data_dir
from tests.faults.test_sync import session

DAY = dt.date(2026, 11, 3)


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != ".lock"}


@pytest.mark.parametrize(("name", "expected"), [
    ("2026-11.json", ("2026-11", False)),
    ("2026-11.sync-conflict-20261201-120000-ABCDEFG.json", ("2026-11", True)),
    ("2026-11 (conflicted copy).json", ("2026-11", True)),
    ("2026-11 (Bob's conflicted copy 2026-12-01).json", ("2026-11", True)),
    ("2026-11 (conflicted copy 2026-12-01 120000).json", ("2026-11", True)),
    ("2026-11_conflict-20261201-120000.json", ("2026-11", True)),
    ("2026-11.json.orig", ("2026-11", True)),
    (".syncthing.2026-11.json.tmp", None),
    ("~syncthing~2026-11.json.tmp", None),
    ("2026-11.json.partial", None),
    (".2026-11.json.0badcafe.tmp", None),
    ("2026-11.json.broken-20261201-120000", None),
])
def test_sync_tool_names(name, expected):
    assert data_name(name) == expected


def test_the_machine_id_is_made_once_outside_the_data_folder(tmp_path):
    path = tmp_path / "config" / "machine.json"
    first = local_machine_id(path)
    assert local_machine_id(path) == first
    assert json.loads(path.read_text()) == {"machine_id": first}


def test_each_machine_writes_only_its_own_files(tmp_path):
    first, second = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    first.open()
    first.save_session(session(1, DAY, True))
    before = files(tmp_path)
    second.open()
    second.save_session(session(2, DAY, True))
    second.save_settings(Settings(bell=False))
    after = files(tmp_path)
    assert {k: v for k, v in after.items() if k in before} == before  # desk's files untouched
    assert all(k.startswith("machines/laptop/") for k in after.keys() - before.keys())
    assert all(k.startswith("machines/desk/") for k in before)  # from its first write
    assert not (tmp_path / "owner.json").exists()
    for store in (first, second, Store(tmp_path, machine="third")):
        assert [r.uuid for r in store.sessions()] == [session(1, DAY, True).uuid,
                                                      session(2, DAY, True).uuid]
        assert store.session_days() == {DAY: (2, 63)}


def test_settings_edited_on_two_machines_newest_wins_the_other_is_kept(tmp_path):
    desk, laptop = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    desk.save_settings(Settings(weekly_goal_days=3))
    laptop.save_settings(Settings(weekly_goal_days=6))
    for store in (desk, laptop):
        assert store.settings().weekly_goal_days == 6
        kept = [s.weekly_goal_days for _, _, s in store.all_settings()]
        assert kept == [6, 3]


def test_routines_newest_wins_and_a_delete_reaches_every_machine(tmp_path):
    desk, laptop = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    mine = {"id": "mine", "name": "Mine", "steps": [{"exercise": "cat-cow"}]}
    desk.save_routine(Routine.model_validate(mine))
    laptop.save_routine(Routine.model_validate(mine | {"name": "Mine, longer"}))
    assert [r.name for r in desk.user_routines()] == ["Mine, longer"]
    desk.delete_routine("mine")
    assert laptop.user_routines() == [] and desk.user_routines() == []
    assert len(laptop.all_routines()) == 1  # still in laptop's file, as it was


def test_a_delete_of_another_machines_session_is_a_tombstone_and_import_undoes_it(tmp_path):
    desk, laptop = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    record = session(7, DAY, True)
    desk.save_session(record)
    before = files(tmp_path)
    assert laptop.delete_session(record.uuid) == record
    assert {k: v for k, v in files(tmp_path).items() if k in before} == before
    assert desk.sessions() == [] and desk.session_days() == {}
    assert laptop.import_sessions([record]) == (1, 0)
    assert desk.sessions() == [record] and desk.session_days() == {DAY: (1, 37)}


def test_a_conflict_copy_is_merged_and_a_temp_file_ignored(tmp_path):
    store = Store(tmp_path, machine="desk")
    store.save_session(session(1, DAY, True))
    month = store.home / "sessions" / "2026-11.json"
    kept = month.read_bytes()
    store.save_session(session(2, DAY, True))
    month.with_name("2026-11 (conflicted copy 2026-12-01 120000).json").write_bytes(kept)
    shutil.copy(month, month.with_name(".syncthing.2026-11.json.tmp"))
    month.write_bytes(kept)  # the tool kept the old one under the name, the new as a copy
    month.with_name("2026-11 (conflicted copy 2026-12-01 120000).json").write_bytes(
        Path(month.with_name(".syncthing.2026-11.json.tmp")).read_bytes())
    (month.parent / "2026-12.json.partial").write_bytes(b'{"meta": {"1"')
    reader = Store(tmp_path, machine="laptop")
    assert len(reader.sessions()) == 2
    assert reader.session_days() == {DAY: (2, 63)}
    assert sum(c for c, _ in reader.month_totals()["2026-11"].routines.values()) == 2


def test_another_machines_summary_is_not_trusted_before_its_month_file_arrives(tmp_path):
    laptop = Store(tmp_path / "laptop-side", machine="laptop")
    laptop.save_session(session(1, DAY, True))
    laptop.save_session(session(2, DAY, True))
    desk = tmp_path / "desk-side"
    Store(desk, machine="desk").open()
    # The tool has delivered laptop's summary of two sessions, and its month file of one.
    target = desk / "machines" / "laptop"
    early = Store(tmp_path / "early", machine="laptop")
    early.save_session(session(1, DAY, True))
    (target / "sessions").mkdir(parents=True)
    (target / "days").mkdir()
    (target / "totals").mkdir()
    shutil.copy(early.month_path("2026-11"), target / "sessions" / "2026-11.json")
    shutil.copy(laptop.year_path("2026"), target / "days" / "2026.json")
    shutil.copy(laptop.totals_path("2026"), target / "totals" / "2026.json")
    assert Store(desk, machine="desk").session_days() == {DAY: (1, 31)}
    shutil.copy(laptop.month_path("2026-11"), target / "sessions" / "2026-11.json")
    assert Store(desk, machine="desk").session_days() == {DAY: (2, 63)}


def test_a_folder_from_before_sync_moves_into_its_machine_folder(tmp_path):
    old = Store(tmp_path / "made", machine="desk")
    old.save_session(session(1, DAY, True))
    shutil.copytree(old.home, tmp_path, dirs_exist_ok=True)  # at the top, no owner.json
    shutil.rmtree(tmp_path / "made")
    year = tmp_path / "totals" / "2026.json"
    data = json.loads(year.read_text())
    for doc in data["totals"].values():
        del doc["digest"], doc["keys"], doc["by"]
    year.write_text(json.dumps(data))
    before = files(tmp_path)
    Store(tmp_path, machine="desk").open()
    after = files(tmp_path)
    assert after["machines/desk/sessions/2026-11.json"] == before["sessions/2026-11.json"]
    assert "digest" in json.loads(after["machines/desk/totals/2026.json"])["totals"]["2026-11"]
    assert all(k.startswith("machines/desk/") for k in after)
    assert [r.uuid for r in Store(tmp_path, machine="laptop").sessions()] == [
        session(1, DAY, True).uuid]


def test_doctor_names_the_machines_the_copies_and_what_it_could_not_read(tmp_path, capsys):
    desk, laptop = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    desk.save_session(session(1, DAY, True))
    laptop.save_session(session(2, DAY, True))
    laptop.save_session(session(3, DAY, True))
    copy = tmp_path / "machines" / "laptop" / "settings.sync-conflict-20261201-120000-ABCDEFG.json"
    copy.write_text("{not json")
    (desk.home / "sessions" / "~syncthing~2026-12.json.tmp").write_text("{")
    assert main(["--data-dir", str(tmp_path), "doctor"]) == 0
    out = capsys.readouterr().out
    assert "  desk: 1 session, last write " in out
    assert "  laptop: 2 sessions, last write " in out
    assert "machines/laptop/settings.sync-conflict-20261201-120000-ABCDEFG.json\n" in out
    assert "sessions/~syncthing~2026-12.json.tmp\n" in out
    assert f"files it could not read: 1\n  {copy}: is not valid JSON" in out


def test_doctor_sync_dir_points_this_machine_at_a_synced_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BACKCOACH_MACHINE_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("BACKCOACH_DATA_DIR", raising=False)
    synced = tmp_path / "Sync" / "backcoach"
    assert main(["doctor", "--sync-dir", str(synced)]) == 0
    assert data_dir() == synced
    assert "machine_id" in json.loads((tmp_path / "config" / "machine.json").read_text())
    assert not synced.exists()  # nothing made until something is saved
    record: SessionRecord = session(4, DAY, True)
    Store(data_dir()).save_session(record)
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["sessions_total"] == 1


def test_another_machines_unreadable_file_is_reported_and_skipped_never_moved(tmp_path):
    desk, laptop = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    desk.save_session(session(1, DAY, True))
    laptop.save_session(session(2, DAY, True))
    broken = laptop.month_path("2026-11")
    broken.write_text('{"meta": {"1": {"schema": 1}}, "sessions": {')
    lines = Store(tmp_path, machine="desk").open()
    assert len(lines) == 1 and lines[0].startswith(f"{broken}: is not valid JSON")
    assert lines[0].endswith("; skipped until the sync tool delivers it whole")
    # Laptop's last whole write of the file (witness.py) stands in for it meanwhile.
    assert [r.uuid for r in desk.sessions()] == [session(1, DAY, True).uuid,
                                                 session(2, DAY, True).uuid]
    assert broken.read_text() == '{"meta": {"1": {"schema": 1}}, "sessions": {'
    with pytest.raises(StoreError):  # on its own machine it stops the read, as before sync
        Store(tmp_path, machine="laptop").sessions()


def test_saving_again_undoes_this_machines_delete_not_another_machines(tmp_path):
    desk, laptop = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    first, second = session(1, DAY, False), session(2, DAY, False)
    desk.save_session(first)
    desk.save_session(second)
    desk.delete_session(first.uuid)
    desk.save_session(first)  # the app's undo
    laptop.delete_session(second.uuid)
    desk.save_session(session(2, DAY, True))  # finished here after laptop deleted it
    assert [r.uuid for r in laptop.sessions()] == [first.uuid]
    # Importing it is the user's word: laptop's delete is undone too, and said so.
    assert desk.import_sessions([session(2, DAY, True)]) == (1, 0) and desk.revived == 1
    assert laptop.import_sessions([session(2, DAY, True)]) == (0, 1)
    assert len(desk.sessions()) == 2


def test_pain_from_two_machines_comes_back_in_day_then_start_order(tmp_path):
    desk, laptop = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    earlier = DAY - dt.timedelta(days=1)
    # Laptop's sessions of DAY start between desk's, and its earlier day is saved last.
    for store, n, day, pain in ((desk, 1, DAY, 5), (laptop, 2, DAY, 4), (desk, 3, DAY, 3),
                                (desk, 4, DAY + dt.timedelta(days=1), 2), (laptop, 5, earlier, 6)):
        store.save_session(session(n, day, True).model_copy(update={"pain_before": pain}))
    reader = Store(tmp_path, machine="desk")
    expected = [(earlier, 6, None), (DAY, 5, None), (DAY, 4, None), (DAY, 3, None),
                (DAY + dt.timedelta(days=1), 2, None)]
    assert pain_trend(reader.sessions()) == expected
    assert pain_of(reader.month_totals()) == expected
    laptop.delete_session(session(2, DAY, True).uuid)  # one machine's pain left on DAY
    del expected[2]
    assert pain_of(Store(tmp_path, machine="laptop").month_totals()) == expected


def test_saving_again_undoes_this_machines_delete_after_it_lost_the_top_to_another(tmp_path):
    """Two machines that started apart both took the top of the folder; the sync tool kept the
    other's owner.json. This machine's delete, made at the top, is still its own to undo."""
    desk = Store(tmp_path, machine="desk")
    desk.open()
    record = session(3, DAY, False)
    desk.save_session(record)
    desk.delete_session(record.uuid)
    (tmp_path / "owner.json").write_text('{"machine_id": "laptop"}')  # as the tool delivered
    finished = session(3, DAY, True)
    desk.save_session(finished)  # the app's undo, by the app that was running all along
    for reader in (Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")):
        assert reader.sessions() == [finished]
    laptop = Store(tmp_path, machine="laptop")
    laptop.delete_session(finished.uuid)  # another machine's delete still stands
    assert Store(tmp_path, machine="desk").sessions() == []
