"""A routine as a TOML file: written like content/routines/, read back checked."""

from __future__ import annotations

import random
import re
import tomllib
from pathlib import Path

import pytest

from coach.core.content.loading import ContentError, Library
from coach.core.content.models import DosingChange, Routine, Step
from coach.core.content.routine_files import new_routine_id, routine_from_toml, routine_to_toml
from coach.core.text import STORED
from coach.paths import content_dir

ROUTINES = Path(__file__).parent.parent / "data" / "routines"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # Routine.id's pattern


def shipped_ids() -> list[str]:
    return sorted(p.stem for p in (content_dir() / "routines").glob("*.toml"))


def problems(text: str, library: Library, taken: set[str] | None = None) -> list[str]:
    with pytest.raises(ContentError) as caught:
        routine_from_toml(text, "mine.toml", library, taken or set())
    return caught.value.problems


# -- writing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("routine_id", shipped_ids())
def test_every_shipped_routine_round_trips(library: Library, routine_id: str):
    routine = library.routines[routine_id].routine
    assert Routine.model_validate(tomllib.loads(routine_to_toml(routine))) == routine


@pytest.mark.parametrize("routine_id", shipped_ids())
def test_written_like_the_shipped_files(library: Library, routine_id: str):
    # Same keys, order and layout as the file an author wrote; only its comments are lost.
    shipped = (content_dir() / "routines" / f"{routine_id}.toml").read_text(encoding="utf-8")
    without_comments = "".join(re.sub(r"\s+#.*", "", line) for line in shipped.splitlines(True))
    assert routine_to_toml(library.routines[routine_id].routine) == without_comments


def test_a_step_writes_only_what_it_changes():
    routine = Routine(
        id="mine",
        name="Mine",
        steps=(
            Step(exercise="cobra"),
            Step(
                exercise="standing-back-arch",
                dosing_from="004",
                dosing=DosingChange(sets=2, per_side=False, mode="hold"),
                rest_after_s=0,
            ),
        ),
    )
    assert routine_to_toml(routine) == (
        'id = "mine"\n'
        'name = "Mine"\n'
        'description = ""\n'
        "\n"
        "[[steps]]\n"
        'exercise = "cobra"\n'
        "\n"
        "[[steps]]\n"
        'exercise = "standing-back-arch"\n'
        'dosing_from = "004"\n'
        'dosing = { mode = "hold", sets = 2, per_side = false }\n'
        "rest_after_s = 0\n"
    )


def test_an_empty_dosing_change_round_trips():
    routine = Routine(id="mine", name="Mine", steps=(Step(exercise="cobra", dosing=DosingChange()),))
    assert "dosing = {}" in routine_to_toml(routine)
    assert Routine.model_validate(tomllib.loads(routine_to_toml(routine))) == routine


TRICKY = [
    'say "hi"',
    "back\\slash \\n not a newline",
    "tab\there, newline\nthere, return\r",
    "bell\a escape\x1b del\x7f nul\x00 c1\x85",
    "ünïcödé — 背中 🧘 \u2028 line separator",
    "'''triple''' \"\"\"quotes\"\"\"",
    "# not a comment = [not, a, table]",
]


def stored(**fields) -> Routine:
    # Controls are refused in new routines, but one stored before that must still export.
    return Routine.model_validate(fields | {"steps": [{"exercise": "x"}]}, context=STORED)


@pytest.mark.parametrize("text", TRICKY)
def test_strings_are_escaped(text: str):
    routine = stored(id="mine", name=text[:40].ljust(2, "x"), description=text)
    written = routine_to_toml(routine)
    assert Routine.model_validate(tomllib.loads(written), context=STORED) == routine
    assert written.count("\n") == 6  # nothing inside a string breaks a line


def test_random_strings_round_trip():
    rng = random.Random(20261121)
    alphabet = [chr(c) for c in range(0, 0x250)] + list("背中🧘\u2028\u2029\ufeff\"'\\")
    for _ in range(300):
        description = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
        name = "".join(rng.choice(alphabet) for _ in range(rng.randrange(2, 40)))
        routine = stored(id="r", name=name, description=description)
        assert Routine.model_validate(tomllib.loads(routine_to_toml(routine)), context=STORED) == routine


# -- reading -------------------------------------------------------------------------------------


def test_a_good_file_reads(library: Library):
    text = (ROUTINES / "good.toml").read_text(encoding="utf-8")
    routine = routine_from_toml(text, "good.toml", library, {"Five desk stretches"})
    assert routine.name == 'My "evening" mix'
    assert routine.description == "Roll out, then arch.\nKeep it gentle; stop if it hurts."
    assert routine.steps[1].dosing_from == "004"
    assert routine.steps[2].dosing == DosingChange(sets=2, rest_s=15)
    # and what it writes reads back the same
    assert routine_from_toml(routine_to_toml(routine), "again", library, set()) == routine


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "unknown-exercise.toml",
            "mine.toml: steps[1].exercise: no exercise 'moonwalk'; "
            "see `backcoach exercises` for the ids",
        ),
        (
            "zero-hold.toml",
            "mine.toml: steps[0].dosing.hold_s: must be a positive number of seconds, got 0",
        ),
        ("too-many-sets.toml", "mine.toml: steps[0].dosing.sets: must be at most 10, got 500"),
        ("empty.toml", "mine.toml: steps: needs at least 1 item"),
        (
            "unknown-field.toml",
            "mine.toml: colour: is not a known field; remove it or fix its spelling",
        ),
        (
            "name-clash.toml",
            "mine.toml: name: a routine called 'five desk stretches' exists; "
            "rename it in the file",
        ),
    ],
)
def test_a_bad_file_says_where_and_how_to_fix_it(library: Library, fixture: str, expected: str):
    text = (ROUTINES / fixture).read_text(encoding="utf-8")
    taken = {info.routine.name for info in library.routines.values()}
    assert problems(text, library, taken) == [expected]


def test_malformed_toml_names_the_line(library: Library):
    [line] = problems((ROUTINES / "malformed.toml").read_text(encoding="utf-8"), library)
    assert line.startswith("mine.toml: not valid TOML: ")
    assert "line 2" in line


def test_a_name_clash_ignores_case_and_spacing(library: Library):
    text = 'id = "a"\nname = "  MY   Desk "\n[[steps]]\nexercise = "cobra"\n'
    assert problems(text, library, {"my desk"}) == [
        "mine.toml: name: a routine called '  MY   Desk ' exists; rename it in the file"
    ]


def test_every_problem_is_reported_at_once(library: Library):
    text = (
        'id = "a"\nname = "Taken"\n'
        '[[steps]]\nexercise = "moonwalk"\n'
        '[[steps]]\nexercise = "cobra"\ndosing = { sets = 500 }\n'
    )
    assert len(problems(text, library, {"taken"})) == 3


def test_a_bad_dosing_source_is_a_problem(library: Library):
    text = 'id = "a"\nname = "Mine"\n[[steps]]\nexercise = "cobra"\ndosing_from = "003"\n'
    [line] = problems(text, library)
    assert line.startswith("mine.toml: steps[0].dosing_from: cobra has no dosing from article 003")


def test_a_wrong_type_is_named(library: Library):
    text = 'id = "a"\nname = "Mine"\n[[steps]]\nexercise = "cobra"\nrest_after_s = "ten"\n'
    assert problems(text, library) == [
        "mine.toml: steps[0].rest_after_s: must be a whole number seconds, got 'ten'"
    ]


# -- new ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Desk stretches (mine)", "desk-stretches-mine"),
        ("  Évening   réset!! ", "evening-reset"),
        ("5 x 5", "5-x-5"),
        ("背中", "routine"),
        ("--", "routine"),
    ],
)
def test_new_id_is_a_slug_of_the_name(name: str, expected: str):
    assert new_routine_id(name, set()) == expected
    assert ID_PATTERN.fullmatch(new_routine_id(name, set()))


def test_new_id_is_unique(library: Library):
    taken = set(library.routines) | {"desk-five-2"}
    assert new_routine_id("Desk five", taken) == "desk-five-3"
    assert new_routine_id("Desk five", {"desk"}) == "desk-five"
    assert new_routine_id("Desk five", set()) == new_routine_id("Desk five", set())  # stable


def test_new_id_never_takes_a_built_in_id(library: Library):
    for info in library.routines.values():
        new = new_routine_id(info.routine.name, set(library.routines))
        assert new not in library.routines and ID_PATTERN.fullmatch(new)
        assert new_routine_id(info.routine.id, set(library.routines)) == f"{info.routine.id}-2"


def test_an_unknown_field_in_a_step_is_named(library: Library):
    text = 'id = "a"\nname = "Mine"\n[[steps]]\nexercise = "cobra"\nrepeats = 3\n'
    assert problems(text, library) == [
        "mine.toml: steps[0].repeats: is not a known field; remove it or fix its spelling"
    ]


def test_an_empty_file_names_every_missing_field(library: Library):
    assert problems("", library) == [
        "mine.toml: id: is missing; add it",
        "mine.toml: name: is missing; add it",
        "mine.toml: steps: is missing; add it",
    ]


# -- the editor's files ------------------------------------------------------------------------


def test_an_unsaved_routine_is_written_with_the_id_saving_would_give(library: Library):
    from coach.core.content.routine_files import DRAFT_ID

    draft = Routine(id=DRAFT_ID, name="Lunch stretch", steps=(Step(exercise="cobra"),))
    written = tomllib.loads(routine_to_toml(draft))
    assert written["id"] == "lunch-stretch"
    saved = draft.model_copy(update={"id": "lunch-stretch-2"})
    assert tomllib.loads(routine_to_toml(saved))["id"] == "lunch-stretch-2"  # a real id stays


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: None, "{where}: no such file; check the path"),
        (lambda p: p.mkdir(), "{where}: is a folder; give the routine's .toml file"),
        (lambda p: p.write_bytes(b"\xff\xfe"), "{where}: not UTF-8 text; save it as UTF-8"),
        (lambda p: p.write_bytes(b"#" * (2**20 + 1)), "{where}: is over 1 MB; a routine file"),
    ],
    ids=["missing", "folder", "not-utf8", "huge"],
)
def test_reading_a_routine_file_fails_in_one_line(tmp_path: Path, make, expected: str):
    from coach.core.content.routine_files import read_routine_text

    path = tmp_path / "mine.toml"
    make(path)
    with pytest.raises(ContentError) as caught:
        read_routine_text(path, "~/mine.toml")
    [line] = caught.value.problems
    assert line.startswith(expected.format(where="~/mine.toml"))
    assert "Errno" not in line


def test_an_unreadable_routine_file_names_the_fix(tmp_path: Path, monkeypatch):
    from coach.core.content.routine_files import read_routine_text

    def refuse(*args, **kwargs):  # chmod 0 does not stop root, who runs CI here
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "mine.toml"
    path.write_text("x", encoding="utf-8")
    monkeypatch.setattr("coach.core.disk.os.open", refuse)  # what read_file opens with
    with pytest.raises(ContentError) as caught:
        read_routine_text(path, "mine.toml")
    monkeypatch.undo()
    assert caught.value.problems == [
        "mine.toml: cannot be read (permission denied); check its permissions"
    ]


@pytest.mark.parametrize("folder", ["routines", "exercises", "loose"])
@pytest.mark.parametrize(("body", "problem"), [
    ("id = 1" + "0" * 5000 + "\n", "holds a number too long"),  # ValueError in tomllib
    ("steps = " + "[" * 5000 + "]" * 5000 + "\n", "is nested too deeply"),  # RecursionError
], ids=["5000-digits", "nested"])
def test_check_says_in_one_line_what_no_content_file_can_hold(
        tmp_path: Path, capsys, folder: str, body: str, problem: str):
    from coach.cli import main

    path = tmp_path / folder / "bad.toml"
    path.parent.mkdir()
    path.write_text(body, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    [line] = err.splitlines()
    assert line.startswith("backcoach: ") and str(path.name) in line and problem in line, err
