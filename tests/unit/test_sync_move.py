"""Becoming a sync folder: each machine writes only its own machine folder, so a tool that copies
both ways without conflict copies loses nothing, and `doctor --sync-dir` brings the history along."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.content.models import Routine
from coach.core.nudge.log import NudgeLog, NudgeRecord
from coach.core.settings.model import Settings
from coach.core.storage.store import Store
from coach.paths import data_dir
from tests.faults.damage import no_hang, special
from tests.faults.test_sync import session
from tests.tools import needs

UTC = dt.UTC


def history(folder: Path, machine: str | None, first: int, count: int) -> Store:
    """A machine's own history, made before it ever met a sync tool (days over three months)."""
    store = Store(folder, machine=machine)
    store.open()
    store.import_sessions([session(n, dt.date(2026, 9 + n % 3, 1 + n % 28), True)
                           for n in range(first, first + count)])
    return store


def both_ways(tool: str, a: Path, b: Path, update: bool = False) -> None:
    """Copy every file each way, the incoming one replacing the other's: no conflict copies
    (rsync -a; cp -r, as a user does by hand). update: never over a newer file (rsync -au)."""
    for src, dst in ((a, b), (b, a)):
        if tool == "rsync -a":
            subprocess.run(["rsync", "-au" if update else "-a", f"{src}/", f"{dst}/"], check=True)
        else:
            subprocess.run(["cp", "-r", "--update" if update else "-r", f"{src}/.", f"{dst}/"],
                           check=True)


def an_hour_ago(*folders: Path) -> None:
    """Date every file an hour back: a test runs within a second, which --update cannot tell
    apart (it compares whole seconds)."""
    when = time.time() - 3600
    for folder in folders:
        for path in folder.rglob("*"):
            os.utime(path, (when, when))


@pytest.mark.parametrize("tool", [pytest.param("rsync -a", marks=needs("rsync")), "cp -r"])
def test_two_machines_histories_joined_by_a_two_way_copy_lose_nothing(tmp_path, tool):
    a, b = tmp_path / "desk", tmp_path / "laptop"
    history(a, "desk", 0, 120)
    history(b, "laptop", 1000, 90)
    both_ways(tool, a, b)  # their first sync: both wrote the same names before machine folders
    for folder in (a, b):
        for machine in ("desk", "laptop"):
            assert len(Store(folder, machine=machine).sessions()) == 210
    an_hour_ago(a, b)  # the next sessions come later than this sync, as in life
    Store(a, machine="desk").save_session(session(500, dt.date(2026, 11, 3), True))
    Store(b, machine="laptop").save_session(session(1500, dt.date(2026, 11, 3), True))
    # Now each side holds an older copy of the other's files, which a plain copy both ways puts
    # back over the newer one: each write's write-once copy (witness.py) keeps it.
    both_ways(tool, a, b)
    for folder in (a, b):
        for machine in ("desk", "laptop"):
            store = Store(folder, machine=machine)
            assert len(store.sessions()) == 212
            assert store.open() == []  # and nothing unreadable on either side


def test_no_path_is_written_by_two_machines(tmp_path):
    desk, laptop = history(tmp_path, "desk", 0, 3), history(tmp_path, "laptop", 10, 3)
    desk.save_settings(Settings(nudge_minutes=20))
    laptop.save_settings(Settings(nudge_minutes=30))
    NudgeLog(tmp_path, "desk").add(nudges=[nudge()])
    tops = {p.name for p in tmp_path.iterdir()}
    assert tops == {"machines"}
    assert {p.name for p in (tmp_path / "machines").iterdir()} == {"desk", "laptop"}


def test_an_old_single_machine_folder_moves_into_its_machine_folder(tmp_path):
    """Before machine folders the first machine wrote at the top; its next write moves them."""
    old = history(tmp_path / "made", "desk", 0, 5)
    old.save_settings(Settings(nudge_minutes=25))
    top = tmp_path / "old"
    shutil.copytree(old.home, top)  # the old layout: the same files at the top
    (top / "owner.json").write_text('{"machine_id": "desk"}')
    store = Store(top, machine="desk")
    assert len(store.sessions()) == 5  # read where they are, before any write
    assert store.open() == []
    assert not (top / "sessions").exists() and not (top / "settings.json").exists()
    assert len(Store(top, machine="laptop").sessions()) == 5
    assert Store(top, machine="desk").settings().nudge_minutes == 25


def nudge() -> NudgeRecord:
    return NudgeRecord(at=dt.datetime(2026, 11, 3, 10, tzinfo=UTC), day=dt.date(2026, 11, 3),
                       answer="break",
                       sitting_s=1800)


@pytest.fixture
def default_folder(tmp_path, monkeypatch) -> Path:
    """No $BACKCOACH_DATA_DIR: the platform's folder, as a user has it."""
    monkeypatch.delenv("BACKCOACH_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("BACKCOACH_MACHINE_DIR", str(tmp_path / "config"))
    return data_dir()


def test_sync_dir_brings_history_routines_settings_and_break_log_along(
        default_folder, tmp_path, capsys):
    store = history(default_folder, None, 0, 4)
    store.save_settings(Settings(safety_acknowledged=True, nudge_minutes=20))
    store.save_routine(Routine.model_validate(
        {"id": "mine", "name": "Mine", "description": "d", "steps": [{"exercise": "cat-cow"}]}))
    NudgeLog(default_folder).add(nudges=[nudge()])
    running = Store(default_folder)  # an app that was open all along
    synced = tmp_path / "Sync" / "backcoach"

    assert main(["doctor", "--sync-dir", str(synced)]) == 0
    out = capsys.readouterr().out
    assert "moved 4 sessions, your routines, settings, the break log" in out
    assert data_dir() == synced
    new = Store(data_dir())
    assert len(new.sessions()) == 4
    assert new.settings().safety_acknowledged and new.settings().nudge_minutes == 20
    assert [r.id for r in new.user_routines()] == ["mine"]
    assert sum(f.nudges for f in NudgeLog(data_dir()).days(
        dt.date(2026, 11, 1), dt.date(2026, 11, 30)).values()) == 1
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["sessions_total"] == 4

    running.save_session(session(99, dt.date(2026, 11, 4), True))  # follows, never writes back
    assert len(Store(data_dir()).sessions()) == 5
    assert len(running.sessions()) == 5


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_sync_dir_counts_what_it_moved_without_reading_a_special_file(
        default_folder, tmp_path, capsys, kind):
    store = history(default_folder, None, 0, 4)
    special(kind, store.home / "sessions" / "2026-12.json", tmp_path / "outside.json")
    with no_hang():  # the count read every moved month file: a FIFO waited for ever
        assert main(["doctor", "--sync-dir", str(tmp_path / "Sync")]) == 0
    assert "moved 4 sessions" in capsys.readouterr().out


def test_sync_dir_merges_with_what_this_machine_has_there(default_folder, tmp_path, capsys):
    synced = tmp_path / "Sync"
    history(default_folder, None, 0, 3)
    assert main(["doctor", "--sync-dir", str(synced)]) == 0
    history(tmp_path / "back", None, 10, 2)
    capsys.readouterr()
    assert main(["doctor", "--sync-dir", str(tmp_path / "back")]) == 0  # and home again
    assert main(["doctor", "--sync-dir", str(synced)]) == 0
    out = capsys.readouterr().out
    assert "kept beside it as a conflict copy" not in out.split("moved")[0]
    assert len(Store(data_dir()).sessions()) == 5
    assert main(["doctor", "--sync-dir", str(synced)]) == 2  # already there: says so


def test_a_data_dir_variable_naming_the_old_folder_follows_the_move(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BACKCOACH_MACHINE_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BACKCOACH_DATA_DIR", str(tmp_path / "old"))
    history(tmp_path / "old", None, 0, 3)
    assert main(["doctor", "--sync-dir", str(tmp_path / "Sync")]) == 0
    assert "$BACKCOACH_DATA_DIR is set and wins over the sync folder" in capsys.readouterr().out
    assert main(["status", "--json"]) == 0  # reads follow the note, as writes do
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["sessions_total"] == 3
