"""A file that cannot be read is reported, by name, and never written over."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from fault_writer import session

from coach.core.settings.model import Settings
from coach.core.storage.store import Store, StoreError


def reshaped(data: bytes) -> bytes:
    """Valid JSON of the wrong shape: every table a list instead of an object."""
    tables = json.loads(data)
    shaped = {k: v if k == "meta" else list(v.values()) for k, v in tables.items()}
    return json.dumps(shaped).encode()


DAMAGE = {
    "truncated": lambda data: data[: len(data) // 2],
    "zeroed": lambda data: b"\0" * len(data),  # what some filesystems leave after a power cut
    "reshaped": reshaped,
}
FILES = ["sessions/2026-11.json", "days/2026.json", "settings.json"]


@pytest.fixture
def history(tmp_path: Path) -> Path:
    store = Store(tmp_path / "data")
    store.open()
    rng = random.Random(7)
    for _ in range(20):
        store.save_session(session(rng, steps=2))  # October and November 2026
    store.save_settings(Settings(safety_acknowledged=True))
    return store.folder


def touch(store: Store, name: str) -> None:
    """Save something that reads and rewrites the named file."""
    if name == "settings.json":
        store.save_settings(Settings())
    else:
        record = session(random.Random(1)).model_copy(update={"day": dt.date(2026, 11, 5)})
        store.save_session(record)


def status(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", "--data-dir", str(folder), "status"],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_file_is_reported_and_left_untouched(history: Path, name: str, damage: str):
    path = Store(history).home / name
    path.write_bytes(DAMAGE[damage](path.read_bytes()))
    before = path.read_bytes()
    store = Store(history)

    with pytest.raises(StoreError) as caught:
        store.open()
    assert caught.value.path == path and str(caught.value).startswith(str(path))
    with pytest.raises(StoreError) as caught:
        touch(store, name)
    assert caught.value.path == path
    done = status(history)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"backcoach: {path}") and done.stderr.count("\n") == 1

    assert path.read_bytes() == before


def test_a_broken_summary_stops_a_save_before_the_month_is_written(history: Path):
    summary = Store(history).home / "days" / "2026.json"
    summary.write_bytes(summary.read_bytes()[:-3])
    month = Store(history).home / "sessions" / "2026-11.json"
    before = month.read_bytes()
    with pytest.raises(StoreError):
        touch(Store(history), "days/2026.json")
    assert month.read_bytes() == before
