"""Natural breaks on a hand-wound clock that can sleep: a suspend is a break in the nudger and
in the shared clock `status` reads; two copies that both notice credit one break."""

from __future__ import annotations

import pytest

from coach.commands.nudge_status import nudge_fields
from coach.core.nudge.away import Idle, NaturalBreaks
from coach.core.nudge.keeper import ClockKeeper
from coach.core.nudge.log import NudgeLog
from coach.core.nudge.shared import SharedClock
from coach.core.nudge.timer import NudgeRules, SittingTimer
from tests.unit.test_nudge_keeper import SETTINGS, OtherProcess, run
from tests.unit.test_nudge_timer import SleepyClock

MIN = 60.0
HOUR = 60 * MIN


@pytest.fixture
def clock():
    return SleepyClock()  # Fri 20 Nov 2026, 09:00 UTC


@pytest.fixture
def keeper(tmp_path, clock):
    keeper = ClockKeeper(NudgeLog(tmp_path), clock, SETTINGS, "UTC")
    keeper.start()
    yield keeper
    keeper.shared.alive.release()


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
    clock.sleep(2 * HOUR)
    run(keeper, clock, 5, idle=Idle(2, "tmux"))  # the last reading, taken before the lid closed
    run(keeper, clock, 5, idle=Idle(2 * HOUR + 10, "tmux"))  # the first one after it
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
