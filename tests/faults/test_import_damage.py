"""Hostile export and routine files: refused at `import` in one line naming the file and the
field, exit 2, nothing stored. The record damage is the same generated set the data folder meets.
"""

from __future__ import annotations

import json

import pytest
from damage import LAST_DAY, RAW, RECORD_DAMAGE, RECORD_FIELDS, record, snapshot

from coach.cli import main
from coach.core.history.transfer import export_document


def export_text(change=None) -> str:
    doc = export_document([record(LAST_DAY)], record(LAST_DAY).started_at)
    if change is not None:
        session = doc["sessions"][0]
        change(session)
        session.pop("__key__", None)  # an export has no keys; the uuid is all there is
    return json.dumps(doc).replace(f'"{RAW}"', "1e400")


WHOLE_FILE = {
    "huge-int": '{"backcoach_export": ' + "9" * 5000 + "}",
    "deep-nesting": "[" * 100_000 + "]" * 100_000,
    "deep-in-a-session": export_text().replace('"zone"', '"x": ' + "[" * 100_000 + "]" * 100_000 + ', "zone"'),
}


def one_line(capsys, where: str) -> str:
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith(f"backcoach: {where}: "), err
    return err


@pytest.mark.parametrize("kind", sorted(set(RECORD_DAMAGE) - {"key-not-uuid"}))
def test_a_damaged_session_is_refused_naming_its_field(kind, tmp_path, capsys):
    file = tmp_path / "export.json"
    file.write_text(export_text(RECORD_DAMAGE[kind]))
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(file)]) == 2
    err = one_line(capsys, str(file))
    field = RECORD_FIELDS[kind].strip(" :")
    assert f"sessions[0].{field}:" in err or f"sessions[0]: {field}:" in err, err
    assert not folder.exists()


@pytest.mark.parametrize("kind", sorted(WHOLE_FILE))
def test_a_hostile_export_file_is_refused(kind, tmp_path, capsys):
    file = tmp_path / "export.json"
    file.write_text(WHOLE_FILE[kind])
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(file)]) == 2
    one_line(capsys, str(file))
    assert not folder.exists()


ROUTINE = """id = "mine"
name = "Mine"
description = "d"

[[steps]]
exercise = "cat-cow"
"""
ROUTINE_FILES = {
    "huge-int": ROUTINE + "sets = " + "9" * 5000 + "\n",
    "deep-nesting": ROUTINE + "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
    "infinite-hold": ROUTINE + "hold_s = 1e400\n",
    "surrogate-escape": ROUTINE.replace('"Mine"', '"Mine \\ud800"'),
}


@pytest.mark.parametrize("kind", sorted(ROUTINE_FILES))
def test_a_hostile_routine_file_is_refused(kind, tmp_path, capsys):
    file = tmp_path / "mine.toml"
    file.write_text(ROUTINE_FILES[kind])
    folder = tmp_path / "data"
    folder.mkdir()
    before = snapshot(folder)
    assert main(["--data-dir", str(folder), "routines", "import", str(file)]) == 2
    one_line(capsys, str(file))
    assert snapshot(folder) == before
