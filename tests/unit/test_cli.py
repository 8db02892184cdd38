from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coach import __version__
from coach.cli import main
from coach.paths import data_dir


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=60
    )


def test_exercises_json_lists_the_library(capsys, library):
    assert main(["exercises", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {e["id"] for e in listed} == set(library.exercises)
    cobra = next(e for e in listed if e["id"] == "cobra")
    assert cobra["position"] == "prone"
    assert cobra["dosing"]["mode"] == "hold"
    assert cobra["estimated_seconds"] > 0
    assert cobra["sources"][0]["id"] == "000"


def test_routines_json_has_estimates_and_steps(capsys, library):
    assert main(["routines", "--json"]) == 0
    listed = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(listed) == set(library.routines)
    office = listed["office-break"]
    assert office["estimated_seconds"] == library.routines["office-break"].seconds
    assert [s["exercise"] for s in office["steps"]] == [
        "seated-lumbar-twist", "seated-scapular-retraction"
    ]


def test_tables_print_one_row_per_item(capsys, library):
    assert main(["exercises"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(library.exercises) + 1
    assert main(["routines"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(library.routines) + 1


def test_check_passes_on_shipped_content():
    done = run("check")
    assert done.returncode == 0 and done.stdout.strip() == "content OK"


def test_check_fails_clearly_on_a_bad_file():
    done = run("check", "tests/data/bad/negative-hold.toml")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "tests/data/bad/negative-hold.toml: dosing.hold_s: must be a positive number of "
        "seconds, got -5"
    )
    assert "Traceback" not in done.stderr


def test_check_missing_path_is_a_user_error():
    done = run("check", "no/such/file.toml")
    assert done.returncode == 2
    assert done.stderr.strip() == "no/such/file.toml: no such file or folder"


def test_unknown_command_exits_2_without_traceback():
    done = run("dance")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_version():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"backcoach {__version__}"


def test_data_dir_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv("BACKCOACH_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.delenv("BACKCOACH_DATA_DIR")
    assert data_dir().name == "backcoach"


@pytest.mark.parametrize("command", ["exercises", "routines", "check"])
def test_commands_create_nothing_in_the_data_dir(tmp_path, command):
    folder = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "coach", "--data-dir", str(folder), command],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0
    assert not folder.exists()
