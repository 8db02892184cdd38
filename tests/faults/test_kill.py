"""SIGKILL a writer at random moments: nothing it acknowledged may be lost, nothing may break."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import time
from pathlib import Path

import pytest
from fault_writer import save_forever

from coach.core.storage.store import Store

KILLS = 200

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


class Acks:
    """The writer's 'uuid steps' lines, read from its pipe as they come."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""

    @property
    def count(self) -> int:
        return self.buffer.count(b"\n")

    def wait_for(self, count: int, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while self.count < count:
            left = deadline - time.monotonic()
            assert left > 0, f"the writer acknowledged {self.count} of {count} saves in {timeout} s"
            if select.select([self.fd], [], [], left)[0]:
                chunk = os.read(self.fd, 65536)
                assert chunk, "the writer died on its own"
                self.buffer += chunk

    def rest(self) -> list[tuple[str, int]]:
        while chunk := os.read(self.fd, 65536):
            self.buffer += chunk
        os.close(self.fd)
        lines = self.buffer.decode().splitlines()
        return [(uuid, int(steps)) for uuid, steps in (line.split() for line in lines)]


def run_and_kill(folder: Path, seed: int, rng: random.Random) -> list[tuple[str, int]]:
    """Fork a writer, SIGKILL it at a random moment, and return what it acknowledged."""
    # fork, not a new interpreter: the child starts within a millisecond, so 200 kills fit in
    # seconds. The kill waits for a few acknowledged saves (none: it lands in open() or the
    # first save) and then a fraction of a save's time, so it falls anywhere in a save however
    # loaded the machine is.
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer
        try:
            os.close(read_end)
            save_forever(folder, write_end, seed)
        finally:
            os._exit(1)
    os.close(write_end)
    acks = Acks(read_end)
    try:
        acks.wait_for(rng.choice([0, 0, 1, 1, 2, 3]))
        time.sleep(rng.uniform(0.0, 0.006))
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return acks.rest()


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
        for uuid, steps in run_and_kill(folder, kill, rng):
            acknowledged[uuid] = max(steps, acknowledged.get(uuid, 0))
        leftovers += check_files_parse(folder) > 0

        store = Store(folder)
        store.open()
        saved = {record.uuid: len(record.steps) for record in store.sessions()}
        lost = [uuid for uuid, steps in acknowledged.items() if saved.get(uuid, 0) < steps]
        assert not lost, f"kill {kill}: {len(lost)} acknowledged sessions lost"
        assert not list(folder.rglob(".*.tmp")), "open() left temp files"
        assert sum(n for n, _ in store.session_days().values()) == len(saved)

    assert leftovers > 0  # some kills did land in the middle of writing a file
    print(
        f"\n{KILLS} kills, {len(acknowledged)} sessions acknowledged, "
        f"{leftovers} kills left temp files, {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
