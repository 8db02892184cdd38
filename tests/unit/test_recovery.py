"""Unsaved sessions survive in a side file and come back: per data folder, in the user's own
private folder, and read back as untrusted input."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile

from coach.core.session.records import SessionRecord
from coach.core.storage import private
from coach.core.storage.recovery import FOLDER, Recovery, default_roots, newer, offer_question


def record(n: int = 0, revision: int = 0) -> SessionRecord:
    start = dt.datetime(2026, 11, 20, 8, n, tzinfo=dt.UTC)
    return SessionRecord(routine_id="r", routine_name="R [/]", started_at=start, zone="UTC",
                         day=start.date(), status="stopped", revision=revision,
                         uuid=f"00000000-0000-4000-8000-{n:012d}")


def test_kept_sessions_come_back_oldest_first_and_go_when_forgotten(tmp_path):
    recovery = Recovery(tmp_path / "data", tmp_path / "state")
    second, first = record(5), record(1)
    assert recovery.keep(second) is not None and recovery.keep(first) is not None
    assert [r.uuid for r in recovery.pending()] == [first.uuid, second.uuid]
    recovery.forget(first.uuid)
    assert [r.uuid for r in recovery.pending()] == [second.uuid]


def test_a_later_revision_is_never_replaced_or_forgotten_by_an_earlier_one(tmp_path):
    recovery = Recovery(tmp_path / "data", tmp_path / "state")
    recovery.keep(record(1, revision=3))
    recovery.keep(record(1, revision=2))  # a retry of an older copy, failing again
    assert [r.revision for r in recovery.pending()] == [3]
    recovery.forget(record(1).uuid, up_to=2)  # revision 2 was stored: 3 is still to save
    assert [r.revision for r in recovery.pending()] == [3]
    recovery.forget(record(1).uuid, up_to=3)
    assert recovery.pending() == []


def test_a_root_that_cannot_be_written_falls_back_to_the_next(tmp_path):
    (tmp_path / "state").write_text("a file where the folder should be")
    recovery = Recovery(tmp_path / "data", tmp_path / "state", tmp_path / "runtime")
    path = recovery.keep(record())
    assert path is not None and path.is_relative_to(tmp_path / "runtime")
    assert len(recovery.pending()) == 1


def test_a_session_kept_for_one_data_folder_is_never_offered_in_another(tmp_path):
    x = tmp_path / "x"
    x.write_text("a data folder that cannot be written")
    assert Recovery(x, tmp_path / "state").keep(record()) is not None
    assert Recovery(tmp_path / "y", tmp_path / "state").pending() == []
    assert len(Recovery(x, tmp_path / "state").pending()) == 1
    # The same folder by another path is the same folder.
    (tmp_path / "link").symlink_to(tmp_path)
    assert len(Recovery(tmp_path / "link" / "x", tmp_path / "state").pending()) == 1


def test_the_default_place_is_the_users_state_folder_never_a_shared_temp_one(tmp_path,
                                                                              monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert default_roots() == [tmp_path / "state" / "backcoach"]
    # A planted shared folder, as the old fallback used, is neither written nor read.
    planted = os.path.join(tempfile.gettempdir(), f"backcoach-{os.getuid()}-recovery")
    before = set(os.listdir(planted)) if os.path.isdir(planted) else None
    path = Recovery(tmp_path / "data").keep(record())
    assert path is not None and path.is_relative_to(tmp_path / "state" / "backcoach")
    assert (set(os.listdir(planted)) if os.path.isdir(planted) else None) == before
    folder = tmp_path / "state" / "backcoach"
    for level in (folder, folder / FOLDER, path.parent):
        assert stat.S_IMODE(level.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_link_to_someone_elses_open_folder_is_never_followed(tmp_path):
    evil = tmp_path / "evil"
    evil.mkdir(mode=0o777)
    evil.chmod(0o777)
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "backcoach").symlink_to(evil)
    x = tmp_path / "x"
    x.write_text("a data folder that cannot be written")
    assert Recovery(x, tmp_path / "state" / "backcoach").keep(record()) is None
    assert list(evil.iterdir()) == []


def test_another_users_folder_is_refused_and_a_loose_one_of_ours_made_private(
        tmp_path, monkeypatch):
    root = tmp_path / "state"
    root.mkdir(mode=0o777)
    root.chmod(0o777)
    recovery = Recovery(tmp_path / "data", root)
    assert recovery.keep(record()) is not None
    assert stat.S_IMODE(root.stat().st_mode) == 0o700  # ours: made private
    mine = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: mine + 1)  # as if the folder were someone else's
    assert recovery.pending() == [] and recovery.keep(record(2)) is None


def test_side_files_are_untrusted_input(tmp_path):
    recovery = Recovery(tmp_path / "data", tmp_path / "state")
    good = record(1)
    path = recovery.keep(good)
    assert path is not None
    folder = path.parent
    (folder / "x.json").write_text("{not json")
    os.mkfifo(folder / "fifo.json")  # would hang a plain read
    (folder / "zero.json").symlink_to("/dev/zero")  # would fill the memory
    (folder / "big.json").write_bytes(b" " * (private.MAX_BYTES + 1))
    other = record(2)
    # A valid session filed under another session's name: not taken for either.
    (folder / f"{record(3).uuid}.json").write_text(other.model_dump_json())
    hostile = record(4).model_dump_json().replace('"R [/]"', '"R\\u001b[2J"')  # not as typed
    (folder / f"{record(4).uuid}.json").write_text(hostile)
    assert recovery.pending() == [good]


def test_only_a_later_copy_is_newer_and_the_question_says_what_differs():
    stored = record(1, revision=2)
    assert not newer(record(1, revision=1), stored) and not newer(stored, stored)
    assert newer(record(1, revision=3), stored) and newer(record(1), None)
    # Copies made before revisions: the finished one is the later.
    assert newer(stored.model_copy(update={"revision": 0}),
                 stored.model_copy(update={"revision": 0, "status": "in progress"}))
    offers = [(record(n, revision=2), record(n, revision=1) if n % 2 else None) for n in range(5)]
    question, yes = offer_question(offers)
    assert yes == "save them" and question.startswith("5 sessions could not be saved")
    assert "R [/], 2026-11-20: stopped, 0 steps (not in your history)" in question
    assert "(your history has: stopped, 0 steps)" in question and "and 2 more" in question
    assert offer_question(offers[:1])[1] == "save it"
