"""The counting rule itself, its wording, and summaries an older backcoach made."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from coach.core.session.counting import (
    NOT_COUNTED,
    Counts,
    DayCount,
    counts_of,
    doc_counts,
    record_counts,
    sessions_text,
)
from coach.core.storage.store import Store
from tests.faults.test_sync import session

DAY = dt.date(2026, 11, 3)


@pytest.mark.parametrize(("routine", "steps", "keeps", "expected"), [
    ("desk-five", [("done", 60)], True, Counts(True, False, True)),
    ("desk-five", [("skipped", 0)], True, NOT_COUNTED),  # opened and left: kept, not counted
    ("desk-five", [("skipped", 4)], True, Counts(True, False, False)),  # time, no step done
    ("micro-break", [("done", 80)], False, Counts(True, True, False)),  # kept out of the streak
    ("micro-break", [("partial", 30)], True, Counts(True, True, True)),
    ("micro-break", [], True, NOT_COUNTED),
])
def test_the_rule(routine, steps, keeps, expected):
    assert counts_of(routine, steps, keeps) == expected


def test_a_stored_document_and_its_record_count_alike():
    record = session(1, DAY, True).model_copy(update={"routine_id": "micro-break",
                                                      "counts_for_streak": False})
    assert doc_counts(record.model_dump(mode="json")) == record_counts(record)
    assert doc_counts({"steps": "not a list"}) == NOT_COUNTED
    assert doc_counts({"routine_id": "x", "steps": [{"outcome": "done", "seconds": True}]}) \
        == NOT_COUNTED  # a boolean is no number of seconds


@pytest.mark.parametrize(("sessions", "breaks", "text"), [
    (0, 0, "0 sessions"),
    (1, 0, "1 session"),
    (1, 1, "1 session, a stand-up break"),
    (2, 1, "2 sessions, 1 of them a stand-up break"),
    (3, 2, "3 sessions, 2 of them stand-up breaks"),
    (2, 2, "2 sessions, all stand-up breaks"),
])
def test_the_wording_says_which_is_which(sessions, breaks, text):
    assert sessions_text(sessions, breaks) == text


def test_summaries_an_older_backcoach_made_are_counted_afresh(tmp_path):
    """Day summaries of [sessions, seconds] (rule 2) counted only streak sessions: a reader
    without open() counts by today's rule, and open() rewrites them."""
    store = Store(tmp_path, machine="desk")
    store.open()
    store.save_session(session(1, DAY, True))
    store.save_session(session(2, DAY, True).model_copy(update={
        "routine_id": "micro-break", "counts_for_streak": False}))
    fresh = store.day_counts()
    assert fresh == {DAY: DayCount(2, 63, 1, 1)}
    # This machine's summaries, in its own folder (machines/desk/) since each machine has one.
    days_file, totals_file = store.home / "days" / "2026.json", store.home / "totals" / "2026.json"
    days, totals = json.loads(days_file.read_text()), json.loads(totals_file.read_text())
    days["months"]["2026-11"] = {DAY.isoformat(): [1, 31]}  # as the older rule counted
    totals["totals"]["2026-11"]["rule"] = 2
    totals["totals"]["2026-11"]["days"] = days["months"]["2026-11"]
    days_file.write_text(json.dumps(days))
    totals_file.write_text(json.dumps(totals))
    assert Store(tmp_path, machine="desk").day_counts() == fresh
    Store(tmp_path, machine="desk").open()
    assert json.loads(days_file.read_text())["months"]["2026-11"] == {DAY.isoformat(): [2, 63, 1, 1]}
