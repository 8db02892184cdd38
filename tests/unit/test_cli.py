from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
        "backcoach: tests/data/bad/negative-hold.toml: dosing.hold_s: must be a positive number of "
        "seconds, got -5"
    )
    assert "Traceback" not in done.stderr


def test_check_missing_path_is_a_user_error():
    done = run("check", "no/such/file.toml")
    assert done.returncode == 2
    assert done.stderr.strip() == "backcoach: no/such/file.toml: no such file or folder"


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


# -- no terminal ------------------------------------------------------------------------------


def test_the_app_without_a_terminal_says_so_and_exits_2():
    # stdin from /dev/null, stdout a pipe: the TUI would wait for keys forever.
    done = subprocess.run(
        [sys.executable, "-m", "coach"], stdin=subprocess.DEVNULL, capture_output=True,
        text=True, timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("backcoach: the app needs a terminal")


def test_a_terminal_on_stdin_only_is_not_enough(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    assert main([]) == 2
    assert "needs a terminal" in capsys.readouterr().err


# -- help -------------------------------------------------------------------------------------


def help_of(*words: str) -> str:
    done = run(*words, "--help")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_routines_export_help_has_its_own_usage_line():
    assert help_of("routines", "export").startswith(
        "usage: backcoach routines export [-h] [--output FILE] ID\n"
    )
    assert help_of("routines", "import").startswith("usage: backcoach routines import [-h] FILE\n")


def subcommands(parser) -> dict[str, object]:
    import argparse

    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found[name] = child
                found.update({f"{name} {k}": v for k, v in subcommands(child).items()})
    return found


def test_every_subcommand_has_a_description():
    from coach.cli import _parser

    found = subcommands(_parser())
    assert {"status", "check", "routines export", "routines import"} <= set(found)
    for name, child in found.items():
        assert child.description and len(child.description) > 20, name


def test_check_help_explains_path():
    text = " ".join(help_of("check").split())
    assert "PATH a content folder" in text
    assert "whatever its file name" in text


# -- one rule for a routine file ----------------------------------------------------------------

ROUTINES = Path(__file__).parent.parent / "data" / "routines"


def test_check_and_import_agree_on_a_renamed_routine_file(tmp_path, data_dir, capsys):
    renamed = tmp_path / "from a friend (1).toml"  # the file name is no id
    renamed.write_bytes(b"\xef\xbb\xbf" + (ROUTINES / "good.toml").read_bytes())  # and a BOM
    assert main(["check", str(renamed)]) == 0
    assert capsys.readouterr().out == "content OK\n"
    assert main(["routines", "import", str(renamed)]) == 0


@pytest.mark.parametrize("fixture", ["zero-hold", "unknown-exercise", "malformed", "empty"])
def test_check_and_import_reject_a_bad_routine_file_alike(tmp_path, data_dir, capsys, fixture):
    path = tmp_path / "renamed.toml"
    path.write_bytes((ROUTINES / f"{fixture}.toml").read_bytes())
    assert main(["check", str(path)]) == 2
    checked = capsys.readouterr().err.splitlines()
    assert main(["routines", "import", str(path)]) == 2
    imported = capsys.readouterr().err.splitlines()
    assert imported[0].startswith(checked[0])  # import adds "(and N more problems)"
    assert all(line.startswith(f"backcoach: {path}: ") for line in checked)


def test_a_content_folder_still_names_files_for_their_ids(tmp_path):
    import shutil

    from coach.paths import content_dir

    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    (root / "routines" / "desk-five.toml").rename(root / "routines" / "renamed.toml")
    done = run("check", str(root))
    assert done.returncode == 2
    assert "but the file is renamed.toml; make them match" in done.stderr


@pytest.mark.parametrize(
    "argv",
    [["check", "x" * 5000], ["routines", "import", "x" * 5000], ["import", "x" * 5000],
     ["export", "--output", "x" * 5000]],
)
def test_a_path_the_system_refuses_is_one_line(capsys, data_dir, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("backcoach: ") and err.count("\n") == 1


def test_the_main_help_lists_no_hidden_command():
    """nudge-prompt (the nudger's popup) showed as `nudge-prompt   ==SUPPRESS==`."""
    text = help_of()
    assert "SUPPRESS" not in text and "nudge-prompt" not in text
    assert "nudger " in text and "remind " in text
