"""SIGKILL a writer at random moments: nothing it acknowledged may be lost, nothing may break."""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from coach.core.store import Store

from fault_writer import save_forever

KILLS = 200

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def run_and_kill(folder: Path, seed: int, delay: float) -> list[tuple[str, int]]:
    """Fork a writer, SIGKILL it after delay, and return what it acknowledged."""
    # fork, not a new interpreter: the child starts writing within a millisecond, so 200 kills
    # fit in seconds, and the kill lands anywhere in open(), a save, or between saves.
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer
        try:
            os.close(read_end)
            save_forever(folder, write_end, seed)
        finally:
            os._exit(1)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        lines = pipe.read().decode().splitlines()
    return [(uuid, int(steps)) for uuid, steps in (line.split() for line in lines)]


def check_files_parse(folder: Path) -> int:
    """Every data file is whole JSON; returns how many temp leftovers the kill left."""
    for path in folder.rglob("*.json"):
        json.loads(path.read_bytes())
    return len(list(folder.rglob(".*.tmp")))


def test_sigkill_at_random_points_loses_nothing_acknowledged(tmp_path: Path):
    folder = tmp_path / "data"
    rng = random.Random(20261103)
    acknowledged: dict[str, int] = {}
    leftovers = 0
    started = time.monotonic()
    for kill in range(KILLS):
        for uuid, steps in run_and_kill(folder, seed=kill, delay=rng.uniform(0.0, 0.06)):
            acknowledged[uuid] = max(steps, acknowledged.get(uuid, 0))
        leftovers += check_files_parse(folder) > 0

        store = Store(folder)
        store.open()
        saved = {record.uuid: len(record.steps) for record in store.sessions()}
        lost = [uuid for uuid, steps in acknowledged.items() if saved.get(uuid, 0) < steps]
        assert not lost, f"kill {kill}: {len(lost)} acknowledged sessions lost"
        assert not list(folder.rglob(".*.tmp")), "open() left temp files"
        assert sum(n for n, _ in store.session_days().values()) == len(saved)

    assert len(acknowledged) > KILLS  # the writers did get work done between kills
    print(
        f"\n{KILLS} kills, {len(acknowledged)} sessions acknowledged, "
        f"{leftovers} kills left temp files, {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
