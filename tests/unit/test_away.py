"""Natural breaks on a hand-wound clock that can sleep: a suspend is a break in the nudger and
in the shared clock `status` reads; two copies that both notice credit one break."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from coach.commands.nudge_status import nudge_fields
from coach.core.nudge.away import Idle, NaturalBreaks
from coach.core.nudge.keeper import ClockKeeper
from coach.core.nudge.log import NudgeLog
from coach.core.nudge.shared import SharedClock
from coach.core.nudge.timer import NudgeRules, SittingTimer
from tests.unit import test_nudge_keeper
from tests.unit.test_nudge_keeper import SETTINGS, OtherProcess, run
from tests.unit.test_nudge_timer import SleepyClock

MIN = 60.0
HOUR = 60 * MIN


@pytest.fixture
def clock():
    return SleepyClock()  # Fri 20 Nov 2026, 09:00 UTC


keeper = test_nudge_keeper.keeper  # the nudger's clock, on the clock above (it can sleep)

def sitting(tmp_path, clock):
    return nudge_fields(tmp_path, clock.now(), clock.now().date(), None)["sitting"]


def test_a_suspend_longer_than_away_minutes_is_a_break_in_the_nudger(keeper, clock, tmp_path):
    run(keeper, clock, 20 * MIN)
    went_to_sleep = clock.now()
    clock.sleep(8 * HOUR)  # the lid closed; the monotonic clock stood still
    assert run(keeper, clock, 1) == []  # no nudge on waking: the night was no sitting
    [stretch] = NudgeLog(tmp_path).month("2026-11").stretches
    assert (stretch.ended_by, stretch.noticed) == ("away", "sleep")
    assert stretch.seconds == 20 * MIN and stretch.ended_at == went_to_sleep
    # no idle signal here: whoever opened the lid is back, a new stretch from the wake-up
    run(keeper, clock, 10 * MIN)
    assert not keeper.away and keeper.timer.sitting_s() == pytest.approx(10 * MIN, abs=2)
    assert sitting(tmp_path, clock) in (9, 10)  # from the wake-up, to the minute
    assert len(NudgeLog(tmp_path).month("2026-11").stretches) == 1


def test_after_a_suspend_the_break_lasts_until_input_where_a_signal_says_so(keeper, clock,
                                                                           tmp_path):
    run(keeper, clock, 20 * MIN, idle=Idle(2, "tmux"))
    clock.sleep(2 * HOUR)
    # tmux's last input is from before the suspend: still away, one break
    run(keeper, clock, 30, idle=Idle(2 * HOUR + 30, "tmux"))
    assert keeper.away and sitting(tmp_path, clock) == 0
    run(keeper, clock, 1, idle=Idle(1, "tmux"))  # a key
    assert not keeper.away
    assert [s.noticed for s in NudgeLog(tmp_path).month("2026-11").stretches] == ["sleep"]


def test_an_idle_time_read_before_the_suspend_gives_no_second_break(keeper, clock, tmp_path):
    run(keeper, clock, 20 * MIN, idle=Idle(2, "tmux"))
    read_at = clock.now()
    clock.sleep(2 * HOUR)
    # the last reading, taken before the lid closed, is no news: still away
    run(keeper, clock, 5, idle=Idle(2, "tmux", read_at))
    assert keeper.away
    run(keeper, clock, 5, idle=Idle(2 * HOUR + 10, "tmux", clock.now()))  # the first after it
    assert keeper.away
    assert [s.noticed for s in NudgeLog(tmp_path).month("2026-11").stretches] == ["sleep"]


def test_a_short_suspend_still_counts_as_sitting(keeper, clock, tmp_path):
    run(keeper, clock, 10 * MIN)
    clock.sleep(3 * MIN)  # less than away_minutes (5)
    run(keeper, clock, 1)
    assert not keeper.away and keeper.timer.sitting_s() == pytest.approx(13 * MIN, abs=2)
    assert NudgeLog(tmp_path).month("2026-11").stretches == ()


def test_a_nudge_waiting_through_a_suspend_is_kept_unanswered_not_repeated(keeper, clock,
                                                                          tmp_path):
    assert len(run(keeper, clock, 30 * MIN)) == 1
    clock.sleep(HOUR)
    assert run(keeper, clock, 2) == []
    month = NudgeLog(tmp_path).month("2026-11")
    assert [n.answer for n in month.nudges] == ["no answer"]
    assert [(s.noticed, s.seconds) for s in month.stretches] == [("sleep", 30 * MIN)]


def test_a_key_then_leaving_again_is_a_second_break(keeper, clock, tmp_path):
    """The real tmux case: back at one key, then nothing for away_minutes: the second
    absence dates from that key, and is a break of its own."""
    run(keeper, clock, 10 * MIN, idle=Idle(6 * MIN, "tmux", clock.now()))
    assert keeper.away
    key = clock.now()
    run(keeper, clock, 1, idle=Idle(1, "tmux", clock.now()))
    assert not keeper.away
    clock.advance(5 * MIN)  # not a key since
    keeper.tick(Idle(5 * MIN, "tmux", clock.now()))
    stretches = NudgeLog(tmp_path).month("2026-11").stretches
    assert [s.noticed for s in stretches] == ["tmux", "tmux"]
    assert abs((stretches[1].ended_at - key).total_seconds()) <= 2 and stretches[1].seconds <= 2


def test_two_copies_that_both_wake_credit_one_break(tmp_path, clock):
    copies = []
    for name, proc_clock in (("app 1", clock), ("app 2", OtherProcess(clock))):
        timer = SittingTimer(proc_clock, NudgeRules(interval_s=30 * MIN))
        shared = SharedClock(NudgeLog(tmp_path), timer, name)
        shared.pull()
        copies.append((timer, shared, NaturalBreaks(timer, shared)))
    clock.advance(10 * MIN)
    clock.sleep(HOUR)
    left = [breaks.step(None, 5 * MIN) for _, _, breaks in copies]
    assert [x is not None for x in left] == [True, False]  # the second goes by the first
    assert copies[1][0].away is not None and copies[1][0].sitting_s() == 0


# -- nothing running: the gap until the next start ------------------------------------------


def test_a_nudger_that_died_mid_stretch_credits_the_gap_at_its_next_start(tmp_path, clock):
    first = ClockKeeper(NudgeLog(tmp_path), clock, SETTINGS, "UTC")
    first.start()
    run(first, clock, 20 * MIN)
    heard = clock.now()
    first.shared.alive.release()  # killed: no last write, only its heartbeats
    clock.advance(8 * HOUR)  # the machine off for the night
    assert sitting(tmp_path, clock) is None  # nobody counted it: not sitting
    again = ClockKeeper(NudgeLog(tmp_path), clock, SETTINGS, "UTC")
    again.start()
    try:
        [stretch] = NudgeLog(tmp_path).month("2026-11").stretches
        assert (stretch.ended_by, stretch.noticed) == ("away", "sleep")
        # ended at its last heartbeat (one a minute), not at its last write (the start)
        assert heard - dt.timedelta(minutes=1) <= stretch.ended_at <= heard
        assert 19 * MIN <= stretch.seconds <= 20 * MIN
        run(again, clock, 2 * MIN)
        assert again.timer.sitting_s() == pytest.approx(2 * MIN)  # a new stretch
    finally:
        again.shared.alive.release()


def test_a_restart_within_away_minutes_goes_on_with_the_stretch(tmp_path, clock):
    settings = SETTINGS.model_copy(update={"away_minutes": 20})
    first = ClockKeeper(NudgeLog(tmp_path), clock, settings, "UTC")
    first.start()
    run(first, clock, 10 * MIN)
    first.stop()
    clock.advance(10 * MIN)  # less than away_minutes: maybe still in the chair
    again = ClockKeeper(NudgeLog(tmp_path), clock, settings, "UTC")
    again.start()
    try:
        assert again.timer.sitting_s() == pytest.approx(20 * MIN)
        assert NudgeLog(tmp_path).month("2026-11").stretches == ()
    finally:
        again.shared.alive.release()


@pytest.mark.parametrize(("away_minutes", "sitting_min"), [(20, 30), (5, None)])
def test_status_counts_no_sitting_once_nothing_ran_for_away_minutes(tmp_path, capsys,
                                                                    away_minutes, sitting_min):
    """`status` on the real clock: a stretch of 30 minutes whose last copy closed 10 minutes
    ago is still sitting with away_minutes 20, and was time away with 5."""
    from coach.cli import main
    from coach.core.nudge.log import TimerState
    from coach.core.storage.store import Store

    store = Store(tmp_path)
    store.open()
    store.save_settings(store.settings().model_copy(update={"away_minutes": away_minutes}))
    now = dt.datetime.now(dt.UTC)
    NudgeLog(tmp_path).save_timer(TimerState(
        since=now - dt.timedelta(minutes=30, seconds=20), due=now + dt.timedelta(minutes=1),
        written_at=now - dt.timedelta(minutes=10), rev=1, writer="app 1"))
    assert main(["--data-dir", str(tmp_path), "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sitting"] == sitting_min


def test_a_reading_some_seconds_old_dates_the_return_from_the_key(keeper, clock):
    run(keeper, clock, 10 * MIN, idle=Idle(6 * MIN, "tmux", clock.now()))
    assert keeper.away
    read_at = clock.now()
    clock.advance(10)  # the reading is handed on ten seconds later (a 15 s probe cycle)
    keeper.tick(Idle(2, "tmux", read_at))
    assert not keeper.away and keeper.timer.sitting_s() == pytest.approx(12)
