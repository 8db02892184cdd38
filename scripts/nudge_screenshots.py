"""Write screenshots/ of the stand-up nudge: the prompt, the insistent prompt, the compact pane,
and the breaks beside the sessions on the progress screen.

    python scripts/nudge_screenshots.py      # writes into screenshots/
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.core.content.loading import load_library  # noqa: E402
from coach.core.nudge.log import NudgeLog, NudgeRecord, StretchRecord  # noqa: E402
from coach.core.nudge.timer import ESCALATE_AFTER  # noqa: E402
from coach.core.storage.store import Store  # noqa: E402
from coach.core.time.clock import ManualClock  # noqa: E402
from coach.paths import content_dir  # noqa: E402
from coach.ui.app import CoachApp  # noqa: E402

INTERVAL_MIN = 30
SNOOZE_MIN = 5


def sample_breaks(log: NudgeLog, today: dt.date) -> None:
    """Two made-up weeks of stretches and nudges, the same every run."""
    stretches, nudges = [], []
    for back in range(14):
        day = today - dt.timedelta(days=back)
        at = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
        for n in range(2 + back % 5):
            minutes = 25 + (n * 7 + back * 3) % 30
            stretches.append(StretchRecord(ended_at=at, day=day, seconds=minutes * 60,
                                           ended_by="break" if n % 3 else "session",
                                           limit_s=INTERVAL_MIN * 60))
            nudges.append(NudgeRecord(at=at, day=day, sitting_s=1800,
                                      answer=("break", "snooze", "skip", "no answer")[(n + back) % 4]))
    log.add(nudges, stretches)


async def shoot(name: str, size: tuple[int, int], out: Path) -> None:
    with tempfile.TemporaryDirectory() as data:
        clock = ManualClock()
        library = load_library(content_dir())
        store = Store(Path(data))
        store.open()
        store.save_settings(store.settings().model_copy(update={
            "nudge_minutes": INTERVAL_MIN, "snooze_minutes": SNOOZE_MIN,
            "safety_acknowledged": True}))
        if name == "progress-breaks":
            sample_breaks(NudgeLog(Path(data)), clock.now().date())
        app = CoachApp(library=library, store=store, clock=clock, zone="UTC", animate=False,
                       compact=True if name == "nudge-compact" else None)
        app.nudges.write_terminal = lambda text: None  # the shot, not the desktop, shows the nudge
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()  # the store opens in a thread
            await pilot.pause()

            async def sit(minutes: float) -> None:
                clock.advance(minutes * 60)
                app.nudges.tick()
                await pilot.pause()

            if name == "progress-breaks":
                await pilot.press("g")
            elif name == "nudge-compact":
                await sit(INTERVAL_MIN - 12.5)
            else:
                await sit(INTERVAL_MIN)
                if name == "nudge-insistent":
                    for _ in range(ESCALATE_AFTER):
                        await pilot.press("z")
                        await sit(SNOOZE_MIN)
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot(str(out / f"{name}.svg"))


SHOTS = [
    ("nudge", (80, 24)),
    ("nudge-insistent", (80, 24)),
    ("nudge-compact", (40, 8)),
    ("nudge-compact-prompt", (40, 8)),
    ("progress-breaks", (80, 24)),
]


def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    for name, size in SHOTS:
        asyncio.run(shoot(name, size, out))
        print(f"screenshots/{name}.svg")


if __name__ == "__main__":
    main()
