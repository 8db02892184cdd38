"""A change made after seeing another machine's wins over it, whatever either clock says
(issue 19, "clock skew hides changes"); `settings set` reports only what it kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.content.models import Routine
from coach.core.settings.model import Settings
from coach.core.storage.stamps import NEVER, next_mark, stamp_of
from coach.core.storage.store import Store
from tests.faults.test_sync import session

A_YEAR = dt.timedelta(days=365)
DAY = dt.date(2026, 11, 20)


def skewed(path: Path, table: str, key: str, keep_n: bool) -> None:
    """Move a mark in a store file a year ahead, as a machine with a wrong clock wrote it
    (with only its wall time, as a backcoach before stamps did, unless keep_n)."""
    doc = json.loads(path.read_text())
    ahead = dt.datetime.now(dt.UTC) + A_YEAR
    mark = doc[table][key]
    mark["at"] = ahead.isoformat()
    if keep_n:  # this backcoach with a clock ahead: its logical time is that clock's
        mark["hlc"] = mark["at"]
    else:
        mark.pop("hlc", None)
        mark.pop("n", None)
    path.write_text(json.dumps(doc))


def values(capsys) -> dict[str, str]:
    capsys.readouterr()
    assert main(["settings"]) == 0
    return {line.split()[0]: line.split()[1] for line in capsys.readouterr().out.splitlines()}


@pytest.mark.parametrize("keep_n", [False, True])
def test_settings_set_wins_over_another_machines_clock_a_year_ahead(data_dir, capsys, keep_n):
    assert main(["settings", "set", "bell", "off"]) == 0  # this machine takes the top files
    laptop = Store(data_dir, machine="laptop")
    laptop.save_settings(Settings(nudge_minutes=45))
    skewed(laptop.settings_path, "saved", "1", keep_n)
    assert laptop.settings_path.is_relative_to(data_dir / "machines")
    assert values(capsys)["nudge_minutes"] == "45"  # the laptop's, saved later
    assert main(["settings", "set", "nudge_minutes", "20"]) == 0
    assert capsys.readouterr().out == "nudge_minutes = 20\n"
    assert values(capsys)["nudge_minutes"] == "20"
    assert laptop.settings().nudge_minutes == 20  # every machine agrees


def test_settings_set_never_reports_a_value_it_did_not_keep(data_dir, capsys, monkeypatch):
    monkeypatch.setattr(Store, "save_settings", lambda self, settings: None)  # lost on the way
    assert main(["settings", "set", "nudge_minutes", "20"]) == 2
    out, err = capsys.readouterr()
    assert "nudge_minutes = 20" not in out and "not kept; the settings in use are still the defaults" in err
    assert values(capsys)["nudge_minutes"] == "30"


def routine(name: str) -> Routine:
    return Routine.model_validate({"id": "mine", "name": name, "steps": [{"exercise": "cat-cow"}]})


def test_a_routine_edited_after_a_skewed_save_or_delete_is_the_one_in_use(tmp_path):
    desk, laptop = Store(tmp_path, machine="desk"), Store(tmp_path, machine="laptop")
    desk.save_routine(routine("Mine"))
    laptop.save_routine(routine("Laptop's"))
    skewed(laptop.routines_path, "saved", "mine", keep_n=False)
    desk.save_routine(routine("Edited on the desk"))  # after seeing the laptop's
    assert [r.name for r in laptop.user_routines()] == ["Edited on the desk"]
    laptop.delete_routine("mine")
    skewed(laptop.deleted_path, "routines", "mine", keep_n=True)
    assert desk.user_routines() == []
    desk.save_routine(routine("Back again"))  # saved after the delete was seen: it is back
    assert [r.name for r in laptop.user_routines()] == ["Back again"]
    desk.delete_routine("mine")
    assert laptop.user_routines() == []


def test_a_session_saved_after_its_delete_comes_back_though_the_clock_went_back(tmp_path):
    desk = Store(tmp_path, machine="desk")
    record = session(1, DAY, True)
    desk.save_session(record)
    desk.delete_session(record.uuid)
    skewed(desk.deleted_path, "sessions", record.uuid, keep_n=False)  # the clock was ahead then
    desk.save_session(record)
    assert [r.uuid for r in desk.sessions()] == [record.uuid]


def test_stamps_order_changes_by_what_was_seen_and_distrust_odd_marks():
    now = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    ahead = stamp_of({"at": (now + A_YEAR).isoformat()})
    after = stamp_of(next_mark([ahead], now))
    assert after > ahead and after[0] == ahead[0]
    assert stamp_of(next_mark([stamp_of({"at": "2020-01-01T00:00:00+00:00"})], now)) == (now, 0)
    for odd in ({"at": "zzzz"}, {"at": 5}, [], {"at": "2026-01-01", "n": True}):
        assert stamp_of(odd)[0] == NEVER[0] or stamp_of(odd)[1] == 0
