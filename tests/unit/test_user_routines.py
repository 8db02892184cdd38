"""The user's own routines: kept in the store, merged into the library, exported and imported."""

from __future__ import annotations

import datetime as dt
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.content.loading import ContentError, Library, user_routine_info, with_user_routines
from coach.core.content.models import DosingChange, Routine, Step
from coach.core.content.routine_files import routine_to_toml
from coach.core.session.records import SessionRecord
from coach.core.storage.datafile import SCHEMA_VERSION
from coach.core.storage.store import Store, StoreError

ROUTINES = Path(__file__).parent.parent / "data" / "routines"
UTC = dt.UTC


def routine(id: str = "my-desk", name: str = "My desk", *exercises: str, **changes) -> Routine:
    steps = tuple(Step(exercise=e) for e in exercises or ("cobra", "standing-back-arch"))
    return Routine(id=id, name=name, steps=steps, **changes)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "data")
    store.open()
    return store


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under folder: bytes and mode, to show nothing at all changed."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (p.read_bytes(), stat.S_IMODE(p.stat().st_mode))
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# -- the store -----------------------------------------------------------------------------------


def test_no_routines_reads_as_empty_and_creates_nothing(tmp_path: Path):
    folder = tmp_path / "data"
    assert Store(folder).user_routines() == []
    assert not folder.exists()


def test_save_list_replace_delete(store: Store):
    desk = routine("my-desk", "My desk", description="At work.")
    evening = Routine(
        id="evening",
        name="evening stretch",
        sources=("000",),
        steps=(
            Step(exercise="cobra", dosing=DosingChange(sets=2), rest_after_s=5),
            Step(exercise="standing-back-arch", dosing_from="004"),
        ),
    )
    store.save_routine(desk)
    store.save_routine(evening)
    assert store.user_routines() == [evening, desk]  # by name, ignoring case
    assert Store(store.folder).user_routines() == [evening, desk]  # from disk, by a second copy

    renamed = desk.model_copy(update={"name": "A desk"})
    store.save_routine(renamed)  # upsert by id
    assert store.user_routines() == [renamed, evening]

    store.delete_routine("evening")
    assert store.user_routines() == [renamed]
    store.delete_routine("evening")  # already gone: nothing to do
    store.delete_routine("my-desk")
    assert store.user_routines() == []


def test_routines_file_is_private_versioned_and_atomic(store: Store):
    store.save_routine(routine())
    path = store.home / "routines.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_bytes())
    assert data["meta"] == {"1": {"schema": SCHEMA_VERSION}}
    assert list(data["routines"]) == ["my-desk"]
    assert not list(store.folder.glob(".*.tmp"))  # the temp file was renamed into place


def test_open_refuses_a_corrupt_routines_file_and_leaves_it(tmp_path: Path):
    store = Store(tmp_path / "data")
    store.open()
    store.save_routine(routine())
    path = store.home / "routines.json"
    path.write_bytes(path.read_bytes()[:40])
    before = path.read_bytes()
    with pytest.raises(StoreError, match="routines.json: is not valid JSON"):
        Store(store.folder).open()
    with pytest.raises(StoreError):
        store.user_routines()
    assert path.read_bytes() == before


def test_open_refuses_a_routine_that_is_not_one(store: Store):
    path = store.home / "routines.json"
    doc = {"id": "my-desk", "name": "My desk", "steps": []}
    path.write_text(json.dumps({"meta": {"1": {"schema": 1}}, "routines": {"my-desk": doc}}))
    with pytest.raises(StoreError, match=r"routine my-desk: steps: needs at least 1 item"):
        Store(store.folder).open()
    doc = routine("other").model_dump(mode="json")
    path.write_text(json.dumps({"meta": {"1": {"schema": 1}}, "routines": {"my-desk": doc}}))
    with pytest.raises(StoreError, match="routine my-desk says its id is other"):
        store.user_routines()


def test_open_refuses_a_routines_file_from_a_newer_backcoach(store: Store):
    path = store.home / "routines.json"
    path.write_text('{"meta": {"1": {"schema": 99}}, "routines": {}}')
    with pytest.raises(StoreError, match="newer backcoach"):
        Store(store.folder).open()


def test_routines_leave_sessions_alone(store: Store):
    day = dt.date(2026, 11, 3)
    record = SessionRecord(
        routine_id="my-desk",
        routine_name="My desk",
        started_at=dt.datetime(2026, 11, 3, 8, tzinfo=UTC),
        zone="UTC",
        day=day,
    )
    store.save_session(record)
    store.save_routine(routine())
    store.delete_routine("my-desk")
    assert store.sessions() == [record]


# -- the library ---------------------------------------------------------------------------------


def test_user_routine_info_plans_it(library: Library):
    info = user_routine_info(routine(), library.exercises)
    assert info.builtin is False
    assert [s.exercise.id for s in info.steps] == ["cobra", "standing-back-arch"]
    assert info.seconds > 0 and "prone" in info.positions


def test_user_routine_info_names_an_unknown_exercise(library: Library):
    with pytest.raises(ContentError) as caught:
        user_routine_info(routine("x", "Broken", "cobra", "moonwalk"), library.exercises)
    assert caught.value.problems == [
        "your routine 'Broken': steps[1].exercise: no exercise 'moonwalk'; "
        "see `backcoach exercises` for the ids"
    ]


def test_with_user_routines_keeps_the_valid_ones_and_reports_a_broken_one(library: Library):
    good = routine("a-good", "A good one")
    broken = routine("broken", "Broken", "moonwalk", "cobra", "hula")
    other = routine("z-good", "Z good")
    merged, problems = with_user_routines(library, [good, broken, other])
    assert problems == [
        "your routine 'Broken': steps[0].exercise: no exercise 'moonwalk'; "
        "see `backcoach exercises` for the ids (and 1 more)"
    ]
    assert list(merged.routines) == [*library.routines, "a-good", "z-good"]
    assert [merged.routines[k].builtin for k in ("a-good", "z-good", "desk-five")] == [
        False,
        False,
        True,
    ]
    assert merged.exercises is library.exercises and merged.safety is library.safety
    assert all(info.builtin for info in library.routines.values())  # the input is untouched


def test_with_user_routines_again_gives_the_current_set(library: Library):
    once, _ = with_user_routines(library, [routine("a"), routine("b", "Bee")])
    twice, problems = with_user_routines(once, [routine("b", "Bee")])  # "a" was deleted
    assert problems == [] and list(twice.routines) == [*library.routines, "b"]


def test_a_user_routine_with_a_built_in_id_is_reported_not_swapped_in(library: Library):
    merged, problems = with_user_routines(library, [routine("desk-five", "Mine")])
    assert merged.routines["desk-five"] == library.routines["desk-five"]
    assert problems == [
        "your routine 'Mine': id: 'desk-five' is also a built-in; "
        "export it and import it again to give it a new id"
    ]


# -- the command line ----------------------------------------------------------------------------


def test_routines_lists_mine_marked(capsys, data_dir: Path, library: Library):
    Store(data_dir).save_routine(routine())
    assert main(["routines"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(library.routines) + 2
    assert "MINE" in lines[0]
    [mine] = [line for line in lines if line.startswith("my-desk ")]
    assert "yes" in mine
    assert "yes" not in next(line for line in lines if line.startswith("desk-five "))

    assert main(["routines", "--json"]) == 0
    listed = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["my-desk"]["builtin"] is False and listed["desk-five"]["builtin"] is True
    assert [s["exercise"] for s in listed["my-desk"]["steps"]] == ["cobra", "standing-back-arch"]


def test_routines_lists_the_rest_when_one_is_broken(capsys, data_dir: Path, library: Library):
    Store(data_dir).save_routine(routine())
    Store(data_dir).save_routine(routine("broken", "Broken", "moonwalk"))
    assert main(["routines", "--json"]) == 0
    captured = capsys.readouterr()
    assert {r["id"] for r in json.loads(captured.out)} == {*library.routines, "my-desk"}
    assert captured.err == (
        "backcoach: your routine 'Broken': steps[0].exercise: no exercise 'moonwalk'; "
        "see `backcoach exercises` for the ids\n"
    )


def test_export_a_built_in_to_stdout(capsys, data_dir: Path, library: Library):
    assert main(["routines", "export", "after-work"]) == 0
    text = capsys.readouterr().out
    assert text == routine_to_toml(library.routines["after-work"].routine)
    assert not data_dir.exists()


def test_export_then_import_into_a_fresh_data_dir(capsys, tmp_path: Path, library: Library):
    mine = routine("my-desk", "My desk", description='"Quoted"\nand two lines', sources=("003",))
    Store(tmp_path / "one").save_routine(mine)
    out = tmp_path / "my-desk.toml"
    argv = ["--data-dir", str(tmp_path / "one"), "routines", "export", "my-desk", "--output"]
    assert main([*argv, str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # written atomically, like every file
    assert main(["--data-dir", str(tmp_path / "two"), "routines", "import", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "imported 'My desk' as my-desk"
    assert Store(tmp_path / "two").user_routines() == [mine]


def test_an_imported_built_in_gets_a_new_id_once_renamed(
    capsys, data_dir: Path, tmp_path: Path, library: Library
):
    assert main(["routines", "export", "desk-five"]) == 0
    text = capsys.readouterr().out.replace('name = "Five desk stretches"', 'name = "My five"')
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["routines", "import", str(path)]) == 0
    assert capsys.readouterr().out == "imported 'My five' as my-five\n"
    [stored] = Store(data_dir).user_routines()
    built_in = library.routines["desk-five"].routine
    assert stored == built_in.model_copy(update={"id": "my-five", "name": "My five"})


def test_importing_a_taken_id_with_a_new_name_keeps_both(capsys, data_dir: Path, tmp_path: Path):
    store = Store(data_dir)
    store.save_routine(routine("my-desk", "My desk"))
    path = tmp_path / "mine.toml"
    path.write_text(routine_to_toml(routine("my-desk", "Other desk")), encoding="utf-8")
    assert main(["routines", "import", str(path)]) == 0
    assert capsys.readouterr().out == "imported 'Other desk' as other-desk\n"
    assert [r.id for r in store.user_routines()] == ["my-desk", "other-desk"]


def test_importing_the_same_file_twice_is_a_name_clash(capsys, data_dir: Path):
    path = str(ROUTINES / "good.toml")
    assert main(["routines", "import", path]) == 0
    assert main(["routines", "import", path]) == 2
    assert capsys.readouterr().err == (
        f"backcoach: {path}: name: a routine called 'My \"evening\" mix' exists; "
        "rename it in the file\n"
    )


BAD_FILES = {
    "unknown-exercise.toml": "steps[1].exercise: no exercise 'moonwalk'; "
    "see `backcoach exercises` for the ids",
    "zero-hold.toml": "steps[0].dosing.hold_s: must be a positive number of seconds, got 0",
    "too-many-sets.toml": "steps[0].dosing.sets: must be at most 10, got 500",
    "name-clash.toml": "name: a routine called 'five desk stretches' exists; rename it in the file",
    "malformed.toml": "not valid TOML: Illegal character '\\n' (at line 2, column 22)",
    "empty.toml": "steps: needs at least 1 item(s)",
    "unknown-field.toml": "colour: is not a known field; remove it or fix its spelling",
}


@pytest.fixture
def lived_in(data_dir: Path) -> Path:
    """A data folder with a session, settings and one routine of the user's."""
    store = Store(data_dir)
    store.open()
    store.save_settings(store.settings().model_copy(update={"bell": False}))
    store.save_session(
        SessionRecord(
            routine_id="desk-five",
            routine_name="Five desk stretches",
            started_at=dt.datetime(2026, 11, 3, 8, tzinfo=UTC),
            zone="UTC",
            day=dt.date(2026, 11, 3),
        )
    )
    store.save_routine(routine())
    return data_dir


@pytest.mark.parametrize("fixture", sorted(BAD_FILES))
def test_a_bad_file_exits_2_and_changes_nothing(capsys, lived_in: Path, fixture: str):
    before = snapshot(lived_in)
    path = str(ROUTINES / fixture)
    assert main(["routines", "import", path]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"backcoach: {path}: {BAD_FILES[fixture]}\n"
    assert captured.out == ""
    assert snapshot(lived_in) == before


@pytest.mark.parametrize("fixture", ["unknown-exercise.toml", "malformed.toml"])
def test_a_bad_file_into_no_data_dir_creates_nothing(capsys, data_dir: Path, fixture: str):
    assert main(["routines", "import", str(ROUTINES / fixture)]) == 2
    assert not data_dir.exists()


def test_several_problems_are_one_line(capsys, data_dir: Path, tmp_path: Path):
    path = tmp_path / "empty.toml"
    path.write_text("", encoding="utf-8")
    assert main(["routines", "import", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"backcoach: {path}: id: is missing; add it (and 2 more problems)\n"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "{path}: no such file; check the path"),
        (b"\xff\xfe id", "{path}: not UTF-8 text; save it as UTF-8"),
    ],
)
def test_an_unreadable_file_is_one_line(capsys, data_dir, tmp_path, content, expected):
    path = tmp_path / "mine.toml"
    if content is not None:
        path.write_bytes(content)
    assert main(["routines", "import", str(path)]) == 2
    assert capsys.readouterr().err == f"backcoach: {expected.format(path=path)}\n"
    assert main(["routines", "import", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert not data_dir.exists()


def test_a_file_with_a_bom_imports(capsys, data_dir: Path, tmp_path: Path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (ROUTINES / "good.toml").read_bytes())
    assert main(["routines", "import", str(path)]) == 0


def test_export_of_an_unknown_id_is_one_line(capsys, data_dir: Path):
    assert main(["routines", "export", "nope"]) == 2
    assert capsys.readouterr().err == (
        "backcoach: routines export: no routine 'nope'; `backcoach routines` lists the ids\n"
    )


def test_export_of_a_broken_user_routine_still_works(capsys, data_dir: Path):
    broken = routine("broken", "Broken", "moonwalk")
    Store(data_dir).save_routine(broken)
    assert main(["routines", "export", "broken"]) == 0
    assert capsys.readouterr().out == routine_to_toml(broken)


def test_a_broken_store_is_one_line(capsys, data_dir: Path):
    Store(data_dir).home.mkdir(parents=True)
    (Store(data_dir).home / "routines.json").write_text("{", encoding="utf-8")
    for argv in (["routines"], ["routines", "import", str(ROUTINES / "good.toml")]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"backcoach: {Store(data_dir).home / 'routines.json'}: is not valid JSON")
        assert err.count("\n") == 1
    assert (Store(data_dir).home / "routines.json").read_text(encoding="utf-8") == "{"


def test_the_real_command_exits_2_without_a_traceback(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "coach", "--data-dir", str(tmp_path / "d"), "routines", "import",
         str(ROUTINES / "zero-hold.toml")],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "d").exists()
