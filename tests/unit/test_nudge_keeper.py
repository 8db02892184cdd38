"""The headless nudger's clock on a hand-wound clock: due times, one delivery per due time with
another copy on the folder, natural breaks, an answer from the popup."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.nudge.keeper import ClockKeeper, Idle, answer_waiting
from coach.core.nudge.log import NudgeLog
from coach.core.nudge.shared import SharedClock
from coach.core.nudge.timer import NudgeRules, SittingTimer
from coach.core.settings.model import Settings
from coach.core.time.clock import ManualClock

MIN = 60.0
SETTINGS = Settings(nudge_minutes=30, work_hours="00:00-24:00",
                    work_days=("mon", "tue", "wed", "thu", "fri", "sat", "sun"))


class OtherProcess:
    """Another process on the machine: the same wall clock, its own monotonic one."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock

    def monotonic(self) -> float:
        return self.clock.monotonic() + 5000.0

    def now(self) -> dt.datetime:
        return self.clock.now()


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def keeper(tmp_path, clock):
    keeper = ClockKeeper(NudgeLog(tmp_path), clock, SETTINGS, "UTC")
    keeper.start()
    yield keeper
    keeper.shared.alive.release()


def run(keeper, clock, seconds, idle=None):
    """Tick once a second; every nudge to deliver."""
    out = []
    for _ in range(int(seconds)):
        clock.advance(1)
        out += keeper.tick(idle)
    return out


def test_due_every_interval_of_sitting_and_again_after_the_answer(keeper, clock, tmp_path):
    assert run(keeper, clock, 30 * MIN - 1) == []
    [nudge] = run(keeper, clock, 1)
    assert nudge.sitting_s == 30 * MIN
    assert run(keeper, clock, 60) == []  # waiting: not again
    # answered in the popup: z
    assert answer_waiting(NudgeLog(tmp_path), clock, SETTINGS, "UTC", "snooze", "popup")
    assert run(keeper, clock, 5 * MIN - 1) == []
    [again] = run(keeper, clock, 1)
    assert again.snoozes == 1 and again.sitting_s == 36 * MIN
    answers = [n.answer for n in NudgeLog(tmp_path).month("2026-11").nudges]
    assert answers == ["snooze"]  # the popup's answer, once; the one waiting is not yet kept


def test_an_unanswered_nudge_is_recorded_once_by_the_one_that_delivered_it(keeper, clock,
                                                                           tmp_path):
    run(keeper, clock, 30 * MIN)
    run(keeper, clock, 5 * MIN)  # the snooze time with no key
    answers = [n.answer for n in NudgeLog(tmp_path).month("2026-11").nudges]
    assert answers == ["no answer"]


def test_the_nudger_and_an_app_on_one_folder_deliver_one_nudge_per_due_time(keeper, clock,
                                                                            tmp_path):
    app_timer = SittingTimer(OtherProcess(clock), NudgeRules(interval_s=30 * MIN))
    app = SharedClock(NudgeLog(tmp_path), app_timer, "app 1")
    app.pull()
    delivered = {"nudger": 0, "app": 0}
    for _ in range(3 * 60 * 60):  # three hours, the app a tick behind the nudger each second
        clock.advance(1)
        delivered["nudger"] += len(keeper.tick(None))
        app.pull()
        for event in app_timer.poll():
            if event.kind == "nudge" and app.claim():
                delivered["app"] += 1
        app.push()
    assert delivered["app"] == 0
    # every due time once: 30 min, then every 5 min of no answer after the first
    assert delivered["nudger"] == (3 * 60 - 30) // 5 + 1  # at 30, 35, ... 180 min
    nudges = NudgeLog(tmp_path).month("2026-11").nudges
    assert len({n.at for n in nudges}) == len(nudges) == delivered["nudger"] - 1


def test_a_break_in_the_app_resets_the_nudgers_clock(keeper, clock, tmp_path):
    run(keeper, clock, 20 * MIN)
    app_timer = SittingTimer(OtherProcess(clock), NudgeRules(interval_s=30 * MIN))
    app = SharedClock(NudgeLog(tmp_path), app_timer, "app 1")
    app.pull()
    app_timer.session_started()
    app.push()
    assert run(keeper, clock, 60 * MIN) == []  # in a session there: no nudge here
    app_timer.session_ended()
    app.push()
    assert run(keeper, clock, 30 * MIN - 1) == []
    assert len(run(keeper, clock, 1)) == 1


def test_away_pauses_the_clock_and_credits_a_break_saying_how_it_was_noticed(keeper, clock,
                                                                            tmp_path):
    run(keeper, clock, 20 * MIN)
    run(keeper, clock, 4 * MIN, idle=Idle(4 * MIN, "tmux"))  # not yet away
    assert not keeper.away
    [] = run(keeper, clock, 1, idle=Idle(5 * MIN, "tmux"))
    assert keeper.away and keeper.timer.sitting_s() == 0
    [stretch] = NudgeLog(tmp_path).month("2026-11").stretches
    assert (stretch.ended_by, stretch.noticed, stretch.seconds) == ("away", "tmux", 24 * MIN + 1 - 5 * MIN)
    assert stretch.ended_at == clock.now() - dt.timedelta(minutes=5)
    assert NudgeLog(tmp_path).timer().away_noticed == "tmux"
    assert run(keeper, clock, 2 * 60 * MIN, idle=Idle(10 * 60 * MIN, "desktop")) == []
    run(keeper, clock, 1, idle=Idle(3, "tmux"))  # a key, three seconds ago
    assert not keeper.away and keeper.timer.sitting_s() == 3
    assert run(keeper, clock, 30 * MIN - 4) == []
    assert len(run(keeper, clock, 1)) == 1
    days = NudgeLog(tmp_path).days(stretch.day, stretch.day)
    assert days[stretch.day].breaks == 1


def test_no_signal_keeps_todays_behaviour(keeper, clock):
    run(keeper, clock, 29 * MIN)
    assert not keeper.away
    assert len(run(keeper, clock, 1 * MIN)) == 1


def test_a_nudge_waiting_as_the_user_leaves_is_recorded_unanswered(keeper, clock, tmp_path):
    run(keeper, clock, 30 * MIN)
    run(keeper, clock, 1, idle=Idle(6 * MIN, "desktop"))
    month = NudgeLog(tmp_path).month("2026-11")
    assert [n.answer for n in month.nudges] == ["no answer"]
    assert [s.noticed for s in month.stretches] == ["desktop"]


@pytest.mark.parametrize("alive", [True, False])
def test_a_session_whose_copy_died_holds_no_nudge_back(tmp_path, clock, alive):
    """An app killed in a session left in_session in the file; the nudger (or an app) that
    started within minutes adopted it, wrote it on, and never nudged: "after the one under
    way" for hours. A session counts only while some copy keeps the clock (clock.alive)."""
    app_timer = SittingTimer(OtherProcess(clock), NudgeRules(interval_s=30 * MIN))
    app = SharedClock(NudgeLog(tmp_path), app_timer, "app 1")
    app.alive.hold()
    app_timer.session_started()
    app.push(force=True)
    if not alive:
        app.alive.release()  # the app is killed in its session: the kernel drops its lock
    clock.advance(MIN)
    keeper = ClockKeeper(NudgeLog(tmp_path), clock, SETTINGS, "UTC")
    keeper.start()
    try:
        assert keeper.timer.in_session is alive
        assert (keeper.timer.next_in_s() is None) is alive
        assert NudgeLog(tmp_path).timer().in_session is alive  # and so the file says, for status
    finally:
        keeper.shared.alive.release()
        app.alive.release()
