"""An app running while `backcoach doctor --sync-dir` moves this machine's history follows it."""

from __future__ import annotations

import datetime as dt

from coach.cli import main
from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.paths import data_dir
from coach.ui.app import CoachApp
from coach.ui.moved import follow_data_folder
from tests.faults.test_sync import session


async def test_a_running_app_follows_and_says_where(library, tmp_path, monkeypatch, settle):
    monkeypatch.delenv("BACKCOACH_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("BACKCOACH_MACHINE_DIR", str(tmp_path / "config"))
    old = data_dir()
    store = Store(old)
    store.open()
    store.save_session(session(1, dt.date(2026, 11, 3), True))
    app = CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC", animate=False)
    synced = tmp_path / "Sync"
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert main(["doctor", "--sync-dir", str(synced)]) == 0
        follow_data_folder(app.lent, app.gate)  # what the half-minute timer does
        await settle(pilot)
        assert app.store is not None and app.store.folder == synced
        assert any(m.startswith(f"Your history moved to {synced}") for m in said), said
        app.store.save_session(session(2, dt.date(2026, 11, 4), True))
    assert len(Store(synced).sessions()) == 2
    assert not list((old / "machines").glob("*/sessions"))  # nothing written back there
