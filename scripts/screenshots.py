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

from coach.core.content import load_library  # noqa: E402
from coach.paths import content_dir  # noqa: E402
from coach.ui.app import CoachApp  # noqa: E402

# name, terminal size, keys pressed before the shot
SHOTS = [
    ("picker", (80, 24), []),
    ("picker-wide", (120, 40), ["j"]),
    ("picker-desk-filter", (80, 24), ["w"]),
    ("library", (80, 24), ["l", "slash", *"cobra", "enter"]),
    ("library-wide", (120, 40), ["l", "j", "j", "j"]),
    ("routine", (100, 32), ["j", "j", "enter"]),
]


async def shoot(name: str, size: tuple[int, int], keys: list[str], out: Path) -> None:
    with tempfile.TemporaryDirectory() as data:
        app = CoachApp(library=load_library(content_dir()), data_dir=Path(data), animate=False)
        async with app.run_test(size=size) as pilot:
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            app.save_screenshot(filename=f"{name}.svg", path=str(out))


def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    for name, size, keys in SHOTS:
        asyncio.run(shoot(name, size, keys, out))
        print(out / f"{name}.svg")


if __name__ == "__main__":
    main()
