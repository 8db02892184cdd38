"""What does recording one nudge answer cost, against the atomic write it is built on?

    python bench/nudge_store.py [--runs 40]

Fills a month file as a heavy user would (a nudge and a stretch every half hour, ten hours
a day, 31 days: 620 nudges and 620 stretches), then times NudgeLog.add of one answer into it,
and, as the reference in the same run, write_atomic of a file of the same size. Also times
reading two weeks of day figures, which the progress screen does in a thread.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.core.disk import write_atomic
from coach.core.nudge.log import NudgeLog, NudgeRecord, StretchRecord  # noqa: E402

MONTH_START = dt.date(2026, 12, 1)


def full_month(log: NudgeLog) -> None:
    nudges, stretches = [], []
    for n in range(31):
        day = MONTH_START + dt.timedelta(days=n)
        for k in range(20):
            at = dt.datetime(day.year, day.month, day.day, 8, tzinfo=dt.UTC) + dt.timedelta(
                minutes=30 * k)
            nudges.append(NudgeRecord(at=at, day=day, answer="snooze", sitting_s=1800))
            stretches.append(StretchRecord(ended_at=at, day=day, seconds=1900, ended_by="break",
                                           limit_s=1800))
    log.add(nudges, stretches)


def timed(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        log = NudgeLog(Path(folder))
        full_month(log)
        path = Path(folder) / "nudges" / "2026-12.json"
        size = path.stat().st_size
        answer = NudgeRecord(at=dt.datetime(2026, 12, 31, 17, tzinfo=dt.UTC), day=dt.date(2026, 12, 31),
                             answer="skip", sitting_s=1800)
        add_ms = timed(lambda: log.add([answer]), args.runs)
        reference = Path(folder) / "reference.json"
        data = path.read_bytes()
        write_ms = timed(lambda: write_atomic(reference, data), args.runs)
        days_ms = timed(lambda: log.days(dt.date(2026, 12, 18), dt.date(2026, 12, 31)), args.runs)
    print(f"month file: {size / 1024:.0f} KiB, 1240+ entries; median of {args.runs} runs")
    print(f"{'what':<38} {'ms':>7} {'x reference':>12}")
    print(f"{'write_atomic, same bytes (reference)':<38} {write_ms:>7.2f} {1:>12.1f}")
    print(f"{'NudgeLog.add one answer':<38} {add_ms:>7.2f} {add_ms / write_ms:>12.1f}")
    print(f"{'NudgeLog.days, two weeks':<38} {days_ms:>7.2f} {days_ms / write_ms:>12.1f}")


if __name__ == "__main__":
    main()
