"""The tests exercise this checkout, not a copy installed into site-packages."""

from __future__ import annotations

from pathlib import Path

import coach


def test_coach_is_imported_from_the_working_tree():
    repo = Path(__file__).resolve().parents[2]
    assert Path(coach.__file__).resolve().parent == repo / "coach"
