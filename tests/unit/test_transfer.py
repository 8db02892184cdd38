"""Export and import: every session out, every session back, and nothing touched by a bad file."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach import cli
from coach.core import disk
from coach.core.content.models import Dosing
from coach.core.content.phrases import dosing_text
from coach.core.history import transfer as transfer
from coach.core.session.records import SCHEMA_VERSION, SessionRecord, StepResult
from coach.core.storage import datafile as datafile
from coach.core.storage.store import Store, StoreError

UTC = dt.UTC

DOSINGS = (
    Dosing(mode="hold", hold_s=25, reps=3, per_side=True),
    Dosing(mode="reps", reps=8, rep_s=3, sets=2, rest_s=30),
    Dosing(mode="timed", duration_s=120),
    Dosing(mode="breaths", reps=5, rep_s=6),
)


def session(
    day: dt.date,
    *,
    steps: int = 1,
    hour: int = 8,
    seconds: int = 60,
    name: str = "Five desk stretches",
    pain: tuple[int | None, int | None] = (None, None),
    uuid: str | None = None,
) -> SessionRecord:
    started = dt.datetime(day.year, day.month, day.day, hour, 12, tzinfo=UTC)
    results = tuple(
        StepResult(
            exercise_id=f"ex-{n}",
            exercise_name=f"Exercise {n}, “quoted”",
            planned=DOSINGS[n % len(DOSINGS)],
            outcome="done" if seconds else "skipped",
            seconds=seconds,
            reps=n + 1,
        )
        for n in range(steps)
    )
    extra = {"uuid": uuid} if uuid else {}
    return SessionRecord(
        routine_id="desk",
        routine_name=name,
        started_at=started,
        ended_at=started + dt.timedelta(minutes=6) if steps else None,
        zone="Europe/Berlin",
        day=day,
        status="completed" if steps else "stopped",
        steps=results,
        pain_before=pain[0],
        pain_after=pain[1],
        **extra,
    )


def history() -> list[SessionRecord]:
    """A varied history over two years and four months, saved out of order."""
    return [
        session(dt.date(2026, 3, 2), steps=3, pain=(4, 2)),
        session(dt.date(2025, 12, 31), steps=0),  # opened and left: no steps at all
        session(dt.date(2026, 1, 1), steps=2, name="Rücken, sanft"),
        session(dt.date(2026, 3, 2), hour=18, seconds=0),  # did no work
        session(dt.date(2026, 2, 14), steps=4, pain=(0, None)),
    ]


def make_store(folder: Path, records: list[SessionRecord]) -> Store:
    store = Store(folder)
    store.open()
    for record in records:
        store.save_session(record)
    return store


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under folder with a hash of its bytes: equal means byte-for-byte unchanged."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): "dir" if p.is_dir() else _sha256(p)
        for p in sorted(folder.rglob("*"))
    }


def run(folder: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(folder), *args])


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    assert "Traceback" not in err
    return line


# -- export ----------------------------------------------------------------------------------


def test_export_json_holds_every_session_oldest_first(tmp_path: Path, capsys):
    records = history()
    make_store(tmp_path / "data", records)
    assert run(tmp_path / "data", "export") == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["backcoach_export", "schema_version", "exported_at", "sessions"]
    assert doc["backcoach_export"] == 1 and doc["schema_version"] == SCHEMA_VERSION
    stamp = dt.datetime.fromisoformat(doc["exported_at"])
    assert stamp.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(UTC) - stamp) < dt.timedelta(minutes=1)
    oldest_first = sorted(records, key=lambda r: r.started_at)
    assert doc["sessions"] == [r.model_dump(mode="json") for r in oldest_first]


def test_export_csv_has_one_row_per_step(tmp_path: Path, capsys):
    records = history()
    make_store(tmp_path / "data", records)
    assert run(tmp_path / "data", "export", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    # 3 + 1 + 2 + 4 steps, and one row for the session without steps
    assert len(rows) == sum(max(len(r.steps), 1) for r in records) == 11
    assert list(rows[0]) == list(transfer.CSV_COLUMNS)

    empty = [row for row in rows if row["day"] == "2025-12-31"]
    assert len(empty) == 1
    assert all(empty[0][c] == "" for c in transfer.STEP_COLUMNS)
    assert empty[0]["status"] == "stopped" and empty[0]["ended_at"] == ""

    march = next(r for r in records if r.day == dt.date(2026, 3, 2) and r.steps[0].seconds)
    mine = [row for row in rows if row["uuid"] == march.uuid]
    assert [row["step"] for row in mine] == ["1", "2", "3"]
    second = mine[1]
    assert second["routine_name"] == "Five desk stretches"
    assert second["started_at"] == "2026-03-02T08:12:00Z"
    assert second["pain_before"] == "4" and second["pain_after"] == "2"
    assert second["exercise_name"] == "Exercise 1, “quoted”"  # the comma survives quoting
    assert second["mode"] == "reps"
    assert second["planned"] == dosing_text(DOSINGS[1]) == "2 sets of 8 reps, 30 s rest"
    assert (second["outcome"], second["seconds"], second["reps"]) == ("done", "60", "2")
    assert [row["day"] for row in rows] == sorted(row["day"] for row in rows)


def test_export_of_a_missing_folder_is_empty_and_creates_nothing(tmp_path: Path, capsys):
    folder = tmp_path / "never"
    assert run(folder, "export") == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == []
    assert run(folder, "export", "--format", "csv") == 0
    assert capsys.readouterr().out == ",".join(f'"{c}"' for c in transfer.CSV_COLUMNS) + "\n"
    assert not folder.exists()


def test_export_reads_and_never_writes(tmp_path: Path, capsys):
    store = make_store(tmp_path / "data", history())
    before = snapshot(store.folder)
    assert run(store.folder, "export") == 0
    assert run(store.folder, "export", "--format", "csv") == 0
    assert snapshot(store.folder) == before


def test_export_to_a_file_is_complete_and_private(tmp_path: Path, capsys):
    make_store(tmp_path / "data", history())
    out = tmp_path / "out" / "back.json"
    out.parent.mkdir()
    out.write_text("an older export")
    assert run(tmp_path / "data", "export", "--output", str(out)) == 0
    assert capsys.readouterr().out.strip().endswith(f": written to {out}")
    assert len(json.loads(out.read_text())["sessions"]) == 5
    assert out.stat().st_mode & 0o777 == 0o600  # pain scores are private
    assert [p.name for p in out.parent.iterdir()] == ["back.json"]  # no temp file left


def test_a_failed_export_leaves_the_old_file_whole(tmp_path: Path, capsys, monkeypatch):
    make_store(tmp_path / "data", history())
    out = tmp_path / "back.csv"
    out.write_text("the previous export")

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(disk.os, "replace", disk_full)
    assert run(tmp_path / "data", "export", "--format", "csv", "--output", str(out)) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"backcoach: {out}: cannot be written (No space left on device)")
    assert out.read_text() == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["back.csv", "data"]


@pytest.mark.parametrize("target", ["missing/back.json", "."])
def test_export_to_a_place_that_cannot_hold_it_is_one_line(tmp_path: Path, capsys, target):
    out = tmp_path / target
    assert run(tmp_path / "data", "export", "--output", str(out)) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"backcoach: {out}: ")
    assert not (tmp_path / "data").exists()


# -- import ----------------------------------------------------------------------------------


def export_file(tmp_path: Path, folder: Path, name: str = "export.json") -> Path:
    path = tmp_path / name
    assert run(folder, "export", "--output", str(path)) == 0
    return path


def test_export_then_import_into_an_empty_folder_is_lossless(tmp_path: Path, capsys):
    source = make_store(tmp_path / "a", history())
    path = export_file(tmp_path, source.folder)
    capsys.readouterr()
    target = tmp_path / "b"
    assert run(target, "import", str(path)) == 0
    assert capsys.readouterr().out.strip() == "5 added, 0 already present"
    copy = Store(target)
    assert copy.sessions() == source.sessions()
    assert copy.session_days() == source.session_days()
    # what the summary says is what open() would rebuild from the month files
    before = snapshot(target)
    copy.open()
    assert snapshot(target) == before


def test_importing_the_same_file_twice_adds_nothing(tmp_path: Path, capsys):
    source = make_store(tmp_path / "a", history())
    path = export_file(tmp_path, source.folder)
    target = tmp_path / "b"
    assert run(target, "import", str(path)) == 0
    before = snapshot(target)
    capsys.readouterr()
    assert run(target, "import", str(path)) == 0
    assert capsys.readouterr().out.strip() == "0 added, 5 already present"
    assert snapshot(target) == before
    assert run(source.folder, "import", str(path)) == 0  # into the folder it came from
    assert capsys.readouterr().out.strip() == "0 added, 5 already present"


def test_merging_two_machines_histories(tmp_path: Path, capsys):
    shared = session(dt.date(2026, 1, 5), uuid="0f5c7a1e-0000-4000-8000-000000000001")
    laptop = make_store(
        tmp_path / "laptop", [shared, *(session(dt.date(2026, 1, d)) for d in (6, 7, 8))]
    )
    desktop = make_store(
        tmp_path / "desktop",
        [
            shared,
            session(dt.date(2026, 1, 7), hour=17),  # the same day, another session
            session(dt.date(2026, 2, 1), steps=2),
        ],
    )
    from_laptop = export_file(tmp_path, laptop.folder, "laptop.json")
    from_desktop = export_file(tmp_path, desktop.folder, "desktop.json")
    capsys.readouterr()

    assert run(desktop.folder, "import", str(from_laptop)) == 0
    assert capsys.readouterr().out.strip() == "3 added, 1 already present"
    assert run(laptop.folder, "import", str(from_desktop)) == 0
    assert capsys.readouterr().out.strip() == "2 added, 1 already present"

    assert laptop.sessions() == desktop.sessions()
    assert len(laptop.sessions()) == 6
    days = laptop.session_days()
    assert days == desktop.session_days()
    assert days[dt.date(2026, 1, 7)] == (2, 120)


def test_import_keeps_the_stored_copy_of_a_session(tmp_path: Path, capsys):
    mine = session(dt.date(2026, 1, 5), pain=(3, 1), uuid="0f5c7a1e-0000-4000-8000-000000000002")
    store = make_store(tmp_path / "data", [mine])
    theirs = mine.model_copy(update={"pain_after": 9, "routine_name": "renamed"})
    path = tmp_path / "theirs.json"
    path.write_text(transfer.export_json([theirs], dt.datetime.now(UTC)))
    assert run(store.folder, "import", str(path)) == 0
    assert capsys.readouterr().out.strip() == "0 added, 1 already present"
    assert store.sessions() == [mine]


# -- bad input: one line, exit 2, nothing changed --------------------------------------------


def good_export() -> dict:
    records = [session(dt.date(2026, 1, d), steps=2) for d in (1, 2, 3)]
    return transfer.export_document(records, dt.datetime(2026, 1, 4, tzinfo=UTC))


def edited(change) -> bytes:
    doc = good_export()
    change(doc)
    return json.dumps(doc).encode()


def _set(path: list, value: object):
    def change(doc: dict) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(key: str):
    return lambda doc: doc.pop(key)


def _repeat_first(doc: dict) -> None:
    doc["sessions"][2]["uuid"] = doc["sessions"][0]["uuid"]


def _three_bad(doc: dict) -> None:
    doc["sessions"][1]["day"] = "2026-13-01"
    doc["sessions"][1]["pain_after"] = 11
    doc["sessions"][2]["steps"][0]["outcome"] = "great"


BAD = {
    "not json": (b'{"backcoach_export": 1,\n  "sessions": [', "is not valid JSON (", "line 2"),
    "not utf-8": (b'{"backcoach_export": 1, "x": "\xff"}', "is not UTF-8 text", ""),
    "empty": (b"  \n", "is empty", ""),
    "a list": (b"[1, 2, 3]", "is not a backcoach export", "backcoach export"),
    "other json": (b'{"sessions": []}', "is not a backcoach export", ""),
    "no sessions": (edited(_drop("sessions")), ": sessions: is missing", ""),
    "sessions not a list": (edited(_set(["sessions"], {"a": 1})), ": sessions: must be", ""),
    "session not an object": (edited(_set(["sessions", 1], 7)), ": sessions[1]: must be", ""),
    "format as text": (edited(_set(["backcoach_export"], "1")), ": backcoach_export: ", ""),
    "unknown top field": (edited(_set(["colour"], "red")), ": colour: is not a known field", ""),
    "newer format": (edited(_set(["backcoach_export"], 2)), "newer backcoach", "upgrade"),
    "newer schema": (edited(_set(["schema_version"], 9)), "newer backcoach (schema 9", "upgrade"),
    "newer session": (
        edited(_set(["sessions", 2, "schema_version"], 3)),
        "newer backcoach (schema 3",
        "upgrade",
    ),
    "older session": (
        edited(_set(["sessions", 2, "schema_version"], 0)),
        ": sessions[2].schema_version: must be 1, got 0",
        "",
    ),
    "bad day": (
        edited(_set(["sessions", 1, "day"], "2026-02-30")),
        ": sessions[1].day: ",
        "",
    ),
    "missing zone": (
        edited(lambda doc: doc["sessions"][0].pop("zone")),
        ": sessions[0].zone: is missing; add it",
        "",
    ),
    "naive time": (
        edited(_set(["sessions", 0, "started_at"], "2026-01-01T08:00:00")),
        ": sessions[0].started_at: ",
        "",
    ),
    "unknown session field": (
        edited(_set(["sessions", 2, "mood"], "fine")),
        ": sessions[2].mood: is not a known field",
        "",
    ),
    "bad step": (
        edited(_set(["sessions", 0, "steps", 1, "seconds"], -4)),
        ": sessions[0].steps[1].seconds: must be at least 0, got -4",
        "",
    ),
    "repeated uuid": (edited(_repeat_first), ": sessions[2].uuid: repeats sessions[0]", ""),
    "empty uuid": (edited(_set(["sessions", 1, "uuid"], " ")), ": sessions[1].uuid: is empty", ""),
    "three problems": (edited(_three_bad), ": sessions[1].day: ", " (and 2 more problems)"),
}


@pytest.fixture(params=["existing", "none"])
def stored(request, tmp_path: Path) -> Path:
    """A data folder holding a history, or none at all (it must not be created)."""
    folder = tmp_path / "data"
    if request.param == "existing":
        make_store(folder, history())
    return folder


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_export_changes_nothing(tmp_path: Path, capsys, stored: Path, case: str):
    content, problem, also = BAD[case]
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = snapshot(stored)
    assert run(stored, "import", str(path)) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"backcoach: {path}")
    assert problem in line and also in line
    assert snapshot(stored) == before
    assert stored.exists() == bool(before)


def test_the_first_problem_is_named_and_the_rest_counted():
    with pytest.raises(transfer.TransferError) as caught:
        transfer.parse_export(edited(_three_bad), "x.json")
    message = str(caught.value)
    assert message.startswith("x.json: sessions[1].day: ")
    assert message.endswith(" (and 2 more problems)")
    assert "\n" not in message


def test_a_huge_bad_value_is_quoted_short():
    doc = good_export()
    doc["sessions"] = {str(n): "x" * 100 for n in range(1000)}
    with pytest.raises(transfer.TransferError) as caught:
        transfer.parse_export(json.dumps(doc).encode(), "x.json")
    assert len(str(caught.value)) <= transfer.LONGEST_LINE


def test_an_export_over_the_limit_is_refused_unread(tmp_path: Path, capsys, stored: Path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as file:
        file.truncate(65 * 2**20)  # sparse: 65 MiB on paper, nothing on disk
    before = snapshot(stored)
    assert run(stored, "import", str(path)) == 2
    assert one_error_line(capsys) == f"backcoach: {path}: is 65 MB; an export is at most 64 MB"
    assert snapshot(stored) == before


def test_the_size_limit_applies_to_a_real_export(tmp_path: Path, capsys, monkeypatch):
    source = make_store(tmp_path / "a", history())
    path = export_file(tmp_path, source.folder)
    capsys.readouterr()
    monkeypatch.setattr(transfer, "MAX_EXPORT_BYTES", path.stat().st_size - 1)
    assert run(tmp_path / "b", "import", str(path)) == 2
    assert "an export is at most 1 MB" in one_error_line(capsys)
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize("name", ["missing.json", "."])
def test_an_export_that_is_not_a_file_is_one_line(tmp_path: Path, capsys, name: str):
    assert run(tmp_path / "data", "import", str(tmp_path / name)) == 2
    assert one_error_line(capsys).startswith(f"backcoach: {tmp_path / name}: ")
    assert not (tmp_path / "data").exists()


def test_import_into_a_broken_store_writes_nothing(tmp_path: Path, capsys):
    source = make_store(tmp_path / "a", [session(dt.date(2026, 5, 1))])
    path = export_file(tmp_path, source.folder)
    capsys.readouterr()
    target = make_store(tmp_path / "b", history())
    broken = target.home / "sessions" / "2026-02.json"
    broken.write_text('{"meta": {"1": {"schema": 1}}, "sessions": ')
    before = snapshot(target.folder)
    assert run(target.folder, "import", str(path)) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"backcoach: {broken}: is not valid JSON")
    assert snapshot(target.folder) == before


def test_import_from_the_command_line_has_no_traceback(tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_text("{nope")
    done = subprocess.run(
        [sys.executable, "-m", "coach", "--data-dir", str(tmp_path / "d"), "import", str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"backcoach: {path}: is not valid JSON (Expecting property name enclosed in double "
        "quotes at line 1 column 2); give the file `backcoach export` wrote"
    ]
    assert not (tmp_path / "d").exists()


# -- the store underneath --------------------------------------------------------------------


def test_sessions_between_reads_only_the_months_it_needs(tmp_path: Path):
    store = make_store(tmp_path / "data", history())
    outside = store.home / "sessions" / "2025-12.json"
    outside.write_text("not json")  # it would raise if it were read
    got = store.sessions_between(dt.date(2026, 1, 1), dt.date(2026, 3, 2))
    assert [r.day for r in got] == [
        dt.date(2026, 1, 1), dt.date(2026, 2, 14), dt.date(2026, 3, 2), dt.date(2026, 3, 2)
    ]
    assert got == sorted(got, key=lambda r: r.started_at)
    assert [r.day for r in store.sessions_between(dt.date(2026, 2, 15), dt.date(2026, 3, 1))] == []
    assert store.sessions_between(dt.date(2026, 3, 3), dt.date(2026, 3, 1)) == []
    with pytest.raises(StoreError):
        store.sessions_between(dt.date(2025, 12, 31), dt.date(2025, 12, 31))


def test_import_sessions_merges_by_uuid_and_keeps_the_summary(tmp_path: Path):
    records = history()
    store = make_store(tmp_path / "data", records[:2])
    incoming = records[2:] + records[:1]  # one already stored
    incoming.append(incoming[0])  # and one twice in the same batch
    assert store.import_sessions(incoming) == (3, 2)
    assert store.sessions() == sorted(records, key=lambda r: r.started_at)
    days = store.session_days()
    assert days[dt.date(2026, 3, 2)] == (1, 180)  # the session that did no work is not counted
    # three months of one year written in turn: each summary write kept the ones before
    assert days == {
        dt.date(2026, 1, 1): (1, 120),
        dt.date(2026, 2, 14): (1, 240),
        dt.date(2026, 3, 2): (1, 180),
    }
    before = snapshot(store.folder)
    store.open()  # nothing for open() to repair
    assert snapshot(store.folder) == before


def test_import_sessions_writes_each_month_once(tmp_path: Path, monkeypatch):
    store = make_store(tmp_path / "data", [])
    written: list[str] = []
    real = datafile.write_atomic

    def counting(path: Path, data: bytes) -> None:
        written.append(f"{path.parent.name}/{path.name}")
        real(path, data)

    monkeypatch.setattr(datafile, "write_atomic", counting)
    records = [session(dt.date(2026, 1, 1) + dt.timedelta(days=n)) for n in range(45)]
    assert store.import_sessions(records) == (45, 0)
    months = [w for w in written if w.startswith("sessions/")]
    assert sorted(months) == ["sessions/2026-01.json", "sessions/2026-02.json"]
    assert store.import_sessions(records) == (0, 45)
    assert len(written) == 4  # two months, each summary file once; a second import writes nothing


@pytest.mark.parametrize("broken", ["days/2026.json", "sessions/2025-12.json"])
def test_import_sessions_refuses_before_writing(tmp_path: Path, broken: str):
    store = make_store(tmp_path / "data", history())
    (store.home / broken).write_text("{")
    before = snapshot(store.folder)
    with pytest.raises(StoreError) as caught:
        store.import_sessions([session(dt.date(2026, 6, 1)), session(dt.date(2027, 1, 1))])
    assert str(caught.value).startswith(str(store.home / broken))
    assert snapshot(store.folder) == before
