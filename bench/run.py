"""Every speed target of backcoach beside its reference, measured in one run: one table.

    python bench/run.py [--quick]

Builds its own ten-year history (7,300 sessions) and an empty data folder, then measures
each row against its yardstick in the same run, alternating the two so machine noise hits
both alike, and prints medians. The ratio is what to compare across machines; the absolute
numbers only say how busy this one was. --quick takes fewer samples and a 20 s hold.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from progress_scale import make_folders, open_progress, peak_memory  # noqa: E402
from ptyprobe import Terminal, python  # noqa: E402
from session_timing import bytes_per_second  # noqa: E402
from startup import first_frame_seconds  # noqa: E402
from store_scale import history, median_saves, write_history  # noqa: E402

# Children import coach from this checkout, whatever the interpreter's own path says.
ENV = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(ROOT))
MEASURES = ("startup", "bytes", "memory", "progress", "keys", "saves")
DOWN, UP, ENTER = b"\x1b[B", b"\x1b[A", b"\r"


@dataclass
class Row:
    measure: str
    ours: float
    reference: float
    unit: str
    goal: str
    met: bool

    @property
    def ratio(self) -> float:
        return self.ours / self.reference if self.reference else float("inf")


def med(values: list[float]) -> float:
    return statistics.median(values)


def ratio_row(measure: str, ours: list[float], ref: list[float], unit: str, limit: float,
              extra: str = "", ok: bool = True) -> Row:
    o, r = med(ours), med(ref)
    return Row(measure, o, r, unit, f"<= {limit}{extra}", o / r <= limit and ok)


def startup(folder: Path, runs: int) -> Row:
    ours, bare = [], []
    # tmux hands a new pane the server's environment, not ours: name the checkout in the command.
    prefix = f"env PYTHONPATH={ROOT} {sys.executable}"
    coach = f"{prefix} -m coach --data-dir {folder}"
    for _ in range(runs):
        bare.append(first_frame_seconds(f"{prefix} {HERE / 'bare_app.py'}", "bare app ready",
                                        "80x24", ENV))
        ours.append(first_frame_seconds(coach, "Office chair break", "80x24", ENV))
    return ratio_row("startup to first frame, tmux 80x24 / bare app",
                     [t * 1000 for t in ours], [t * 1000 for t in bare], "ms", 1.25)


def hold_bytes(seconds: float) -> Row:
    """Both in their own pty at once: bytes do not depend on CPU speed, and it halves the wait."""
    with ThreadPoolExecutor(2) as pool:
        ours = pool.submit(bytes_per_second, "coach", seconds)
        bare = pool.submit(bytes_per_second, "bare", seconds)
        o, b = ours.result(), bare.result()
    return Row(f"bytes/s in a {seconds:.0f} s hold / bare Digits countdown", o, b, "B/s",
               "<= 1.0", o / b <= 1.0)


def memory(folder: Path, runs: int) -> Row:
    bare_code = (f"import asyncio, sys; sys.path.insert(0, {str(HERE)!r}); "
                 "from bare_app import Bare\n"
                 "async def m():\n async with Bare().run_test() as p: await p.pause()\n"
                 "asyncio.run(m())")
    ours, bare = [], []
    for _ in range(runs):
        bare.append(peak_memory([sys.executable, "-c", bare_code]))
        ours.append(peak_memory([sys.executable, str(HERE / "progress_scale.py"),
                                 "--child", str(folder)]))
    return ratio_row("peak RSS, 10 years + progress screen / bare app", ours, bare, "MB", 1.5)


def progress(folders: dict[str, Path], runs: int) -> list[Row]:
    drawn: dict[str, list[float]] = {name: [] for name in folders}
    loaded: dict[str, list[float]] = {name: [] for name in folders}
    asyncio.run(open_progress(folders["empty"]))  # warm: first imports are not the screen
    for _ in range(runs):
        for name, folder in folders.items():
            d, lo = asyncio.run(open_progress(folder))
            drawn[name].append(d * 1000)
            loaded[name].append(lo * 1000)
    ten_loaded = med(loaded["10 years"])
    return [
        ratio_row("progress screen drawn, 10 years / empty", drawn["10 years"],
                  drawn["empty"], "ms", 1.2),
        ratio_row("progress history+totals+pain loaded, 10 y / empty", loaded["10 years"],
                  loaded["empty"], "ms", 2, ", < 150 ms", ten_loaded < 150),
    ]


def saves(month: Path, ten: Path, count: int) -> Row:
    from coach.core.storage.store import Store

    stores = [Store(month), Store(ten)]
    for store in stores:
        store.open()
    small, big = median_saves(stores, random.Random(3), count)
    return Row("save_session, 10 years / 1 month", big * 1000, small * 1000, "ms", "<= 1.5",
               big / small <= 1.5)


def latency_in(args: list[str], keys: list[bytes]) -> list[float]:
    """Each key's time to the first bytes back, waiting for a still screen between keys."""
    term = Terminal(args)
    try:
        term.settle(quiet=1.0)  # first frame, the store opened, the list filled
        times = []
        for key in keys:
            times.append(term.key_to_bytes(key) * 1000)
            term.settle(quiet=0.3)
        return times
    finally:
        term.close()


def latency(folder: Path, moves: int, starts: int) -> list[Row]:
    """With a month of history, so the store has opened before the first key: under load a
    ten-year store can take longer to open than any quiet spell we wait for, and a key that
    needs it waits for it (that is the store's time, measured by its own rows)."""
    coach = [sys.executable, "-m", "coach", "--data-dir", str(folder)]
    bare = python("bare_app.py", "keys")
    keys = [DOWN, UP] * (moves // 2)
    bare_move = latency_in(bare, keys)
    ours_move = latency_in(coach, keys)
    bare_enter, ours_start = [], []
    for _ in range(starts):  # a fresh process each time: a started session has to be left
        bare_enter += latency_in(bare, [ENTER])
        ours_start += latency_in(coach, [ENTER])
    rows = []
    for what, ours, ref in (("move in the picker", ours_move, bare_move),
                            ("start a routine", ours_start, bare_enter)):
        o, r = med(ours), med(ref)
        rows.append(Row(f"key to screen, {what} / bare app's key", o, r, "ms",
                        "<= +16 ms", o - r <= 16))
    return rows


def table(rows: list[Row]) -> str:
    lines = [f"{'measure':<52}{'ours':>10}{'reference':>11}{'ratio':>7}  {'goal':<18}met"]
    for r in rows:
        lines.append(f"{r.measure:<52}{r.ours:>7.1f} {r.unit:<3}{r.reference:>7.1f} {r.unit:<3}"
                     f"{r.ratio:>6.2f}  {r.goal:<18}{'yes' if r.met else 'NO'}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples, a 20 s hold")
    parser.add_argument("--only", nargs="*", metavar="MEASURE", choices=MEASURES,
                        help=f"just these: {', '.join(MEASURES)}")
    args = parser.parse_args()
    quick = args.quick
    began = time.monotonic()
    # As `pip install` leaves it: compiled. Without this, a checkout run with
    # PYTHONDONTWRITEBYTECODE compiles every module at every start (startup 2.5x instead of 1.8x).
    compileall.compile_dir(ROOT / "coach", quiet=1)
    root = Path(tempfile.mkdtemp(prefix="backcoach-run-"))
    print("building ten years of history ...", file=sys.stderr)
    folders = make_folders(root)
    ten = folders["10 years"]
    month = root / "month"
    write_history(month, history(random.Random(2), 30))
    _quiet_start(month)
    steps = [
        ("startup", lambda: [startup(ten, 3 if quick else 9)]),
        ("bytes", lambda: [hold_bytes(20 if quick else 120)]),
        ("memory", lambda: [memory(ten, 1 if quick else 3)]),
        ("progress", lambda: progress(folders, 2 if quick else 5)),
        ("keys", lambda: latency(month, 6 if quick else 20, 2 if quick else 5)),
        ("saves", lambda: [saves(month, ten, 10 if quick else 30)]),  # adds sessions
    ]
    rows: list[Row] = []
    try:
        for name, measure in steps:
            if args.only and name not in args.only:
                continue
            print(f"measuring {name} ...", file=sys.stderr)
            rows += measure()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"bench/run.py{' --quick' if quick else ''}: medians, each row beside its reference "
          f"in the same run ({time.monotonic() - began:.0f} s)")
    print(table(rows))


def _quiet_start(folder: Path) -> None:
    """Enter goes straight to the session: the safety page is read, pain check-ins off."""
    from coach.core.storage.store import Store

    store = Store(folder)
    store.open()
    store.save_settings(store.settings().model_copy(update={"safety_acknowledged": True, "pain_checkin": False}))


if __name__ == "__main__":
    main()
