"""`status` never says two things at once, and never lets a template fill the memory."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from damage import build

from coach.cli import main
from coach.core.storage.store import Store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    build(folder)
    return folder


def test_unreadable_sessions_are_an_error_not_no_sessions_yet(folder, monkeypatch, capsys):
    real = os.listdir

    def refused(path):  # chmod 000, as anyone but root (who runs the tests) would meet it
        if Path(path).name == "sessions":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", refused)
    assert main(["--data-dir", str(folder), "status"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "no sessions yet" not in err
    assert err == (f"backcoach: {Store(folder).home / 'sessions'}: cannot be read (Permission denied); "
                   "check its permissions\n")


def test_a_summary_without_its_month_file_is_reported(folder, capsys):
    for path in (Store(folder).home / "sessions").glob("2026-11*.json"):  # and its copy
        path.unlink()  # the summary still lists November
    assert main(["--data-dir", str(folder), "status"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "start backcoach once" in err


@pytest.mark.parametrize("template", ["{streak:099999999999}", "{last:>99999}", "{sessions:,9999}"])
def test_a_huge_width_is_refused_before_it_fills_the_memory(folder, capsys, template):
    assert main(["--data-dir", str(folder), "status", "--format", template]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("backcoach: status --format: {") and "at most 999" in err
