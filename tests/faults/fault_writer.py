"""A process that saves sessions and says so: the other side of the fault tests.

Run as a script: `python fault_writer.py FOLDER COUNT` says "ready" and the store module it
imported, waits for a line on stdin (so two writers start together), then saves COUNT sessions
and prints each uuid once save_session returned.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import uuid
from pathlib import Path

from coach.core.content.models import Dosing
from coach.core.session.records import SessionRecord, StepResult
from coach.core.storage import store as store_module
from coach.core.storage.store import Store

UTC = dt.UTC
FIRST_DAY = dt.date(2026, 10, 20)


def step(n: int) -> StepResult:
    return StepResult(
        exercise_id="cat-cow",
        exercise_name="Cat-cow",
        planned=Dosing(mode="hold", hold_s=10),
        outcome="done",
        seconds=10 + n,
        reps=1,
    )


def session(rng: random.Random, steps: int = 1, spread_days: int = 40) -> SessionRecord:
    """A small session on a random day, so saves land in a couple of month files."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(spread_days))
    started = dt.datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
    return SessionRecord(
        uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        routine_id="desk",
        routine_name="Desk",
        started_at=started + dt.timedelta(seconds=rng.randrange(36000)),
        zone="UTC",
        day=day,
        steps=tuple(step(i) for i in range(steps)),
    )


def save_forever(folder: Path, out_fd: int, seed: int) -> None:
    """Save sessions until killed; after each save returns, write 'uuid steps' to out_fd.

    Like the app, a session is saved again after each step under the same uuid.
    """
    rng = random.Random(seed)
    store = Store(folder)
    store.open()
    while True:
        record = session(rng)
        for steps in range(1, rng.randint(1, 4) + 1):
            record = record.model_copy(update={"steps": tuple(step(i) for i in range(steps))})
            store.save_session(record)
            os.write(out_fd, f"{record.uuid} {steps}\n".encode())


def main() -> None:
    folder, count = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random()
    store = Store(folder)
    store.open()
    # Which copy of backcoach this process runs, for the test to check it is the tree under test.
    print("ready", Path(store_module.__file__).resolve(), flush=True)
    sys.stdin.readline()
    for _ in range(count):
        record = session(rng, spread_days=3)
        store.save_session(record)
        print(record.uuid, flush=True)


if __name__ == "__main__":
    main()
