"""User text on the way out of the CLI: shown, never obeyed; CSV cells never formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.content.models import Dosing, Routine
from coach.core.session.records import SessionRecord
from coach.core.storage.store import Store
from coach.core.text import STORED, terminal_safe

# What a terminal obeys: C0 (but the newline that ends a line), DEL, C1, bidi controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HOSTILE = "Evil\x1b]52;c;aGk=\x07\x1b[2J\u202eroot\x9b"


PLANTED = "planted-name"


def stored_world(folder: Path, name: str = HOSTILE) -> None:
    """A routine and a session whose files hold `name` as it is (stored before names were
    checked, or written by another machine): JSON escapes, as json.dumps writes them."""
    home = plant(folder)  # this machine's folder (machines/<id>/), where its files are
    for path in (home / "routines.json", *(home / "sessions").glob("*.json")):
        path.write_text(path.read_text().replace(PLANTED, json.dumps(name)[1:-1]))


def plant(folder: Path, name: str = PLANTED) -> Path:
    """A routine and a session named `name`; the folder they are in."""
    store = Store(folder)
    store.open()
    routine = Routine.model_validate(
        {"id": "evil", "name": name, "description": name, "steps": [{"exercise": "cobra"}]},
        context=STORED,
    )
    store.save_routine(routine)
    today = dt.datetime.now(dt.UTC)
    record = SessionRecord.model_validate(
        {
            "routine_id": "evil", "routine_name": name, "zone": "UTC", "day": today.date(),
            "started_at": today - dt.timedelta(minutes=5), "ended_at": today,
            "status": "completed",
            "steps": [{
                "exercise_id": "cobra", "exercise_name": name, "outcome": "done",
                "planned": Dosing(mode="hold", hold_s=10).model_dump(), "seconds": 30, "reps": 1,
            }],
        },
        context=STORED,
    )
    store.save_session(record)
    return store.home


@pytest.mark.parametrize(
    "argv",
    [
        ["routines"],
        ["status"],
        ["status", "--format", "{last} {streak}"],
        ["status", "--format", "\x1b[2J{last}"],  # a pasted template is shown too
        ["export", "--format", "csv"],
        ["routines", "export", "no\x1b[2Jsuch"],  # an error that quotes what was typed
        ["routines", "import", "/nowhere/\x1b]52;c;aGk=\x07.toml"],
        ["check", "/nowhere/\u202eevil.toml"],
    ],
)
def test_no_output_obeys_stored_or_typed_text(capsysbinary, data_dir: Path, argv: list[str]):
    stored_world(data_dir)
    main(argv)
    out, err = capsysbinary.readouterr()
    for stream in (out.decode(), err.decode()):
        assert not RAW.search(stream), ascii(stream)
    if argv[0] != "check" and len(argv) < 3:  # stored text is shown as symbols, not dropped
        assert "␛" in (out + err).decode()


@pytest.mark.parametrize(
    "argv", [["routines", "--json"], ["status", "--json"], ["export"]]
)
def test_json_output_shows_stored_controls_as_symbols(capsysbinary, data_dir: Path,
                                                     argv: list[str]):
    stored_world(data_dir)
    assert main(argv) == 0
    out = capsysbinary.readouterr().out.decode()
    assert not RAW.search(out), ascii(out)
    assert terminal_safe(HOSTILE) in strings(json.loads(out))  # as it was read: harmless


def strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return set().union(*(strings(v) for v in items))


def test_routines_import_refuses_a_name_with_controls(tmp_path: Path, data_dir: Path, capsys):
    path = tmp_path / "mine.toml"
    path.write_text(
        'id = "x"\nname = "Bad \\u001b[2J"\n\n[[steps]]\nexercise = "cobra"\n', encoding="utf-8"
    )
    assert main(["routines", "import", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"backcoach: {path}: name: has a control character (U+001B) at character 5; "
        "remove it (names are plain text on one line)\n"
    )
    assert main(["check", str(path)]) == 2  # the same rule for check


def test_session_import_refuses_a_name_with_controls(tmp_path: Path, data_dir: Path, capsys):
    stored_world(tmp_path / "other")
    out = tmp_path / "back.json"
    assert main(["--data-dir", str(tmp_path / "other"), "export", "--output", str(out)]) == 0
    capsys.readouterr()
    exported = json.loads(out.read_text())  # it holds the name as it was read, harmless...
    exported["sessions"][0]["routine_name"] = HOSTILE  # ...but a file to import may hold anything
    out.write_text(json.dumps(exported))
    assert main(["import", str(out)]) == 2
    err = capsys.readouterr().err
    assert "routine_name: has a control character (U+001B)" in err
    assert not data_dir.exists()


# -- CSV ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "a\rb", "a\nb"],
)
def test_csv_cells_are_never_formulas_and_rows_never_split(tmp_path: Path, data_dir, name):
    stored_world(data_dir, name + " ok")
    out = tmp_path / "back.csv"
    assert main(["export", "--format", "csv", "--output", str(out)]) == 0
    text = out.read_bytes().decode("utf-8")  # as a spreadsheet reads it: a CR stays a CR
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2  # the header and the one step
    header, row = rows
    named = row[header.index("routine_name")]
    read = terminal_safe(name)  # a tab or a line break in a stored name is read as a symbol
    if name[0] in "=+-@":
        assert named == "'" + read + " ok"
    else:
        assert named == read + " ok"
    assert text.startswith('"uuid","routine_id",')  # every field quoted


def test_csv_on_a_terminal_shows_controls(data_dir: Path, capsys):
    stored_world(data_dir, "a\rb\x1b[2J")
    assert main(["export", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 2 and "a␍b␛[2J" in out
