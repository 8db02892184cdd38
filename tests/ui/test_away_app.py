"""The app alone notices time away: a suspend, and no input in tmux or on the desktop for
away_minutes (the probes run in a worker), each a break the log and `status` agree on."""

from __future__ import annotations

from coach.commands.nudge_status import nudge_fields
from coach.core.nudge.away import Idle
from coach.core.nudge.log import NudgeLog
from coach.ui.app import CoachApp
from coach.ui.screens.nudge import NudgeScreen
from tests.ui.test_nudges import MONTH, nudge_settings, saved
from tests.unit.test_nudge_timer import SleepyClock

MIN = 60.0
HOUR = 60 * MIN


def sleepy_app(library, store, compact=None, **settings):
    nudge_settings(store, **{"nudge_minutes": 30, **settings})
    clock = SleepyClock()
    app = CoachApp(library=library, store=store, clock=clock, zone="UTC", animate=False,
                   compact=compact)
    app.nudges.write_terminal = lambda text: None
    return app, clock


async def tick(pilot, seconds, step=1.0):
    """The app's tick once a step (a second) for `seconds`; the workers' results landed."""
    for _ in range(int(seconds / step)):
        pilot.app.clock.advance(step)
        pilot.app.nudges.tick()
        await saved(pilot)  # each tick's workers done before the next (a re-read cancels one)


def status_sitting(store, clock):
    return nudge_fields(store.folder, clock.now(), clock.now().date(), None)["sitting"]


async def test_a_night_asleep_with_the_app_open_is_no_sitting(library, ready_store, settle):
    app, clock = sleepy_app(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await saved(pilot)
        await tick(pilot, 10 * MIN, step=30)
        went = clock.now()
        clock.sleep(7 * HOUR)  # 09:10 → 16:10, same day: the lid closed, the app frozen
        await tick(pilot, 2)
        assert not isinstance(app.screen, NudgeScreen)  # the night nudges nobody on waking
        assert app.nudges.timer.sitting_s() < 5 and status_sitting(ready_store, clock) == 0
        [stretch] = NudgeLog(ready_store.folder).month(MONTH).stretches
        assert (stretch.ended_by, stretch.noticed, stretch.ended_at) == ("away", "sleep", went)
        assert stretch.seconds == 10 * MIN
        await tick(pilot, 20 * MIN, step=30)
        assert status_sitting(ready_store, clock) in (19, 20)  # counted from the wake-up


async def test_ten_minutes_away_with_only_the_app_open_is_a_break(library, ready_store,
                                                                  settle):
    app, clock = sleepy_app(library, ready_store, compact=True)
    idle = [Idle(1, "tmux")]
    app.nudges.away.probe = lambda tmux: idle[0]  # what tmux would say, asked in a worker
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await tick(pilot, 20 * MIN, step=15)
        idle[0] = Idle(10 * MIN, "tmux")  # nobody has touched a key for ten minutes
        await tick(pilot, 15, step=15)
        await tick(pilot, 1)
        assert app.nudges.timer.away is not None and status_sitting(ready_store, clock) == 0
        pane = str(app.screen.query_one("#pane").render())
        assert "after you are back: away is a break" in pane and "Sitting    0 min" in pane
        await tick(pilot, 30 * MIN, step=15)  # away longer than the interval: no nudge
        assert not isinstance(app.screen, NudgeScreen)
        [stretch] = NudgeLog(ready_store.folder).month(MONTH).stretches
        assert (stretch.ended_by, stretch.noticed) == ("away", "tmux")
        assert 10 * MIN <= stretch.seconds <= 11 * MIN  # the stretch ended when they left
        idle[0] = Idle(2, "tmux")  # back at the keyboard
        await tick(pilot, 15, step=15)
        await tick(pilot, 1)
        assert app.nudges.timer.away is None and app.nudges.timer.sitting_s() < 60
        day = stretch.day
        assert NudgeLog(ready_store.folder).days(day, day)[day].breaks == 1


async def test_the_app_leaves_the_probes_to_a_running_nudger(library, ready_store, settle):
    from coach.core.nudge.shared import NUDGER_FILE, Presence

    app, clock = sleepy_app(library, ready_store)
    asked = []
    app.nudges.away.probe = lambda tmux: asked.append(1) or Idle(HOUR, "desktop")
    nudger = Presence(NudgeLog(ready_store.folder).folder / NUDGER_FILE, exclusive=True)
    assert nudger.hold()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await saved(pilot)
            await tick(pilot, 2 * MIN, step=15)
            assert asked == [] and app.nudges.timer.away is None
    finally:
        nudger.release()


async def test_the_next_app_start_credits_a_gap_with_nothing_running(library, ready_store,
                                                                     settle):
    from coach.core.nudge.keeper import ClockKeeper

    clock = SleepyClock()
    nudge_settings(ready_store, nudge_minutes=30)
    nudger = ClockKeeper(NudgeLog(ready_store.folder), clock, ready_store.settings(), "UTC")
    nudger.start()
    for _ in range(20 * 60):
        clock.advance(1)
        nudger.tick(None)
    nudger.shared.alive.release()  # the nudger died with the stretch running
    clock.advance(2 * HOUR)  # nothing open, the laptop asleep
    app = CoachApp(library=library, store=ready_store, clock=clock, zone="UTC", animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await saved(pilot)
        [stretch] = NudgeLog(ready_store.folder).month(MONTH).stretches
        assert (stretch.ended_by, stretch.noticed) == ("away", "sleep")
        assert 19 * MIN <= stretch.seconds <= 20 * MIN
        assert app.nudges.timer.sitting_s() < 5  # a new stretch from this start
        await pilot.press("q")
    clock.advance(2 * HOUR)
    again = CoachApp(library=library, store=ready_store, clock=clock, zone="UTC", animate=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await saved(pilot)  # the app recorded its stretch on quitting: no second break
        assert len(NudgeLog(ready_store.folder).month(MONTH).stretches) == 1
