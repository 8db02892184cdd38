from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.content.models import Dosing
from coach.core.history.progress import weekly_goal
from coach.core.session.records import SessionRecord, StepResult
from coach.core.storage.store import Store
from coach.core.time.days import training_day

UTC = dt.UTC


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
        "breaks_total": 0,
        "week": {"days": 0, "goal": 4, "met": False},
        "week_streak": 0,
        "sitting": None,
        "next_break": None,
        "breaks_today": 0,
    }
    done = run("--data-dir", str(folder), "status", "--format", "{today_mark} {streak} {week}")
    assert (done.returncode, done.stdout, done.stderr) == (0, "· 0 0/4\n", "")
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
    week = weekly_goal(store.session_days(), utc, 4)

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
            "source": "app",  # run in the app, not logged by hand
        },
        "sessions_total": len(days_ago) + 1,  # the one that did no work is not counted
        "breaks_total": 0,
        "week": {"days": week.days_this_week, "goal": 4, "met": week.met},
        "week_streak": week.streak_weeks,
        "sitting": None,  # these sessions have no end time, and no app wrote a timer
        "next_break": None,
        "breaks_today": 0,
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
    path = Store(tmp_path / "data").home / "days" / "2026.json"
    path.parent.mkdir(parents=True)
    path.write_text(content)
    done = run("--data-dir", str(tmp_path / "data"), "status")
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"backcoach: {path}") and problem in line
    assert path.read_text() == content


@pytest.mark.parametrize("flags", [[], ["--json"], ["--format", "{today_mark} {week}"]])
def test_status_loads_no_ui(tmp_path: Path, flags: list[str]):
    code = (
        "import sys; from coach.cli import main;"
        f"main(['--data-dir', {str(tmp_path / 'data')!r}, 'status', *{flags!r}]);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
        " or m.startswith('coach.ui')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


# -- status --format -------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): "dir" if p.is_dir() else _sha256(p)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def three_weeks(tmp_path: Path, utc: dt.date) -> Store:
    """Today and the same weekday one and two weeks back, with a goal of one day a week."""
    store = Store(tmp_path / "data")
    store.open()
    store.save_settings(store.settings().model_copy(update={"weekly_goal_days": 1}))
    for n in (14, 7, 0):
        store.save_session(worked(utc - dt.timedelta(days=n)))
    return store


@pytest.mark.parametrize(
    ("template", "done", "never"),
    [
        ("{streak}", "1", "0"),
        ("{longest}", "1", "0"),
        ("{today}", "done", "not yet"),
        ("{today_mark}", "✓", "·"),
        ("{week}", "1/1", "0/4"),
        ("{week_streak}", "3", "0"),
        ("{last}", "Five desk stretches", ""),
        ("{sessions}", "3", "0"),
        (
            "back {today_mark} {streak}d {{week {week}}}",
            "back ✓ 1d {week 1/1}",
            "back · 0d {week 0/4}",
        ),
        ("{streak:>3}|{last!r}", "  1|'Five desk stretches'", "  0|''"),
    ],
)
def test_status_format_fills_each_field(
    tmp_path: Path, capsys, three_weeks: Store, template: str, done: str, never: str
):
    assert status(capsys, three_weeks.folder, "--format", template) == done.strip()
    assert main(["--data-dir", str(tmp_path / "never"), "status", "--format", template]) == 0
    assert capsys.readouterr().out == never + "\n"
    assert not (tmp_path / "never").exists()


def test_status_json_has_the_week(capsys, three_weeks: Store):
    got = json.loads(status(capsys, three_weeks.folder, "--json"))
    assert got["week"] == {"days": 1, "goal": 1, "met": True}
    assert got["week_streak"] == 3


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{streak} {mood}", "unknown field {mood}; known fields: {streak}, {longest}, {today}, "
         "{today_mark}, {week}, {week_streak}, {last}, {sessions}"),
        ("{last.upper}", "unknown field {last.upper}; known fields: {streak}"),
        ("{}", "unknown field {}; known fields: "),
        ("{streak:{width}}", "{streak:{width}}: a width is a number, not a field"),
        # Nested fields escaped the width cap: 5 digits of sessions, five times, MemoryError.
        ("{streak:{sessions}{sessions}{sessions}{sessions}{sessions}}",
         "a width is a number, not a field"),
        ("{streak", "expected '}' before end of string; write {{ or }} for a brace itself"),
        ("{streak:q}", "Unknown format code 'q'"),
    ],
)
def test_status_format_with_a_bad_template_is_one_line(
    tmp_path: Path, capsys, three_weeks: Store, template: str, problem: str
):
    before = snapshot(three_weeks.folder)
    for folder in (three_weeks.folder, tmp_path / "never"):
        assert main(["--data-dir", str(folder), "status", "--format", template]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        [line] = err.splitlines()
        assert line.startswith("backcoach: status --format: ") and problem in line
    assert snapshot(three_weeks.folder) == before
    assert not (tmp_path / "never").exists()


def test_status_json_and_format_do_not_mix(capsys, three_weeks: Store):
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(three_weeks.folder), "status", "--json", "--format", "{x}"])
    assert caught.value.code == 2


def test_status_reads_and_never_writes(capsys, three_weeks: Store):
    folder = three_weeks.folder
    before = snapshot(folder)
    for flags in ([], ["--json"], ["--format", "{today} {week} {last} {sessions}"]):
        status(capsys, folder, *flags)
    assert snapshot(folder) == before


def test_the_readme_tmux_recipe_fits_the_default_status_length():
    # tmux cuts status-right at 40 columns unless the user raises status-right-length.
    import re

    from coach.commands.status import _fill, _Status
    from coach.core.history.progress import WeekGoal

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    [line] = [x for x in readme.splitlines() if x.startswith('set -g status-right "#(backcoach')]
    template = re.search(r"--format '([^']*)'", line).group(1)
    after = line.split(")", 1)[1].rstrip('"')  # what follows the command, e.g. " %H:%M "
    longest = _Status(
        streak=99_999, longest=99_999, today=dt.date(2026, 1, 1), today_done=True, last=None,
        sessions_total=10**6, breaks_total=10**6, week=WeekGoal(days_this_week=7, goal=7, met=True, streak_weeks=999, longest_weeks=999),
        nudges={},
    )
    shown = _fill(template, longest) + after.replace("%H:%M", "23:59")
    assert len(shown) <= 40, shown


@pytest.mark.parametrize(
    "zone", ["x" * 5000, "[@click=app.quit]q[/]" * 900, "../../etc/passwd", "Mars/Olympus"]
)
def test_status_survives_a_zone_zoneinfo_cannot_read(tmp_path: Path, capsys, utc, zone: str):
    store = Store(tmp_path)
    store.open()
    record = worked(utc).model_copy(update={"zone": zone})  # as stored by an older import
    store.save_session(record)
    # A record no clock can place is left out of every count, and status says so (exit 2).
    assert main(["--data-dir", str(tmp_path), "status"]) == 2
    out, err = capsys.readouterr()
    assert "no sessions yet" in out
    assert record.uuid in err and "zone" in err
    assert "\x1b" not in err and len(err.splitlines()) == 1
