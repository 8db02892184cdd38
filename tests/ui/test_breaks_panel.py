"""Breaks beside the sessions on the progress screen, and a breaks file it cannot read."""

from __future__ import annotations

import datetime as dt

from coach.core.nudge.log import NudgeLog, NudgeRecord, StretchRecord
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.progress import ProgressScreen
from coach.ui.widgets.breaks import BreaksPanel

TODAY = dt.date(2026, 11, 20)
AT = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)


async def show_panel(library, store, settle, *keys: str) -> str:
    app = CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC", animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        assert isinstance(app.screen, ProgressScreen)
        panel = app.screen.query_one(BreaksPanel)
        await panel.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*keys)
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
    # What it counts, in words of its own ("stretches" would be exercises here); units said.
    assert shown.startswith("Breaks today\nUp within 30 min: 2 of 3 sittings\n")
    # Stand-up breaks are counted from the sessions kept (none here), as the month panel does.
    assert "0 stand-up breaks · 2 nudges (1 snoozed, 0 skipped, 0 unanswered)" in shown
    assert "Longest sitting: 48 min" in shown
    trend = shown.split("Last 14 days to today ")[1][:14]
    assert trend == "·" * 10 + "█··" + "▆"  # a dot for no data; a bar's height is the share


async def test_an_unreadable_breaks_file_is_said_not_crashed_on(library, ready_store, settle):
    folder = ready_store.home / "nudges"
    folder.mkdir()
    (folder / "2026-11.json").write_text("{")
    shown = await show_panel(library, ready_store, settle)
    assert "Breaks can't be read" in shown and "2026-11.json" in shown


async def test_the_selected_days_figures_are_shown_and_named(library, ready_store, settle):
    """Another day selected in the calendar: that day's figures, said to be that day's (they
    were today's, beside another day's sessions)."""
    log = NudgeLog(ready_store.folder)
    stretch = dict(ended_at=AT, limit_s=1800)
    old = TODAY - dt.timedelta(days=20)  # before the trend's two weeks: read on its own
    log.add([], [StretchRecord(day=TODAY, seconds=2900, ended_by="session", **stretch),
                 StretchRecord(day=old, seconds=600, ended_by="break", **stretch)])
    shown = await show_panel(library, ready_store, settle, *["left"] * 20)
    assert shown.startswith("Breaks on Sat 31 Oct\nUp within 30 min: 1 of 1 sitting\n")
    assert "Longest sitting: 10 min" in shown and "48 min" not in shown


def test_the_longest_sitting_is_worded_as_the_nudges_word_a_sitting():
    """One wording of a sitting: the panel had its own ('1 h 5 min', '45 s') beside the
    nudge's ('1 h 05 min', '1 min'), so one sitting read two ways."""
    from coach.core.nudge.log import DayFigures
    from coach.core.nudge.wording import nudge_body
    from coach.ui.widgets.breaks import breaks_text

    for seconds, said in ((45, "1 min"), (1799, "29 min"), (3930, "1 h 05 min")):
        figures = {TODAY: DayFigures(longest_s=seconds, stretches=1)}
        shown = str(breaks_text(figures, TODAY, 30))
        assert f"Longest sitting: {said}\n" in shown
        assert nudge_body(seconds).startswith(f"Sitting {said}:")
