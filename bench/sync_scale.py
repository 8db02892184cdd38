"""Does sharing ten years between two machines slow the reads down? The same history kept by
one machine, and split between two (every other session written by each, as a user who trains
at work and at home), read from the first machine:

    python bench/sync_scale.py [--runs 5]

Times session_days() (calendar, streaks, `status`), month_totals() (the progress totals) and
one save_session, each as the median of the runs, one machine beside two in the same run.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_scale import TODAY, fake_session, history  # noqa: E402

from coach.core.storage.store import Store  # noqa: E402


def build(root: Path) -> dict[str, Store]:
    records = history(random.Random(1), 3650)
    one = Store(root / "one", machine="desk")
    one.open()
    one.import_sessions(records)
    desk, laptop = Store(root / "two", machine="desk"), Store(root / "two", machine="laptop")
    desk.open()
    laptop.open()
    desk.import_sessions(records[0::2])
    laptop.import_sessions(records[1::2])
    # As a sync tool delivers them: new files on this disk, so laptop's summaries are checked
    # by their hash, never by a stamp that only meant something on the laptop.
    shutil.copytree(root / "two", root / "synced")
    return {"one machine": Store(root / "one", machine="desk"),
            "two machines": Store(root / "synced", machine="desk")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        stores = build(Path(tmp))
        for store in stores.values():
            store.open()
        reads = {"session_days()": lambda s: s.session_days(),
                 "month_totals()": lambda s: s.month_totals(),
                 "save_session()": lambda s: s.save_session(fake_session(rng, TODAY))}
        times: dict[str, dict[str, list[float]]] = {r: {n: [] for n in stores} for r in reads}
        for _ in range(args.runs):
            for label, read in reads.items():
                for name, store in stores.items():
                    began = time.perf_counter()
                    read(store)
                    times[label][name].append(time.perf_counter() - began)
        print(f"medians of {args.runs} runs, ms; 10 years, 7,300 sessions")
        print(f"{'':>16}{'one machine':>14}{'two machines':>14}{'ratio':>8}")
        for label, by in times.items():
            one, two = (statistics.median(by[n]) * 1000 for n in stores)
            print(f"{label:>16}{one:>14.1f}{two:>14.1f}{two / one:>8.2f}")


if __name__ == "__main__":
    main()
