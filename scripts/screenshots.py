"""Drive the app with Pilot and write screenshots/*.svg for the README.

    python scripts/screenshots.py            # writes into screenshots/
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.core.content.loading import load_library  # noqa: E402
from coach.core.history.sample import sample_history  # noqa: E402
from coach.core.storage.store import Store  # noqa: E402
from coach.core.time.clock import ManualClock  # noqa: E402
from coach.paths import content_dir  # noqa: E402
from coach.ui.app import CoachApp  # noqa: E402

# name, terminal size, keys pressed before the shot, seconds the clock moves on afterwards
SHOTS = [
    ("picker", (80, 24), [], 0),
    ("picker-wide", (120, 40), ["j"], 0),
    ("picker-desk-filter", (80, 24), ["w"], 0),
    ("library", (80, 24), ["l", "slash", *"cobra", "enter"], 0),
    ("library-wide", (120, 40), ["l", "j", "j", "j"], 0),
    ("routine", (100, 32), ["j", "j", "p"], 0),
    ("safety", (80, 24), ["enter"], 0),
    ("session-hold", (80, 24), ["j", "enter", "enter", "3", "n"], 4),
    ("session-reps", (80, 24), ["j", "j", "enter", "enter", "s", "n", "n", "n"], 6),
    ("summary", (80, 24), ["enter", "enter", "3", "n", "n", "n", "n", "1"], 0),
    ("editor", (80, 24), ["j", "j", "e", "y", "j", "j"], 0),
    ("editor-add", (80, 24), ["n", *"Evening", "tab", "tab", "a", *"twist"], 0),
    ("progress", (80, 24), ["g", "enter"], 0),
    ("progress-year", (80, 24), ["g", "y"], 0),
    ("progress-wide", (120, 40), ["g", "t"], 0),
    ("progress-history", (80, 24), ["g", "h"], 0),
]
WITH_HISTORY = {"progress", "progress-year", "progress-wide", "progress-history"}


async def shoot(name: str, size: tuple[int, int], keys: list[str], wait: float, out: Path) -> None:
    with tempfile.TemporaryDirectory() as data:
        clock = ManualClock()
        library = load_library(content_dir())
        store = Store(Path(data))
        if name in WITH_HISTORY:
            store.open()
            for record in sample_history(library, clock.now().date(), 400):
                store.save_session(record)
        app = CoachApp(library=library, store=store, clock=clock, zone="UTC", animate=False)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()  # the store opens in a thread
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                clock.advance(0.4)
            clock.advance(wait)
            await app.screen.workers.wait_for_complete()
            await pilot.pause(0.3)
            app.save_screenshot(filename=f"{name}.svg", path=str(out))


def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    for name, size, keys, wait in SHOTS:
        asyncio.run(shoot(name, size, keys, wait, out))
        print(out / f"{name}.svg")


if __name__ == "__main__":
    main()
