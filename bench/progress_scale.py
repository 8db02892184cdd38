"""Does ten years of history slow the app down? Startup, the progress screen, peak memory.

    python bench/progress_scale.py [--runs 5] [--progress-only]

Builds an empty data folder and one with ten years (7,300 sessions, two a day), then, in one
run so machine noise hits both alike:
- startup to the first frame of the picker in tmux (as bench/startup.py measures it);
- opening the progress screen headless: until its calendar and heatmap are drawn, and until
  the whole history has loaded in the background;
- the median save_session with one month of history against ten years;
- peak memory (max RSS) of a process that opens the app and the progress screen with the
  history loaded, beside a bare Textual app;
- the screen's history loaded again with its worker on the summaries (screen_on_summaries);
- the history, totals and pain series loaded in the core, two ways: reading every month file
  (what the progress screen's worker does today) and from the per-month summaries plus one
  page of history (coach.core.history.overview).
--progress-only skips startup (tmux), memory and saves: the progress measures alone.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from startup import first_frame_seconds  # noqa: E402
from store_scale import history, median_saves, write_history  # noqa: E402

TODAY = dt.date(2026, 11, 28)


def make_folders(root: Path) -> dict[str, Path]:
    from coach.core.storage.store import Store

    folders = {"empty": root / "empty", "10 years": root / "ten"}
    for folder in folders.values():
        store = Store(folder)
        store.open()
        store.save_settings(store.settings().model_copy(update={"safety_acknowledged": True}))
    write_history(folders["10 years"], history(random.Random(1), 3650))
    Store(folders["10 years"]).open()  # builds the day summaries once, as a first start would
    return folders


def screen_on_summaries() -> None:
    """Give ProgressScreen the worker it would have on coach.core.history.overview: totals and
    pain from the month summaries, the first page of the history. What the screen measures then
    is what the UI's change (helper "ui" owns the screen) would give."""
    from textual import work

    from coach.core.history.overview import history_page, pain_of, totals_of
    from coach.ui.screens.progress import ProgressScreen, SessionLine

    def load_history(self) -> None:
        store = self.app.store
        months = store.month_totals()
        done = totals_of(months, self.app.library.exercises)
        page, _ = history_page(store)
        lines = [SessionLine.of(r) for r in page]
        self.app.call_from_thread(self.history_loaded, lines, done, pain_of(months))

    ProgressScreen.load_history = work(thread=True, exclusive=True)(load_history)


async def open_progress(folder: Path) -> tuple[float, float]:
    from coach.core.content.loading import load_library
    from coach.core.storage.store import Store
    from coach.core.time.clock import ManualClock
    from coach.paths import content_dir
    from coach.ui.app import CoachApp

    start = dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC)
    app = CoachApp(load_library(content_dir()), Store(folder), ManualClock(start), "UTC",
                   animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # the store opens in a thread
        await pilot.pause()
        began = time.perf_counter()
        app.action_progress()
        # Poll rather than pilot.pause(), which would also wait for the history thread.
        while not _drawn(app):
            await asyncio.sleep(0.002)
        drawn = time.perf_counter() - began
        await app.screen.workers.wait_for_complete()
        while not app.screen.loaded:
            await asyncio.sleep(0.002)
        loaded = time.perf_counter() - began
    return drawn, loaded


def every_month(store, exercises) -> None:
    """The progress screen's worker as it is: every month file read, totals and pain built."""
    from coach.core.history.progress import months_with, pain_trend, totals

    records = []
    for first, last in months_with(store.session_days()):
        records.extend(store.sessions_between(first, last))
    totals(records, exercises)
    pain_trend(records)


def from_summaries(store, exercises) -> None:
    """The same answers from the month summaries, and the first page of the history list."""
    from coach.core.history.overview import history_page, pain_of, totals_of

    months = store.month_totals()
    totals_of(months, exercises)
    pain_of(months)
    history_page(store)


def core_loads(folders: dict[str, Path], runs: int) -> dict[str, dict[str, list[float]]]:
    from coach.core.content.loading import load_library
    from coach.core.storage.store import Store
    from coach.paths import content_dir

    exercises = load_library(content_dir()).exercises
    stores = {name: Store(folder) for name, folder in folders.items()}
    for store in stores.values():
        store.open()  # done at start, in the app: not part of what the screen waits for
    ways = {"core: every month file read": every_month,
            "core: summaries + first page": from_summaries}
    out: dict[str, dict[str, list[float]]] = {way: {n: [] for n in folders} for way in ways}
    for _ in range(runs):
        for way, load in ways.items():
            for name, store in stores.items():
                began = time.perf_counter()
                load(store, exercises)
                out[way][name].append(time.perf_counter() - began)
    return out


MEASURE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
           "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _drawn(app) -> bool:
    from coach.ui.screens.progress import ProgressScreen

    screen = app.screen
    return isinstance(screen, ProgressScreen) and screen.is_mounted and bool(
        str(screen.query_one("#heatmap").render()).strip()
    )


def peak_memory(args: list[str]) -> int:
    """Max RSS in MB of `args`, run under a fresh parent so no earlier child counts."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *args], check=True,
                         capture_output=True, text=True).stdout
    return int(out) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--progress-only", action="store_true",
                        help="only the progress measures (no tmux, memory or saves)")
    args = parser.parse_args()
    if args.child:
        asyncio.run(open_progress(Path(args.child)))
        return
    root = Path(tempfile.mkdtemp(prefix="backcoach-scale-"))
    folders = make_folders(root)
    env = dict(os.environ, TERM="xterm-256color")
    startup: dict[str, list[float]] = {name: [] for name in folders}
    drawn: dict[str, list[float]] = {name: [] for name in folders}
    loaded: dict[str, list[float]] = {name: [] for name in folders}
    loaded_summaries: dict[str, list[float]] = {name: [] for name in folders}
    for _ in range(args.runs):
        for name, folder in folders.items():
            command = f"{sys.executable} -m coach --data-dir {folder}"
            if not args.progress_only:
                startup[name].append(
                    first_frame_seconds(command, "Office chair break", "80x24", env)
                )
            d, loaded_s = asyncio.run(open_progress(folder))
            drawn[name].append(d)
            loaded[name].append(loaded_s)
    screen_on_summaries()  # from here on, the screen loads from the summaries
    for _ in range(args.runs):
        for name, folder in folders.items():
            loaded_summaries[name].append(asyncio.run(open_progress(folder))[1])

    def med(values: list[float]) -> float:
        return statistics.median(values) * 1000

    tables = {"startup to first frame (tmux)": startup, "progress screen drawn": drawn,
              "progress history loaded (screen)": loaded,
              "... screen on the summaries": loaded_summaries, **core_loads(folders, args.runs)}
    print(f"medians of {args.runs} runs, in ms")
    print(f"{'':>34}{'empty':>10}{'10 years':>10}{'ratio':>10}")
    for label, table in tables.items():
        if table["empty"]:
            e, t = med(table["empty"]), med(table["10 years"])
            print(f"{label:>34}{e:>10.1f}{t:>10.1f}{t / max(e, 0.1):>10.2f}")
    if args.progress_only:
        return
    bare = peak_memory([sys.executable, "-c",
                        f"import asyncio,sys; sys.path.insert(0, {str(HERE)!r}); from bare_app import Bare\n"
                        "async def m():\n async with Bare().run_test() as p: await p.pause()\n"
                        "asyncio.run(m())"])
    mem = {name: peak_memory([sys.executable, __file__, "--child", str(folder)])
           for name, folder in folders.items()}
    month = root / "month"
    write_history(month, history(random.Random(2), 30))
    from coach.core.storage.store import Store

    stores = [Store(month), Store(folders["10 years"])]
    for store in stores:
        store.open()
    saves = median_saves(stores, random.Random(3), 30)
    print(f"{'save_session':>34}{saves[0] * 1000:>10.1f}{saves[1] * 1000:>10.1f}"
          f"{saves[1] / saves[0]:>8.2f}   (1 month, not empty, against 10 years)")
    print(f"peak memory (max RSS, MB): bare Textual {bare}, backcoach empty {mem['empty']}, "
          f"backcoach 10 years with the progress screen {mem['10 years']}")


if __name__ == "__main__":
    main()
