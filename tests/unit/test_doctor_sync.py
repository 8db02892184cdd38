"""`backcoach doctor` on a folder other machines (or other people) wrote: whose deletes hide what,
every file read or said why not, links never followed, a broken owner.json said in one line."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.history.transfer import export_json
from coach.core.storage.datafile import FileStorage
from coach.core.storage.store import Store
from tests.faults.test_sync import session

DAY = dt.date(2026, 11, 3)


def twenty(folder: Path) -> Store:
    store = Store(folder, machine="desk")
    store.open()
    store.import_sessions([session(n, DAY + dt.timedelta(days=n % 20), True) for n in range(20)])
    return store


def forge_deletes(folder: Path, machine: str, uuids: list[str], by: str | None = None) -> None:
    """A deletes file planted in a made-up machine folder (by: the machine it claims to be)."""
    mark = {"at": "2026-12-01T10:00:00+00:00", **({"by": by} if by else {})}
    FileStorage(folder / "machines" / machine / "deleted.json", "deleted").write(
        {"sessions": {uuid: mark for uuid in uuids}})


def doctor(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), "doctor", *args])


def test_forged_deletes_are_named_and_undone_by_restore(tmp_path, capsys):
    store = twenty(tmp_path)
    uuids = [r.uuid for r in store.sessions()]
    forge_deletes(tmp_path, "evil-t", uuids, by="desk")  # claims to be this machine: not believed
    assert store.sessions() == []
    assert doctor(tmp_path) == 0
    out = capsys.readouterr().out
    assert ("  evil-t deleted 20 sessions, the latest on 2026-12-01 10:00; "
            "`backcoach doctor --restore evil-t` brings them back") in out
    assert "desk deleted" not in out
    assert doctor(tmp_path, "--restore", "evil-t") == 0
    assert "brought back what evil-t deleted: 20 sessions and 0 routines" in capsys.readouterr().out
    assert len(Store(tmp_path, machine="laptop").sessions()) == 20
    assert doctor(tmp_path) == 0 and "deletes: none" in capsys.readouterr().out


def test_a_restore_outlasts_a_delete_dated_far_ahead(tmp_path, capsys):
    store = twenty(tmp_path)
    uuids = [r.uuid for r in store.sessions()]
    FileStorage(tmp_path / "machines" / "evil-t" / "deleted.json", "deleted").write(
        {"sessions": {u: {"at": "9999-12-31T00:00:00+00:00"} for u in uuids}})
    assert doctor(tmp_path, "--restore", "evil-t") == 0
    assert len(store.sessions()) == 20


def test_importing_a_deleted_session_brings_it_back_and_says_so(tmp_path, capsys):
    store = twenty(tmp_path)
    records = store.sessions()
    export = tmp_path / "export.json"
    export.write_text(export_json(records, dt.datetime.now(dt.UTC)))
    forge_deletes(tmp_path, "evil-t", [r.uuid for r in records])
    assert main(["--data-dir", str(tmp_path), "import", str(export)]) == 0
    out = capsys.readouterr().out.strip()
    assert out == "20 added (20 of them deleted before, now brought back), 0 already present"
    assert store.sessions() == records


@pytest.mark.parametrize("name", [
    "2026-12 (conflict 1).json",  # "(conflict N)"
    "2026-12 (1).json",  # Google Drive, Windows
    "2026-12 2.json",  # iCloud
    "2026-12.json (conflict on laptop 2026-12-01)",
])
def test_a_session_in_a_conflict_copy_of_any_tool_is_merged_and_listed(tmp_path, capsys, name):
    laptop = Store(tmp_path / "side", machine="laptop")
    laptop.save_session(session(101, dt.date(2026, 12, 1), True))
    target = tmp_path / "data" / "machines" / "laptop" / "sessions" / name
    target.parent.mkdir(parents=True)
    target.write_bytes(laptop.month_path("2026-12").read_bytes())
    twenty(tmp_path / "data")
    assert len(Store(tmp_path / "data", machine="desk").sessions()) == 21
    assert doctor(tmp_path / "data") == 0
    out = capsys.readouterr().out
    assert f"conflict copies found (merged, unless listed as unreadable below): 1\n" \
           f"  machines/laptop/sessions/{name}\n" in out


def test_every_file_not_read_is_listed_with_why(tmp_path, capsys):
    store = twenty(tmp_path)
    (store.home / "sessions" / "2026-11-desk.json").write_text("{}")
    (store.home / "notes.txt").write_text("mine")
    (store.home / "sessions" / "2026-11.json~").write_text("{}")
    assert doctor(tmp_path) == 0
    out = capsys.readouterr().out
    section = out.split("other files, not read: ")[1].split("files it could not read")[0]
    assert section.startswith("3\n")
    for name in ("sessions/2026-11-desk.json", "notes.txt", "sessions/2026-11.json~"):
        assert f"  machines/desk/{name}: a name backcoach does not write" in section


def test_the_nudgers_files_are_its_own_not_strangers(tmp_path, capsys):
    """The sitting clock, its presence lock and the reminders are files backcoach writes."""
    assert main(["--data-dir", str(tmp_path), "remind", "after-work", "18:30", "mon"]) == 0
    [reminders] = (tmp_path / "machines").glob("*/nudges/reminders.json")
    nudges = reminders.parent
    (nudges / "timer.json").write_text("{}")
    (nudges / "clock.alive").write_text("")
    capsys.readouterr()
    assert doctor(tmp_path) == 0
    assert "other files, not read: none" in capsys.readouterr().out


def test_links_are_listed_never_followed(tmp_path, capsys):
    store = twenty(tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    other = Store(outside, machine="laptop")
    other.save_session(session(77, DAY, True))
    machines = tmp_path / "machines"
    machines.mkdir(exist_ok=True)
    os.symlink(other.home, machines / "laptop")  # a machine folder, linked
    os.symlink("/usr", machines / "usr")
    (machines / "third" / "sessions").mkdir(parents=True)
    os.symlink(tmp_path / "gone.json", machines / "third" / "sessions" / "2026-11.json")
    os.symlink(other.month_path("2026-11"), machines / "third" / "sessions" / "2026-10.json")
    assert len(Store(tmp_path, machine="desk").sessions()) == 20  # nothing from outside
    assert len(store.sessions()) == 20
    assert doctor(tmp_path) == 0
    out = capsys.readouterr().out
    for link in ("machines/laptop", "machines/usr", "machines/third/sessions/2026-11.json",
                 "machines/third/sessions/2026-10.json"):
        assert f"  {link}: a link: never followed" in out
    assert "usr:" not in out.split("machines that have written here:")[1].split("delete")[0]


@pytest.mark.parametrize("content", ["garbage", "[]", '{"machine_id": 5}', '{"machine_id": "../x"}'])
def test_a_broken_owner_file_is_one_line_and_exit_2(tmp_path, capsys, content):
    store = twenty(tmp_path)
    (tmp_path / "owner.json").write_text(content)
    assert doctor(tmp_path) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"backcoach: {tmp_path / 'owner.json'}: ") and err.count("\n") == 1
    assert "correct it, or remove" in err
    assert len(store.sessions()) == 20  # nothing in it is needed: no top files to own
    assert (tmp_path / "owner.json").read_text() == content
