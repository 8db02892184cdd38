"""A nudge through snooze, skip and break, pressed as a user would; what the store then holds."""

from __future__ import annotations

import datetime as dt

from coach.commands.nudge_status import nudge_fields
from coach.core.nudge.log import NudgeLog
from coach.core.nudge.timer import ESCALATE_AFTER
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.compact import CompactScreen
from coach.ui.screens.nudge import NudgeScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.session import SessionScreen
from coach.ui.screens.summary import SummaryScreen
from coach.ui.widgets.diagram import Diagram

MONTH = "2026-11"  # ManualClock starts on Fri 20 Nov 2026, 09:00 UTC: working hours


def make(library, store, **kwargs):
    app = CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC", animate=False,
                   **kwargs)
    written: list[str] = []
    app.nudges.write_terminal = written.append  # what would reach the terminal
    return app, written


def nudge_settings(store, **changes):
    store.save_settings(store.settings().model_copy(update={"nudge_minutes": 1, **changes}))


def nudging_app(library, store, **changes):
    """An app on a hand-wound clock that nudges after a minute (or as changed)."""
    nudge_settings(store, **changes)
    return make(library, store)[0]


async def wait_for(pilot, seconds):
    """Let the sitting timer see `seconds` pass."""
    pilot.app.clock.advance(seconds)
    pilot.app.nudges.tick()
    await pilot.pause()


async def do_the_break(pilot):
    """The whole micro-break (90 s), a second at a time, as the session screen ticks."""
    for _ in range(100):
        pilot.app.clock.advance(1)
        if isinstance(pilot.app.screen, SessionScreen):
            pilot.app.screen.tick()
    await pilot.pause()


async def saved(pilot):
    """Until the writes have landed: a worker's result may start another (read, then write)."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def test_snooze_skip_and_break_are_kept(library, ready_store, settle):
    nudge_settings(ready_store)
    app, written = make(library, ready_store)
    log = NudgeLog(ready_store.folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 59)
        assert not isinstance(app.screen, NudgeScreen)
        await wait_for(pilot, 1)
        assert isinstance(app.screen, NudgeScreen)
        shown = str(app.screen.query_one("#nudge-text").render())
        assert "Time to stand up: sitting 1 min." in shown and "Feet:" in shown  # a checklist item
        assert written == ["\x07\x1b]9;backcoach: Sitting 1 min: time to stand up and move.\x07"
                           "\x1b]777;notify;backcoach;Sitting 1 min: time to stand up and move.\x07"]
        await pilot.press("z")
        assert isinstance(app.screen, PickerScreen)
        await saved(pilot)
        assert [n.answer for n in log.month(MONTH).nudges] == ["snooze"]

        await wait_for(pilot, 5 * 60)  # the snooze re-arms by itself
        assert isinstance(app.screen, NudgeScreen)
        assert "Knees:" in str(app.screen.query_one("#nudge-text").render())  # the next item
        await pilot.press("s")
        await saved(pilot)
        assert [n.answer for n in log.month(MONTH).nudges] == ["snooze", "skip"]

        await wait_for(pilot, 60)
        await pilot.press("b")  # the micro-break starts at once (safety read, no check-in)
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.run.info.routine.id == "micro-break"
        await do_the_break(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await saved(pilot)
        month = log.month(MONTH)  # kept as the break ends: one discarded would be no break
        assert [n.answer for n in month.nudges] == ["snooze", "skip", "break"]
        [stretch] = month.stretches
        assert (stretch.ended_by, stretch.seconds) == ("break", 7 * 60)
        [record] = ready_store.sessions()
        assert record.routine_id == "micro-break" and not record.counts_for_streak
        assert {s.outcome for s in record.steps} == {"done"}
        assert ready_store.session_days() == {}  # by default a break keeps no streak
        assert log.days(record.day, record.day)[record.day].breaks == 1
        # A new stretch began as the break ended; the next nudge is one interval after it.
        assert not app.nudges.timer.in_session and app.nudges.timer.sitting_s() < 30
        assert app.nudges.timer.sitting_s() + app.nudges.timer.next_in_s() == 60


async def test_a_break_counts_for_the_streak_when_the_setting_says_so(library, ready_store,
                                                                      settle):
    nudge_settings(ready_store, break_counts_for_streak=True)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 60)
        await pilot.press("b")
        await do_the_break(pilot)
        await saved(pilot)
        [record] = ready_store.sessions()
        assert ready_store.session_days() == {record.day: (1, record.seconds)}


async def test_repeated_snoozes_bring_the_full_screen_prompt_with_the_picture(
        library, ready_store, settle):
    nudge_settings(ready_store)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 60)
        for _ in range(ESCALATE_AFTER):
            assert not app.screen.has_class("insistent")
            await pilot.press("z")
            await wait_for(pilot, 5 * 60)
        screen = app.screen
        assert isinstance(screen, NudgeScreen) and screen.has_class("insistent")
        assert "Stand up now: sitting 11 min." in str(screen.query_one("#nudge-text").render())
        picture = screen.query_one("#nudge-picture", Diagram)
        assert picture.display and str(picture.render()).strip()  # a figure is drawn
        assert screen.query_one("#nudge-box").region.height == 24  # the whole terminal
        # Never blocks: another key closes it and reaches the picker beneath.
        picker = app.screen_stack[-2]
        before = picker.query_one("#routines").highlighted
        await pilot.press("j")
        await pilot.pause()
        assert app.screen is picker
        assert picker.query_one("#routines").highlighted == before + 1
        assert app.nudges.timer.pending is None  # closed: no answer, a snooze from when it came
        await saved(pilot)
        answers = [n.answer for n in NudgeLog(ready_store.folder).month(MONTH).nudges]
        assert answers == ["snooze", "snooze", "no answer"]
        assert app.nudges.timer.next_in_s() == 5 * 60


async def test_no_nudge_outside_working_hours(library, ready_store, settle):
    nudge_settings(ready_store, work_hours="10:00-12:00")
    app, written = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 50 * 60)  # 09:50
        assert not isinstance(app.screen, NudgeScreen) and written == []
        await wait_for(pilot, 10 * 60)  # 10:00: the working hours begin
        await wait_for(pilot, 60)  # a minute of sitting in them: the nudge is due
        assert isinstance(app.screen, NudgeScreen) and len(written) == 1


async def test_compact_pane_by_size(library, ready_store, settle):
    nudge_settings(ready_store)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 20)
        assert isinstance(app.screen, CompactScreen)
        shown = str(app.screen.query_one("#pane").render())
        assert "in 0:40" in shown and "0 breaks" in shown and "streak 0 days" in shown
        assert " b " in shown
        await pilot.press("b")
        assert isinstance(app.screen, SessionScreen)


async def test_a_micro_break_asks_no_pain_check_in(library, ready_store, settle):
    nudge_settings(ready_store, pain_checkin=True)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 60)
        await pilot.press("b")
        assert isinstance(app.screen, SessionScreen)
        await do_the_break(pilot)
        assert isinstance(app.screen, SummaryScreen)


async def test_quitting_keeps_the_stretch_and_tells_status_no_nudge_is_planned(
        library, ready_store, settle):
    nudge_settings(ready_store)
    app, _ = make(library, ready_store)
    log = NudgeLog(ready_store.folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 30)
        await saved(pilot)
        assert log.timer().due == app.clock.now() + dt.timedelta(seconds=30)
        await wait_for(pilot, 60 + 30)  # a nudge, left waiting
        await pilot.press("escape")
        await pilot.press("q")
    [stretch] = log.month(MONTH).stretches
    assert (stretch.ended_by, stretch.seconds) == ("quit", 120)
    assert [n.answer for n in log.month(MONTH).nudges] == ["no answer"]
    fields = nudge_fields(ready_store.folder, app.clock.now(), app.clock.now().date(), None)
    assert fields["next_break"] is None and fields["sitting"] == 2  # nobody left to nudge


async def test_a_quick_restart_goes_on_with_the_stretch(library, ready_store, settle):
    ready_store.save_settings(ready_store.settings().model_copy(update={"nudge_minutes": 30}))
    clock = ManualClock()
    app = CoachApp(library=library, store=ready_store, clock=clock, zone="UTC", animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        clock.advance(10 * 60)
        await pilot.press("q")
    clock.advance(60)  # back a minute later
    again = CoachApp(library=library, store=ready_store, clock=clock, zone="UTC", animate=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await saved(pilot)
        assert again.nudges.timer.sitting_s() == 11 * 60 and again.nudges.timer.next_in_s() == 19 * 60


async def test_the_palette_answers_a_nudge_too(library, ready_store, settle):
    nudge_settings(ready_store)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Stand-up break now" in titles and "Snooze the nudge" not in titles
        await wait_for(pilot, 60)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Snooze the nudge"].callback()
        await saved(pilot)
        assert not isinstance(app.screen, NudgeScreen)
        assert [n.answer for n in NudgeLog(ready_store.folder).month(MONTH).nudges] == ["snooze"]
        assert app.nudges.timer.next_in_s() == 5 * 60


async def test_a_dropped_ssh_link_keeps_the_stretch(library, ready_store, settle, monkeypatch):
    import coach.ui.signals

    exits: list[int] = []
    monkeypatch.setattr(coach.ui.signals.os, "_exit", exits.append)
    nudge_settings(ready_store)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, 75)  # a nudge at 60 s, unanswered
        coach.ui.signals.hang_up(app.keep_work)  # what SIGHUP runs
        assert exits == [129]
        month = NudgeLog(ready_store.folder).month(MONTH)
        assert [(s.ended_by, s.seconds) for s in month.stretches] == [("quit", 75)]
        assert [n.answer for n in month.nudges] == ["no answer"]


async def test_settings_set_in_another_window_reach_the_running_app(library, ready_store,
                                                                    settle):
    nudge_settings(ready_store)
    app, _ = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.change_settings(app.settings.model_copy(update={"bell": True}))  # saved here
        await saved(pilot)  # before the other window writes: the writer may still be busy
        ready_store.save_settings(app.settings.model_copy(update={"nudge_minutes": 3}))
        await wait_for(pilot, 30)
        await saved(pilot)
        await wait_for(pilot, 1)
        assert app.settings.nudge_minutes == 3 and app.settings.bell
        assert app.nudges.timer.next_in_s() == 3 * 60 - 31
