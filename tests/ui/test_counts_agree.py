"""Every surface counts sessions by one rule (coach/core/session/counting.py) and says the same.

A synced folder: this machine ("desk") did desk stretches and a stand-up break today, and
opened a routine and left it at once; the laptop did a stand-up break yesterday. Breaks are
kept out of the streak (the default). Every surface must say: 3 sessions, 2 of them stand-up
breaks, and 1 record kept but not counted. On the old code the month panel said "1 session",
`status --json` said 1 while Totals said 3, and History listed 4.
"""

from __future__ import annotations

import datetime as dt
import json

from textual.widgets import Static

from coach.cli import main
from coach.core.history.overview import totals_of
from coach.core.history.progress import streaks, totals
from coach.core.session.counting import DayCount, record_counts
from coach.core.session.recorder import SessionRun
from coach.core.session.records import SessionRecord
from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.progress import ProgressScreen
from coach.ui.screens.session_detail import SessionDetail

TODAY = dt.date(2026, 11, 20)  # ManualClock's default day
YESTERDAY = TODAY - dt.timedelta(days=1)
START = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)


def played(library, routine: str, at: dt.datetime, **kwargs) -> SessionRecord:
    """The routine run to its end, as the player records it."""
    clock = ManualClock(at)
    run = SessionRun(library.routines[routine], clock, "UTC", **kwargs)
    run.player.start()
    while not run.player.finished:
        clock.advance(1)
        run.player.update()
    return run.record("completed")


def left_at_once(library, at: dt.datetime) -> SessionRecord:
    run = SessionRun(library.routines["after-work"], ManualClock(at), "UTC")
    return run.record("stopped")


def synced_folder(library, folder) -> Store:
    desk, laptop = Store(folder, machine="desk"), Store(folder, machine="laptop")
    desk.open()
    desk.save_settings(desk.settings().model_copy(
        update={"safety_acknowledged": True, "pain_checkin": False, "bell": False}))
    full = played(library, "desk-five", START).model_copy(update={"pain_before": 6,
                                                                  "pain_after": 4})
    desk.save_session(full)
    desk.save_session(played(library, "micro-break", START + dt.timedelta(hours=2),
                             counts_for_streak=False))
    desk.save_session(left_at_once(library, START + dt.timedelta(hours=3)))
    laptop.save_session(played(library, "micro-break", START - dt.timedelta(days=1),
                               counts_for_streak=False))
    return desk


def test_the_core_counts_by_one_rule(library, tmp_path):
    store = synced_folder(library, tmp_path / "data")
    records = store.sessions()
    assert len(records) == 4  # every record is kept; the rule says which count
    judged = [record_counts(r) for r in records]
    assert sum(c.session for c in judged) == 3 and sum(c.stand_up_break for c in judged) == 2
    days = store.day_counts()
    assert days[TODAY].sessions == 2 and days[TODAY].breaks == 1 and days[TODAY].streak == 1
    assert days[YESTERDAY] == DayCount(1, days[YESTERDAY].seconds, 1, 0)
    assert sum(c.sessions for c in days.values()) == 3
    summed = totals_of(store.month_totals(), library.exercises)
    read = totals(records, library.exercises)
    assert (summed.sessions, summed.breaks) == (read.sessions, read.breaks) == (3, 2)
    assert summed.seconds == read.seconds == sum(c.seconds for c in days.values())
    # A break-only day keeps no streak (the setting's default): the streak is today alone.
    assert list(store.session_days()) == [TODAY]
    assert streaks(store.session_days(), TODAY) == (1, 1)


def test_status_and_export_count_as_the_core_does(library, tmp_path, capsys):
    folder = tmp_path / "data"
    synced_folder(library, folder)
    assert main(["--data-dir", str(folder), "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["sessions_total"], status["breaks_total"]) == (3, 2)
    assert main(["--data-dir", str(folder), "status", "--format", "{sessions} {breaks}"]) == 0
    assert capsys.readouterr().out == "3 2\n"
    assert main(["--data-dir", str(folder), "export"]) == 0
    exported = [SessionRecord.model_validate(doc)
                for doc in json.loads(capsys.readouterr().out)["sessions"]]
    assert len(exported) == 4  # an export keeps everything, counted or not
    assert sum(record_counts(r).session for r in exported) == 3
    out = tmp_path / "export.json"
    assert main(["--data-dir", str(folder), "export", "--output", str(out)]) == 0
    assert capsys.readouterr().out == (
        "3 sessions, 2 of them stand-up breaks; 1 more kept but not counted (no work done): "
        f"written to {out}\n")


async def test_the_progress_screen_says_the_same(library, tmp_path, settle):
    store = synced_folder(library, tmp_path / "data")
    app = CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC", animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()

        def shown(selector: str) -> str:
            return str(screen.query_one(selector, Static).render())

        day = shown("#day")
        assert "2 sessions, 1 of them a stand-up break" in day
        assert "counts for the streak" in day
        assert "1 stand-up break · " in shown("#breaks")
        await pilot.press("left")
        await pilot.pause()
        day = shown("#day")
        assert "1 session, a stand-up break" in day and "breaks: not in the streak" in day
        assert "Streak 1 day" in shown("#progress-head")
        await pilot.press("t")
        await pilot.pause()
        assert shown("#totals-text").startswith("3 sessions, 2 of them stand-up breaks · ")
        await pilot.press("h")
        await pilot.pause()
        assert shown("#history-head") == (
            "Listed: 3 sessions, 2 of them stand-up breaks; 1 more kept but not counted "
            "(no work done)")
        # The session opened from History shows its pain check-in and what it counts for.
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDetail)
        detail = str(app.screen.query_one(".dialog-body", Static).render())
        assert "Five desk stretches" in detail and "Pain 6 before → 4 after (0-10)" in detail
        assert "Counts as a session and for the streak" in detail
