"""Unsaved sessions survive in a side file and come back."""

from __future__ import annotations

import datetime as dt

from coach.core.session.records import SessionRecord
from coach.core.storage.recovery import Recovery


def record(n: int = 0) -> SessionRecord:
    start = dt.datetime(2026, 11, 20, 8, n, tzinfo=dt.UTC)
    return SessionRecord(routine_id="r", routine_name="R [/]", started_at=start, zone="UTC",
                         day=start.date(), status="stopped")


def test_kept_sessions_come_back_oldest_first_and_go_when_forgotten(tmp_path):
    recovery = Recovery(tmp_path / "data", tmp_path / "fallback")
    second, first = record(5), record(1)
    assert recovery.keep(second) is not None and recovery.keep(first) is not None
    assert [r.uuid for r in recovery.pending()] == [first.uuid, second.uuid]
    recovery.forget(first.uuid)
    assert [r.uuid for r in recovery.pending()] == [second.uuid]


def test_a_data_folder_that_cannot_be_written_falls_back(tmp_path):
    data = tmp_path / "data"
    data.write_text("a file where the folder should be")  # fails for root too, unlike chmod
    recovery = Recovery(data, tmp_path / "fallback")
    path = recovery.keep(record())
    assert path is not None and path.parent == tmp_path / "fallback"
    assert len(recovery.pending()) == 1


def test_a_damaged_side_file_is_skipped_not_fatal(tmp_path):
    recovery = Recovery(tmp_path / "data", tmp_path / "fallback")
    (tmp_path / "fallback").mkdir()
    (tmp_path / "fallback" / "x.json").write_text("{not json")
    assert recovery.pending() == []
