"""Every generated kind of damage, met by `status` and `export`: one line naming the damaged
path and exit 2 when the command reads it, a correct answer when it does not, never a
traceback, and the data folder byte for byte as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from damage import KINDS, RECORD_FIELDS, build, no_hang, read_by, snapshot

from coach.cli import main


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pristine") / "data"
    build(folder)
    return folder


def test_there_are_at_least_fifty_kinds():
    assert len(KINDS) >= 50


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("command", ["status", "export"])
def test_damage_is_reported_in_one_line_and_changes_nothing(
    kind: str, command: str, pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    folder = tmp_path / "data"
    shutil.copytree(pristine, folder, symlinks=True)
    damaged = KINDS[kind](folder)
    before = snapshot(folder)

    with no_hang():  # a FIFO used to block status and export for ever
        code = main(["--data-dir", str(folder), command])

    out, err = capsys.readouterr()
    if command in read_by(kind):
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and err.startswith("backcoach: ")
        named = err.removeprefix("backcoach: ")
        # The damaged path, or the folder it sits in when the folder itself is what is wrong.
        assert named.startswith((str(damaged), str(damaged.parent))), err
        if kind.startswith("record:"):
            assert RECORD_FIELDS[kind.removeprefix("record:")] in named, err
    else:
        assert code == 0 and err == ""
        assert "Office break" in out  # the history reads as it was
    assert snapshot(folder) == before
