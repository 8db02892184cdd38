"""Play sessions through the keys a user presses, with a hand-wound clock."""

from __future__ import annotations

from textual.widgets import Static

from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.dialogs import PainCheck, StopDialog
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.safety import SafetyScreen
from coach.ui.screens.session import SessionScreen
from coach.ui.screens.summary import SummaryScreen
from coach.ui.widgets.countdown import Countdown
from tests.notices import record_notices, said_by


def make(library, data_dir, clock=None):
    store = Store(data_dir)
    app = CoachApp(library=library, store=store, clock=clock or ManualClock(), zone="UTC",
                   animate=False)
    record_notices(app)
    return app, store


def pick(app, routine_id):
    screen = app.screen
    assert isinstance(screen, PickerScreen)
    return [i.routine.id for i in screen.shown].index(routine_id)


async def wind(pilot, clock, seconds, step=1.0):
    """Move the clock on in small steps, letting the screen tick after each."""
    moved = 0.0
    while moved < seconds:
        clock.advance(step)
        moved += step
        pilot.app.screen.tick() if isinstance(pilot.app.screen, SessionScreen) else None
    await pilot.pause()


async def test_first_session_asks_safety_once_and_plays_a_routine_to_the_end(library, data_dir, settle):
    clock = ManualClock()
    app, store = make(library, data_dir, clock)
    info = library.routines["office-break"]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press(*["j"] * pick(app, "office-break"), "enter")
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("enter")
        assert store.settings().safety_acknowledged
        assert isinstance(app.screen, PainCheck)
        await pilot.press("4")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert "Seated lumbar twist" in str(screen.query_one("#ex-name", Static).render())
        assert "GET READY" in str(screen.query_one("#phase-label", Static).render())
        # First step: 4 holds of 10 s a side; wind through it and check what was stored.
        first = sum(p.seconds for p in screen.run.player.phases if p.step == 0)
        await wind(pilot, clock, first)
        stored = store.sessions()
        assert len(stored) == 1 and stored[0].status == "in progress"
        assert [s.outcome for s in stored[0].steps] == ["done"]
        assert stored[0].steps[0].reps == 8 and stored[0].steps[0].seconds == 80
        assert stored[0].pain_before == 4
        # The second step: skip the rest, press next on holds, watch the countdown.
        await pilot.press("n")  # no need for the rest; both seated, so no get-ready either
        digits = screen.query_one("#countdown", Countdown)
        assert screen.run.player.phase.kind == "work" and digits.value == "5"
        await wind(pilot, clock, 2)
        assert digits.value == "3"
        assert "hold 1/4" in str(screen.query_one("#ex-where", Static).render())
        await wind(pilot, clock, info.seconds)  # run out the routine
        assert isinstance(app.screen, PainCheck)
        await pilot.press("2")
        assert isinstance(app.screen, SummaryScreen)
        summary = str(app.screen.query_one("#summary Static", Static).render())
        assert "Session complete" in summary and "4 before → 2 after" in summary
        assert "1 day in a row" in summary
        assert "Counts    Counts as a session and for the streak" in summary
        [record] = store.sessions()
        assert record.status == "completed" and record.pain_after == 2
        assert [s.exercise_id for s in record.steps] == [
            "seated-lumbar-twist", "seated-scapular-retraction"
        ]
        assert [s.outcome for s in record.steps] == ["done", "done"]
        assert record.steps[1].reps == 4
        await pilot.press("enter")
        assert isinstance(app.screen, PickerScreen)
        # Second session: no safety screen this time.
        await pilot.press("enter")
        assert isinstance(app.screen, PainCheck)


async def test_keys_pause_skip_adjust_and_stop_with_save(library, data_dir, ready_store, settle):
    clock = ManualClock()
    app, store = make(library, data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press(*["j"] * pick(app, "desk-five"), "enter")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        player = screen.run.player
        await pilot.press("n")  # straight into the standing arch
        await wind(pilot, clock, 6)
        await pilot.press("space")
        assert player.paused
        assert "PAUSED" in str(screen.query_one("#phase-label", Static).render())
        await wind(pilot, clock, 60)
        assert player.view().rep == 2  # paused: still the second rep
        await pilot.press("space")
        assert not player.paused
        await pilot.press("s")  # skip the arch
        assert player.view().step_index == 1
        before = (player.view().seconds_left, player.deadline())
        await pilot.press("plus")  # reps cannot be lengthened: a notice, nothing changes
        assert (player.view().seconds_left, player.deadline()) == before
        assert any("longer or shorter" in n.message for n in said_by(app))
        await pilot.press("i")
        assert screen.query_one("#ex-details").display
        await pilot.press("i")
        await pilot.press("q")
        assert isinstance(app.screen, StopDialog)
        await pilot.press("g")  # go on
        assert isinstance(app.screen, SessionScreen) and not player.paused
        await pilot.press("n", "n")  # finish the rest; into sit-and-rotate
        await wind(pilot, clock, 7)
        await pilot.press("escape", "s")  # stop, save
        assert isinstance(app.screen, SummaryScreen)
        [record] = store.sessions()
        assert record.status == "stopped"
        assert [(s.exercise_id, s.outcome) for s in record.steps] == [
            ("standing-back-arch", "skipped"), ("sit-and-rotate", "partial")
        ]
        assert record.steps[0].seconds == 6 and record.steps[1].seconds == 7


async def test_discard_leaves_nothing_stored(library, data_dir, ready_store, settle):
    clock = ManualClock()
    app, store = make(library, data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press(*["j"] * pick(app, "micro-break"), "enter")
        await wind(pilot, clock, 70)  # the first step ends and is saved
        assert len(store.sessions()) == 1
        await pilot.press("q", "d")
        assert isinstance(app.screen, PickerScreen)
        assert store.sessions() == []


async def test_adjust_a_hold_and_go_back(library, data_dir, ready_store, settle):
    clock = ManualClock()
    app, store = make(library, data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press(*["j"] * pick(app, "office-break"), "enter")
        screen = app.screen
        await pilot.press("n")  # into the first 10 s hold
        await pilot.press("plus")
        assert screen.query_one("#countdown", Countdown).value == "20"
        await pilot.press("minus", "minus")
        assert screen.query_one("#countdown", Countdown).value == "1"
        await wind(pilot, clock, 2)
        await pilot.press("p")  # back to the start of the step
        assert screen.run.player.phase.kind == "ready"


async def test_a_finished_stand_up_break_says_why_the_streak_did_not_move(
        library, data_dir, ready_store, settle):
    """'Session complete … Streak 0 days in a row' after a micro-break done in full read as
    a fault; the summary now says what the session counted for."""
    clock = ManualClock()
    app, store = make(library, data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*["j"] * pick(app, "micro-break"), "enter")
        await wind(pilot, clock, library.routines["micro-break"].seconds + 5)
        assert isinstance(app.screen, SummaryScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = " ".join(str(app.screen.query_one("#summary Static", Static).render()).split())
        assert "Session complete" in summary and "Streak 0 days in a row" in summary
        assert "A stand-up break: counts as a session, not for the streak (breaks are kept " \
               "out of it; Settings changes that)" in summary
