from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.days import training_day
from coach.core.models import Dosing
from coach.core.records import SessionRecord, StepResult
from coach.core.store import Store

UTC = dt.timezone.utc


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=60
    )


def worked(day: dt.date, started: dt.datetime | None = None, seconds: int = 60) -> SessionRecord:
    step = StepResult(
        exercise_id="cat-cow",
        exercise_name="Cat-cow",
        planned=Dosing(mode="hold", hold_s=10),
        outcome="done" if seconds else "skipped",
        seconds=seconds,
        reps=1,
    )
    return SessionRecord(
        routine_id="desk",
        routine_name="Five desk stretches",
        started_at=started or dt.datetime(day.year, day.month, day.day, 8, 12, tzinfo=UTC),
        zone="UTC",
        day=day,
        status="completed",
        steps=(step,),
    )


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Run in UTC and return today's training day there."""
    monkeypatch.setenv("TZ", "UTC")
    return training_day(dt.datetime.now(UTC), "UTC", 4)


def status(capsys, folder: Path, *flags: str) -> str:
    assert main(["--data-dir", str(folder), "status", *flags]) == 0
    return capsys.readouterr().out.strip()


def test_status_of_a_missing_folder_creates_nothing(tmp_path: Path):
    folder = tmp_path / "never"
    done = run("--data-dir", str(folder), "status")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "streak 0 days · longest 0 · no sessions yet · today: not yet"
    done = run("--data-dir", str(folder), "status", "--json")
    assert json.loads(done.stdout) == {
        "streak": 0,
        "longest": 0,
        "today_done": False,
        "last_session": None,
        "sessions_total": 0,
    }
    assert not folder.exists()


def test_status_after_sessions(tmp_path: Path, capsys, utc: dt.date):
    store = Store(tmp_path / "data")
    store.open()
    days_ago = [1, 2] + list(range(10, 15))  # with today: a run of 3 now, a run of 5 before
    for n in days_ago:
        store.save_session(worked(utc - dt.timedelta(days=n)))
    now = dt.datetime.now(UTC).replace(microsecond=0)
    store.save_session(worked(utc, started=now))
    store.save_session(worked(utc, started=now + dt.timedelta(minutes=5), seconds=0))  # no work
    before = sorted(store.folder.rglob("*"))

    line = status(capsys, store.folder)
    assert line == (
        f"streak 3 days · longest 5 · last session today {now:%H:%M} "
        "(Five desk stretches) · today: done"
    )
    assert json.loads(status(capsys, store.folder, "--json")) == {
        "streak": 3,
        "longest": 5,
        "today_done": True,
        "last_session": {
            "routine": "Five desk stretches",
            "started_at": now.isoformat(),
            "day": utc.isoformat(),
        },
        "sessions_total": len(days_ago) + 1,  # the one that did no work is not counted
    }
    assert sorted(store.folder.rglob("*")) == before  # status wrote nothing


def test_status_when_today_is_not_done_yet(tmp_path: Path, capsys, utc: dt.date):
    store = Store(tmp_path / "data")
    store.open()
    store.save_session(worked(utc - dt.timedelta(days=1)))
    assert status(capsys, store.folder) == (
        "streak 1 day · longest 1 · last session yesterday 08:12 (Five desk stretches) "
        "· today: not yet"
    )


def test_status_names_an_older_day_by_date(tmp_path: Path, capsys, utc: dt.date):
    store = Store(tmp_path / "data")
    store.open()
    store.save_session(worked(dt.date(2020, 2, 3)))
    store.save_session(worked(utc - dt.timedelta(days=3)))
    day = (utc - dt.timedelta(days=3)).isoformat()
    assert status(capsys, store.folder) == (
        f"streak 0 days · longest 1 · last session {day} 08:12 (Five desk stretches) "
        "· today: not yet"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"meta": {"1": {"schema": 1}}, "months": {"2026-11": ', "is not valid JSON"),
        ('{"meta": {"1": {"schema": 9}}, "months": {}}', "newer backcoach (schema 9)"),
    ],
)
def test_status_on_a_bad_store_exits_2_naming_the_file(tmp_path: Path, content, problem):
    path = tmp_path / "data" / "days" / "2026.json"
    path.parent.mkdir(parents=True)
    path.write_text(content)
    done = run("--data-dir", str(tmp_path / "data"), "status")
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"backcoach: {path}") and problem in line
    assert path.read_text() == content


def test_status_loads_no_ui(tmp_path: Path):
    code = (
        "import sys; from coach.cli import main;"
        f"main(['--data-dir', {str(tmp_path / 'data')!r}, 'status']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
        " or m.startswith('coach.ui')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
