"""Does saving a session cost the same with ten years of history as with one month?

    python bench/store_scale.py [--saves 40]

Builds two synthetic histories in temp folders, two sessions a day of eight steps each: one
month (~60 sessions) and ten years (~7,300). The month files are written directly in the store's
format (saving 7,300 sessions one by one would only make the bench slow) and the first open()
builds the day summaries from them, as it would repair them after a crash. Then it times
save_session into the current month at both sizes, and the reads of the ten-year history.
For scale it also times one insert into a single plain TinyDB file holding the ten years.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.core.content.models import Dosing  # noqa: E402
from coach.core.disk import write_atomic
from coach.core.session.records import SessionRecord, StepResult  # noqa: E402
from coach.core.storage.datafile import serialize  # noqa: E402
from coach.core.storage.store import Store, month_of  # noqa: E402

UTC = dt.UTC
TODAY = dt.date(2026, 11, 28)
EXERCISES = ["cat-cow", "cobra", "bird-dog", "dead-bug", "glute-bridge", "child-pose", "plank"]


def fake_session(rng: random.Random, day: dt.date) -> SessionRecord:
    """A session shaped like a real one: eight steps, pain check-ins, a Berlin zone."""
    started = dt.datetime(day.year, day.month, day.day, 6, tzinfo=UTC)
    started += dt.timedelta(minutes=rng.randrange(15 * 60))
    steps = tuple(
        StepResult(
            exercise_id=name,
            exercise_name=name.replace("-", " ").capitalize(),
            planned=Dosing(mode="hold", sets=2, reps=3, hold_s=20, per_side=True, rest_s=15),
            outcome=rng.choice(["done", "done", "done", "partial", "skipped"]),
            seconds=rng.randrange(30, 240),
            reps=rng.randrange(0, 12),
        )
        for name in rng.choices(EXERCISES, k=8)
    )
    return SessionRecord(
        uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        routine_id="morning-mobility",
        routine_name="Morning mobility",
        started_at=started,
        ended_at=started + dt.timedelta(minutes=12),
        zone="Europe/Berlin",
        day=day,
        status="completed",
        steps=steps,
        pain_before=rng.randrange(0, 6),
        pain_after=rng.randrange(0, 4),
    )


def history(rng: random.Random, days: int) -> list[SessionRecord]:
    """Two sessions a day for the `days` days up to TODAY."""
    return [
        fake_session(rng, TODAY - dt.timedelta(days=n)) for n in range(days) for _ in range(2)
    ]


def write_history(folder: Path, records: list[SessionRecord]) -> None:
    by_month: dict[str, dict[str, dict]] = defaultdict(dict)
    for record in records:
        by_month[month_of(record.day)][record.uuid] = record.model_dump(mode="json")
    for month, sessions in by_month.items():
        write_atomic(folder / "sessions" / f"{month}.json", serialize({"sessions": sessions}))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_saves(stores: list[Store], rng: random.Random, saves: int) -> list[float]:
    """Median seconds of save_session for new sessions in the current month, per store.

    The stores take turns, so whatever else the machine is doing hits them alike.
    """
    times: list[list[float]] = [[] for _ in stores]
    for _ in range(saves):
        for store, spent in zip(stores, times):
            record = fake_session(rng, TODAY)
            spent.append(timed(lambda s=store, r=record: s.save_session(r)))
    return [statistics.median(spent) for spent in times]


def single_file_insert(folder: Path, records: list[SessionRecord], inserts: int) -> float:
    """Median seconds of one insert into one plain TinyDB file holding every session."""
    path = folder / "all.json"
    TinyDB(path).insert_multiple(r.model_dump(mode="json") for r in records)
    docs = [records[i].model_dump(mode="json") for i in range(inserts)]
    return statistics.median(timed(lambda d=d: TinyDB(path).insert(d)) for d in docs)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=40, help="saves timed at each size")
    args = parser.parse_args()
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        month_dir, decade_dir = Path(tmp) / "month", Path(tmp) / "decade"
        write_history(month_dir, history(rng, 30))
        write_history(decade_dir, history(rng, 3650))
        gc.collect()  # the generated records are gone: time the store, not this script's heap
        small, big = Store(month_dir), Store(decade_dir)
        small.open()
        first_open = timed(big.open)
        print(f"history: 1 month = {len(small.sessions())} sessions, "
              f"10 years = {len(big.sessions())} sessions")
        print(f"open(), 10 years, building the day summaries  {ms(first_open)}")
        print(f"open(), 10 years, again                       {ms(timed(big.open))}")

        save_small, save_big = median_saves([small, big], rng, args.saves)
        print(f"save_session median, 1 month                  {ms(save_small)}")
        print(f"save_session median, 10 years                 {ms(save_big)}")
        print(f"ratio 10 years / 1 month                      {save_big / save_small:8.2f}")
        print(f"sessions(), 10 years                          {ms(timed(big.sessions))}")
        print(f"session_days(), 10 years                      {ms(timed(big.session_days))}")
        recent = timed(lambda: big.recent_sessions(30, today=TODAY))
        print(f"recent_sessions(30), 10 years                 {ms(recent)}")
        baseline = single_file_insert(Path(tmp), big.sessions(), 5)
        print(f"for scale: one insert, one TinyDB file, 10 y  {ms(baseline)}")


if __name__ == "__main__":
    main()
