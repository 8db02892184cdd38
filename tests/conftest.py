from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.content.loading import Library, load_library
from coach.paths import content_dir

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _figures_in_braille(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pictures drawn the same whatever the locale or TERM of the machine running the tests."""
    monkeypatch.setenv("BACKCOACH_FIGURES", "braille")


@pytest.fixture(autouse=True)
def _no_host_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's time-away probes never ask the tmux or desktop of the machine running the
    tests (a test that wants them hands its own to app.nudges.away.probe)."""
    from coach.nudger.idle import AwayWatch

    monkeypatch.setattr(AwayWatch, "default_probe", staticmethod(lambda tmux: None))


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(content_dir())


@pytest.fixture(scope="session", autouse=True)
def machine_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where this machine's id is kept: never the user's real config folder in a test. One for
    the whole run, as every test stands for the same machine (tests of several pass ids)."""
    folder = tmp_path_factory.mktemp("machine")
    before = os.environ.get("BACKCOACH_MACHINE_DIR")
    os.environ["BACKCOACH_MACHINE_DIR"] = str(folder)
    yield folder
    if before is None:
        del os.environ["BACKCOACH_MACHINE_DIR"]
    else:
        os.environ["BACKCOACH_MACHINE_DIR"] = before


@pytest.fixture(scope="session", autouse=True)
def state_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where kept sessions go (coach/core/storage/recovery.py): never the user's real state
    folder, nor their session's runtime folder, in a test."""
    folder = tmp_path_factory.mktemp("state")
    before = {name: os.environ.pop(name, None) for name in ("XDG_STATE_HOME", "XDG_RUNTIME_DIR")}
    os.environ["XDG_STATE_HOME"] = str(folder)
    yield folder
    for name, value in before.items():
        os.environ.pop(name, None)
        if value is not None:
            os.environ[name] = value


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder, so no test touches the user's real one."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BACKCOACH_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def ready_store(data_dir: Path):
    """A store whose user has read the safety screen and turned pain check-ins off."""
    from coach.core.storage.store import Store

    store = Store(data_dir)
    store.open()
    store.save_settings(store.settings().model_copy(
        update={"safety_acknowledged": True, "pain_checkin": False, "bell": False}))
    return store


TODAY = dt.date(2026, 11, 20)  # ManualClock's default day


@pytest.fixture
def history_store(ready_store, library):
    """Four months of made-up sessions up to TODAY, the same every run."""
    from coach.core.history.sample import sample_history

    for record in sample_history(library, TODAY, 120):
        ready_store.save_session(record)
    return ready_store


async def _settle(pilot) -> None:
    """Let the app open its store (a thread, after the first frame) before pressing keys, as a
    person's first key comes well after it; keys pressed sooner wait, see CoachApp.when_store_opens."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settle():
    return _settle


@pytest.fixture
def open_app(library, data_dir):
    """Run the app on the test's data folder at a size, store opened: `async with
    open_app((80, 24)) as (app, pilot)`. Keyword arguments go to CoachApp (start=, compact=)."""
    from contextlib import asynccontextmanager

    from coach.core.storage.store import Store
    from coach.core.time.clock import ManualClock
    from coach.ui.app import CoachApp

    @asynccontextmanager
    async def run(size: tuple[int, int], **kwargs):
        app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                       animate=False, **kwargs)
        async with app.run_test(size=size) as pilot:
            await _settle(pilot)
            yield app, pilot

    return run
