"""Every generated kind of damage, met by the TUI's start and its progress screen, by keys.

At start the app shows the broken-file dialog (for a file that can be moved aside), or leaves
with the one-line reason and exit 2 (a folder in the wrong place, a newer file: moving a file is
no fix), or opens and says which records it skipped. Nothing crashes, and no data file changes
unless the user presses f to move the broken one aside.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from damage import DAYS, KINDS, MONTH, NUDGES, OTHER, ROUTINES, SETTINGS, build, no_hang, snapshot
from textual.worker import WorkerCancelled

from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.dialogs import BrokenStoreScreen
from coach.ui.screens.progress import ProgressScreen
from coach.ui.widgets.navlist import NavList
from tests.notices import record_notices


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pristine") / "data"
    build(folder)
    return folder


def damaged_copy(pristine: Path, tmp_path: Path, kind: str) -> tuple[Path, Path]:
    folder = tmp_path / "data"
    shutil.copytree(pristine, folder, symlinks=True)
    return folder, KINDS[kind](folder)


def kept(folder: Path, damaged: Path) -> dict[str, object]:
    """What must not change: every file but the derived summaries, and the damaged path."""
    # The summaries are derived; nudges/ is the app's own log of this run's sitting time.
    derived = (str(Path(DAYS).parent), "totals", "nudges")
    return {key: value for key, value in snapshot(folder).items()
            if _own_part(key) not in derived or folder / key == damaged}


def _own_part(key: str) -> str:
    """The first part of a path inside a machine folder ("days" of machines/desk/days/...)."""
    parts = Path(key).parts
    return parts[2] if parts[0] == "machines" and len(parts) > 2 else parts[0]


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # the app left (exit 2) while the store was opening
            return


@pytest.mark.parametrize("kind", sorted(KINDS))
async def test_the_tui_starts_and_shows_progress_or_says_what_is_wrong(
    kind: str, pristine: Path, tmp_path: Path, library
):
    folder, damaged = damaged_copy(pristine, tmp_path, kind)
    before = kept(folder, damaged)
    app = CoachApp(library=library, store=Store(folder), clock=ManualClock(), zone="UTC",
                   animate=False)
    with no_hang(30):  # a FIFO used to keep the progress screen from opening, and q from quitting
        await walk(app, kind, damaged)
    assert kept(folder, damaged) == before


async def walk(app: CoachApp, kind: str, damaged: Path) -> None:
    said = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if app.return_code is not None:  # left with the reason: nothing to move aside
            assert app.return_code == 2 and not kind.startswith("record:")
        elif isinstance(app.screen, BrokenStoreScreen):
            assert str(damaged) in app.screen.problem
            await pilot.press("q")
            await settle(pilot)
            assert app.return_code == 2
        else:
            notices = [n.message for n in said]
            # Another machine's file is skipped until whole; the nudge log is a hint.
            if not kind.startswith((OTHER, NUDGES)):
                assert kind.startswith("record:"), f"{kind}: opened as if nothing were wrong"
                assert any(m.startswith(f"{damaged}: session") for m in notices), notices
            await pilot.press("g")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ProgressScreen) and screen.loaded
            await pilot.press("t")
            await pilot.press("h")  # the History list is built when its tab is first shown
            await settle(pilot)
            assert screen.query_one("#sessions", NavList).option_count > 40
            await pilot.press("q", "q")  # back to the picker, and out
            await settle(pilot)
            assert not app.is_running


@pytest.mark.parametrize("name", [MONTH, DAYS, SETTINGS, ROUTINES])
async def test_f_moves_the_broken_file_aside_and_the_app_goes_on(
    name: str, pristine: Path, tmp_path: Path, library
):
    folder, damaged = damaged_copy(pristine, tmp_path, f"{name}:truncated")
    content = damaged.read_bytes()
    app = CoachApp(library=library, store=Store(folder), clock=ManualClock(), zone="UTC",
                   animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BrokenStoreScreen)
        await pilot.press("f")
        await settle(pilot)
        assert app.return_code is None and app.store_ready
        [moved] = damaged.parent.glob(f"{damaged.name}.broken-*")
        assert moved.read_bytes() == content
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen) and app.screen.loaded
