"""Breaks beside the sessions on the progress screen, and a breaks file it cannot read."""

from __future__ import annotations

import datetime as dt

from coach.core.session.clock import ManualClock
from coach.core.storage.nudges import NudgeLog, NudgeRecord, StretchRecord
from coach.ui.app import CoachApp
from coach.ui.screens.progress import ProgressScreen
from coach.ui.widgets.breaks import BreaksPanel

TODAY = dt.date(2026, 11, 20)
AT = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)


async def show_panel(library, store, settle) -> str:
    app = CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC", animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        assert isinstance(app.screen, ProgressScreen)
        panel = app.screen.query_one(BreaksPanel)
        await panel.workers.wait_for_complete()
        await pilot.pause()
        assert panel.region.height > 0  # in view at 80x24, beside the day's sessions
        return str(panel.render())


async def test_today_and_the_trend(library, ready_store, settle):
    log = NudgeLog(ready_store.folder)
    stretch = dict(ended_at=AT, limit_s=1800)
    log.add(
        [NudgeRecord(at=AT, day=TODAY, answer=a, sitting_s=1800) for a in ("snooze", "break")],
        [StretchRecord(day=TODAY, seconds=s, ended_by=e, **stretch)
         for s, e in ((1500, "break"), (2900, "session"), (1700, "break"))]
        + [StretchRecord(day=TODAY - dt.timedelta(days=3), seconds=900, ended_by="break",
                         **stretch)],
    )
    shown = await show_panel(library, ready_store, settle)
    assert "Moved every 30 min today: 2 of 3 stretches" in shown
    assert "2 breaks · 2 nudges (1 snoozed, 0 skipped, 0 unanswered)" in shown
    assert "Longest sitting: 48:20" in shown
    trend = shown.split("Last 14 days ")[1][:14]
    assert trend == "·" * 10 + "█··" + "▆"  # a dot for no data; a bar's height is the share


async def test_an_unreadable_breaks_file_is_said_not_crashed_on(library, ready_store, settle):
    folder = ready_store.home / "nudges"
    folder.mkdir()
    (folder / "2026-11.json").write_text("{")
    shown = await show_panel(library, ready_store, settle)
    assert "Breaks can't be read" in shown and "2026-11.json" in shown
