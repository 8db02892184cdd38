"""How exactly a hold ends, and how many bytes a countdown sends to the terminal.

    python bench/session_timing.py drift [--hold 60]     # ~4 x hold seconds
    python bench/session_timing.py bytes [--seconds 10] [--rep EXERCISE]

drift: a hold of --hold seconds played by the real session screen (headless, real clock),
measured from the moment its work phase began to the moment the screen handled its end, in
three conditions: idle, both cores busy, and a 1.5 s stall of the event loop in mid-hold.
Beside it, in the same conditions: Textual's own one-shot timer, and a countdown that counts
one-second ticks (the design we refuse).

bytes: the app in a pseudo-terminal at 80x24, during a hold, beside a bare Textual app that
shows only a Digits countdown; bytes read from the terminal per second. With --rep, the app
plays that exercise's paced reps instead of the hold: its picture moving with each rep.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import ptyprobe  # noqa: E402
from coach_hold import hold_routine  # noqa: E402
from ptyprobe import python  # noqa: E402
from textual.app import App  # noqa: E402

from coach.core.content.loading import load_library  # noqa: E402
from coach.core.session.recorder import SessionRun  # noqa: E402
from coach.core.time.clock import SystemClock  # noqa: E402
from coach.paths import content_dir  # noqa: E402
from coach.ui.screens.session import SessionScreen  # noqa: E402

STALL_S = 1.5
WARMUP_S = 15  # start-up and the 5 s get-ready are not part of the hold, even on a busy machine


class HoldApp(App):
    """Just the session screen, with a stopwatch on the hold's work phase."""

    def __init__(self, info, stall_at: float | None) -> None:
        super().__init__()
        self.run_ = SessionRun(info, SystemClock(), "UTC")
        self.stall_at = stall_at
        self.work_began: float | None = None
        self.ended: float | None = None

    def on_mount(self) -> None:
        self.push_screen(TimedSession(self.run_, bell=False))
        if self.stall_at is not None:
            self.set_timer(self.stall_at, lambda: time.sleep(STALL_S))

    def save_progress(self, run) -> None:
        pass

    def session_finished(self, run) -> None:
        self.ended = time.monotonic()
        self.exit()


class TimedSession(SessionScreen):
    def handle(self, events) -> None:
        player = self.run.player
        if self.app.work_began is None and player.phase.kind == "work":
            self.app.work_began = player.started_at
        super().handle(events)


class TimerApp(App):
    """Textual's one-shot timer, and a countdown made of one-second ticks."""

    def __init__(self, seconds: int, stall_at: float | None) -> None:
        super().__init__()
        self.seconds = seconds
        self.stall_at = stall_at
        self.results: dict[str, float] = {}

    def on_mount(self) -> None:
        start = time.monotonic()
        left = [self.seconds]

        def one_shot() -> None:
            self.results["textual set_timer"] = time.monotonic() - start

        async def count_seconds() -> None:
            # The naive countdown: one second, then the next, each after the last one ended.
            while left[0]:
                await asyncio.sleep(1)
                left[0] -= 1
            self.results["sleep(1), count down"] = time.monotonic() - start

        self.set_timer(self.seconds, one_shot)
        self.run_worker(count_seconds())
        if self.stall_at is not None:
            self.set_timer(self.stall_at, lambda: time.sleep(STALL_S))
        self.set_interval(0.05, lambda: len(self.results) == 2 and self.exit())


def burn(stop) -> None:
    while not stop.is_set():
        pass


async def one_condition(library, hold: int, stall: bool) -> dict[str, float]:
    stall_at = hold / 2 + 5 if stall else None  # mid-hold (after the 5 s get-ready)
    app = HoldApp(hold_routine(library, hold), stall_at)
    await app.run_async(headless=True, size=(80, 24))
    errors = {"backcoach hold": (app.ended - app.work_began) - hold}
    timers = TimerApp(hold, hold / 2 if stall else None)
    await timers.run_async(headless=True, size=(80, 24))
    errors.update({k: v - hold for k, v in timers.results.items()})
    return errors


def drift(hold: int) -> None:
    library = load_library(content_dir())
    rows: dict[str, dict[str, float]] = {}
    rows["idle"] = asyncio.run(one_condition(library, hold, stall=False))
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=burn, args=(stop,)) for _ in range(2)]
    for b in burners:
        b.start()
    try:
        rows["both cores busy"] = asyncio.run(one_condition(library, hold, stall=False))
    finally:
        stop.set()
        for b in burners:
            b.join()
    rows[f"{STALL_S} s loop stall"] = asyncio.run(one_condition(library, hold, stall=True))
    names = list(rows["idle"])
    print(f"end of a {hold} s hold minus {hold} s, in ms (positive = late)")
    print(f"{'':>18}" + "".join(f"{n:>22}" for n in names))
    for condition, errors in rows.items():
        print(f"{condition:>18}" + "".join(f"{errors[n] * 1000:>22.1f}" for n in names))


# -- bytes ----------------------------------------------------------------------------------


def bytes_per_second(which: str, seconds: float, rep: str = "") -> float:
    length = str(int(seconds) + WARMUP_S + 10)  # the countdowns outlast the window
    args = (python("coach_hold.py", length, *([rep] if rep else [])) if which == "coach"
            else python("bare_app.py", "countdown", length))
    return ptyprobe.bytes_per_second(args, WARMUP_S, seconds)


def bytes_bench(seconds: float, runs: int, rep: str = "") -> None:
    ours = f"backcoach {rep} reps" if rep else "backcoach hold"
    results: dict[str, list[float]] = {"bare Digits countdown": [], ours: []}
    for _ in range(runs):
        results["bare Digits countdown"].append(bytes_per_second("bare", seconds))
        results[ours].append(bytes_per_second("coach", seconds, rep))
    medians = {k: statistics.median(v) for k, v in results.items()}
    for name, value in medians.items():
        print(f"{name:>22}: {value:8.0f} bytes/s (median of {runs}; {seconds:.0f} s each)")
    print(f"ratio backcoach / bare: {medians[ours] / medians['bare Digits countdown']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    d = sub.add_parser("drift")
    d.add_argument("--hold", type=int, default=60)
    b = sub.add_parser("bytes")
    b.add_argument("--seconds", type=float, default=10)
    b.add_argument("--runs", type=int, default=3)
    b.add_argument("--rep", default="", help="an exercise whose paced reps to play instead")
    args = parser.parse_args()
    if args.what == "drift":
        drift(args.hold)
    else:
        bytes_bench(args.seconds, args.runs, args.rep)


if __name__ == "__main__":
    main()
