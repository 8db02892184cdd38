"""The nudges store: what was answered, stretches, per-day figures, and damaged files."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.nudge.log import NudgeLog, NudgeRecord, StretchRecord, TimerState
from coach.core.storage.errors import StoreError
from coach.core.storage.witness import is_witness

DAY = dt.date(2026, 11, 20)
AT = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)


def nudge(answer, minutes=0, day=DAY):
    return NudgeRecord(at=AT + dt.timedelta(minutes=minutes), day=day, answer=answer,
                       sitting_s=1800)


def stretch(seconds, ended_by="break", day=DAY):
    return StretchRecord(ended_at=AT, day=day, seconds=seconds, ended_by=ended_by, limit_s=1800)


def test_figures_per_day(data_dir):
    log = NudgeLog(data_dir)
    log.add([nudge("snooze"), nudge("break", 5), nudge("skip", 40), nudge("no answer", 80)],
            [stretch(2100), stretch(1500, "session"), stretch(4000, "quit")])
    log.add([nudge("break", day=dt.date(2026, 12, 1))], [stretch(600, day=dt.date(2026, 12, 1))])
    figures = log.days(DAY, DAY)
    assert list(figures) == [DAY]
    day = figures[DAY]
    assert (day.nudges, day.snoozed, day.skipped, day.unanswered) == (4, 1, 1, 1)
    assert (day.breaks, day.stretches, day.on_time, day.longest_s) == (1, 3, 1, 4000)
    assert set(log.days(DAY, dt.date(2026, 12, 31))) == {DAY, dt.date(2026, 12, 1)}
    assert sorted(p.name for p in log.folder.glob("*.json") if not is_witness(p.name)) == [
        "2026-11.json", "2026-12.json"]


def test_reading_creates_nothing(data_dir):
    log = NudgeLog(data_dir)
    assert log.days(DAY, DAY) == {} and log.timer() is None
    assert not data_dir.exists()


def test_a_damaged_file_is_never_written_over(data_dir):
    log = NudgeLog(data_dir)
    log.add([nudge("break")])
    path = log.folder / "2026-11.json"
    path.write_text('{"nudges": [{"answer": "maybe"}]}')
    with pytest.raises(StoreError, match="2026-11.json"):
        log.add([nudge("skip")])
    assert path.read_text() == '{"nudges": [{"answer": "maybe"}]}'
    path.write_text("{")
    with pytest.raises(StoreError, match="not valid JSON"):
        log.days(DAY, DAY)


def test_timer_round_trip(data_dir):
    log = NudgeLog(data_dir)
    state = TimerState(since=AT, due=AT + dt.timedelta(minutes=30), written_at=AT)
    log.save_timer(state)
    assert log.timer() == state
    (log.folder / "timer.json").write_text("garbage")
    assert log.timer() is None  # a hint only: the status line shows nothing rather than fail


# -- one data folder shared by two machines through a sync tool ------------------------------


def test_each_machine_writes_only_its_own_nudges_and_reads_everyones(tmp_path):
    desk, laptop = NudgeLog(tmp_path, machine="desk"), NudgeLog(tmp_path, machine="laptop")
    tmp_path.mkdir(exist_ok=True)
    desk.add([nudge("break")], [stretch(1500)])
    laptop.add([nudge("skip", 30)], [stretch(2400, "quit")])
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.json")
                     if not is_witness(p.name))
    assert written == ["machines/desk/nudges/2026-11.json", "machines/laptop/nudges/2026-11.json"]
    for log in (desk, laptop):
        day = log.days(DAY, DAY)[DAY]
        assert (day.nudges, day.skipped, day.breaks, day.stretches, day.longest_s) == (
            2, 1, 1, 2, 2400)
    assert [n.answer for n in laptop.month("2026-11").nudges] == ["skip"]  # its own file


def test_a_conflict_copy_adds_what_its_file_lacks_and_nothing_twice(tmp_path):
    desk = NudgeLog(tmp_path, machine="desk")
    tmp_path.mkdir(exist_ok=True)
    desk.add([nudge("break")], [stretch(1500)])
    month = desk.folder / "2026-11.json"
    # The other side of a conflict: the same records and one the main file never got.
    other = desk.month("2026-11").model_copy(
        update={"nudges": (nudge("break"), nudge("snooze", 45))})
    copy = month.with_name("2026-11.sync-conflict-20261120-110000-ABCDEFG.json")
    copy.write_text(other.model_dump_json())
    (month.parent / ".2026-11.json.tmp").write_text("half a file")  # a sync tool's temp file
    day = desk.days(DAY, DAY)[DAY]
    assert (day.nudges, day.snoozed, day.breaks, day.stretches) == (2, 1, 1, 1)


def test_another_machines_unreadable_file_is_left_out_but_ours_is_an_error(tmp_path):
    desk, laptop = NudgeLog(tmp_path, machine="desk"), NudgeLog(tmp_path, machine="laptop")
    tmp_path.mkdir(exist_ok=True)
    desk.add([nudge("break")])
    laptop.add([nudge("skip", 30)])
    (tmp_path / "machines" / "laptop" / "nudges" / "2026-11.json").write_text("{half")
    assert desk.days(DAY, DAY)[DAY].nudges == 2  # its last whole write (witness.py) stands in
    with pytest.raises(StoreError, match="2026-11.json"):
        laptop.days(DAY, DAY)


def test_the_timer_is_each_machines_own(tmp_path):
    desk, laptop = NudgeLog(tmp_path, machine="desk"), NudgeLog(tmp_path, machine="laptop")
    tmp_path.mkdir(exist_ok=True)
    desk.save_timer(TimerState(since=AT, due=None, written_at=AT))
    assert desk.timer() is not None and laptop.timer() is None
