"""One sitting clock per machine: an app and another copy on one data folder; a nudge that
waits for a dialog; a nudge as a prompt or a notice, never both; b then discard is no break."""

from __future__ import annotations

import datetime as dt

from coach.core.nudge.log import NudgeLog, stretch_record
from coach.core.nudge.shared import SharedClock
from coach.core.nudge.timer import NudgeRules, SittingTimer
from coach.core.session.recorder import SessionRun
from coach.core.session.records import SessionRecord
from coach.core.time.clock import ManualClock
from coach.ui.screens.compact import CompactScreen
from coach.ui.screens.dialogs import PainCheck, StopDialog
from coach.ui.screens.nudge import NudgeScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.session import SessionScreen
from tests.ui.test_nudges import MONTH, make, nudge_settings, nudging_app, saved, wait_for
from tests.unit.test_nudge_keeper import OtherProcess

MIN = 60.0


def other_copy(folder, app_clock, interval_min=30):
    """The core clock as another copy keeps it (a second app, the compact pane, the nudger)."""
    timer = SittingTimer(OtherProcess(app_clock), NudgeRules(interval_s=interval_min * MIN))
    shared = SharedClock(NudgeLog(folder), timer, "other copy")
    shared.alive.hold()
    return timer, shared


def micro_break(library, app_clock) -> SessionRecord:
    """The stand-up break another copy ran and saved, ended now by the app's clock."""
    routine = library.routines["micro-break"]
    clock = ManualClock(app_clock.now() - dt.timedelta(minutes=10))  # over before now
    run = SessionRun(routine, clock, "UTC", counts_for_streak=False)
    run.player.start()
    while not run.player.finished:
        clock.advance(1)
        run.player.update()
    return run.record("completed")


def pane(app) -> str:
    return str(app.screen.query_one("#pane").render())


async def test_a_break_in_another_copy_resets_the_compact_pane_within_a_tick(
        library, ready_store, settle):
    nudge_settings(ready_store, nudge_minutes=30)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        await saved(pilot)
        other, shared = other_copy(ready_store.folder, app.clock)
        shared.pull()
        await wait_for(pilot, 20 * MIN)
        assert isinstance(app.screen, CompactScreen) and "Sitting    20 min" in pane(app)
        other.session_started()  # the micro-break, in the main app
        shared.push()
        await wait_for(pilot, 1)
        assert "Next break after the one under way" in pane(app)  # the break there
        await wait_for(pilot, 90)
        other.session_ended()
        shared.push()
        await wait_for(pilot, 1)
        log = NudgeLog(ready_store.folder)
        log.add(stretches=[stretch_record(app.clock.now(), 20 * MIN, "break", 30 * MIN, "UTC", 4)])
        ready_store.save_session(micro_break(library, app.clock))  # the break it kept
        shared.push(force=True)  # the other copy's record, then its clock
        await wait_for(pilot, 1)
        await saved(pilot)
        await wait_for(pilot, 0)  # the next tick draws the figures read
        assert "Sitting    0 min" in pane(app) and "in 29:58" in pane(app)
        assert "1 break " in pane(app)  # the break taken there counts here
        await wait_for(pilot, 20 * MIN)
        assert "Next break now" not in pane(app)  # not two minutes after the break: 30 min
        shared.alive.release()


async def test_one_nudge_per_due_time_whoever_delivers_it(library, ready_store, settle):
    nudge_settings(ready_store, nudge_minutes=30)
    app, written = make(library, ready_store)
    log = NudgeLog(ready_store.folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await saved(pilot)
        other, shared = other_copy(ready_store.folder, app.clock)
        shared.pull()
        app.clock.advance(30 * MIN)
        [event] = other.poll()
        assert event.kind == "nudge" and shared.claim()  # the other copy delivers it
        app.nudges.tick()
        await pilot.pause()
        assert not isinstance(app.screen, NudgeScreen) and written == []
        assert app.nudges.timer.pending is not None  # shown as waiting, not a second time
        assert not shared.claim() or log.timer().writer == "other copy"
        other.answer("snooze")
        shared.push()
        await wait_for(pilot, 1)
        assert app.nudges.timer.pending is None and app.nudges.timer.next_in_s() == 5 * MIN - 1
        shared.alive.release()


async def test_a_nudge_waits_for_the_pain_check_in_and_s_answers_the_check_in(
        library, ready_store, settle):
    nudge_settings(ready_store, pain_checkin=True)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 59)
        answers: list[int | None] = []
        app.push_screen(PainCheck("right now"), answers.append)  # a dialog, no session after
        await wait_for(pilot, 2)  # the nudge is due with the check-in open
        assert isinstance(app.screen, PainCheck)
        await pilot.press("3")
        await wait_for(pilot, 1)
        assert answers == [3] and isinstance(app.screen, NudgeScreen)  # now, and not before


async def test_s_in_the_pain_check_in_is_the_check_ins_skip(library, ready_store, settle):
    nudge_settings(ready_store, pain_checkin=True)
    app, _ = make(library, ready_store, start="desk-five")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 61)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)  # the routine began; the nudge was not hit
        assert app.screen.run.info.routine.id == "desk-five"


async def test_a_nudge_is_a_prompt_or_a_notice_never_both(library, ready_store, settle):
    nudge_settings(ready_store)
    app, _ = make(library, ready_store)
    notices: list[str] = []
    app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 60)
        assert isinstance(app.screen, NudgeScreen) and notices == []
        await pilot.press("s")
        await pilot.press("slash")  # into the picker's search box: a prompt would eat letters
        assert isinstance(app.screen, PickerScreen)
        await wait_for(pilot, 60)
        assert not isinstance(app.screen, NudgeScreen)
        assert notices == ["Sitting 2 min: time to stand up and move."]
        await saved(pilot)
        answers = [n.answer for n in NudgeLog(ready_store.folder).month(MONTH).nudges]
        assert answers == ["skip", "no answer"]  # the notice, unanswered: a snooze (the rule)
        assert app.nudges.timer.next_in_s() == 5 * MIN


async def test_b_then_discard_is_no_break(library, ready_store, settle):
    app = nudging_app(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 60)
        assert isinstance(app.screen, NudgeScreen)
        await pilot.press("b")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("q")
        assert isinstance(app.screen, StopDialog)
        await pilot.press("d")
        await wait_for(pilot, 1)
        await saved(pilot)
        log = NudgeLog(ready_store.folder)
        month = log.month(MONTH)
        assert month.stretches == () and [n.answer for n in month.nudges] == ["no answer"]
        assert log.days(month.nudges[0].day, month.nudges[0].day)[month.nudges[0].day].breaks == 0
        assert app.nudges.timer.sitting_s() == 61  # the stretch goes on


async def test_the_nudge_and_the_pane_say_the_same_minutes(library, ready_store, settle):
    nudge_settings(ready_store, nudge_minutes=7)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 7 * MIN - 0.4)  # as the real tick lands, a hair either side
        await wait_for(pilot, 0.5)
        assert "sitting 7 min." in str(app.screen.query_one("#nudge-text").render())
        await pilot.press("escape")
        await wait_for(pilot, 1)  # a second later, in the compact pane
        assert isinstance(app.screen, CompactScreen) and "Sitting    7 min" in pane(app)


async def test_settings_say_whether_time_away_can_be_noticed_here(library, ready_store, settle,
                                                                 monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.press("end", "up")  # the last nudge row (the reminders follow): time away
        await pilot.pause()
        hint = str(app.screen.query_one("#settings-hint").render())
        assert "Time away cannot be noticed here" in hint and "counts as sitting" in hint
        await pilot.press("right")
        assert ready_store.settings().away_minutes == 6


async def test_the_app_does_not_nudge_on_top_of_the_nudger(library, ready_store, settle):
    from coach.core.nudge.shared import NUDGER_FILE, Presence

    nudge_settings(ready_store)
    nudger = Presence(NudgeLog(ready_store.folder).folder / NUDGER_FILE, exclusive=True)
    assert nudger.hold()
    app, written = make(library, ready_store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await saved(pilot)
            await wait_for(pilot, 61)
            assert not isinstance(app.screen, NudgeScreen) and written == []
            assert NudgeLog(ready_store.folder).timer().pending_at is None  # the nudger's to claim
    finally:
        nudger.release()
