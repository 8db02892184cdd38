"""The sitting timer on a hand-wound clock: interval, snooze, escalation, hours, sleep, reset."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.nudge.timer import ESCALATE_AFTER, NudgeRules, SittingTimer
from coach.core.settings.hours import WorkingHours
from coach.core.time.clock import ManualClock

MIN = 60.0


class SleepyClock(ManualClock):
    """A laptop: suspend moves the wall clock and leaves the monotonic one where it was."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        super().__init__(start)
        self.slept = 0.0

    def now(self) -> dt.datetime:
        return super().now() + dt.timedelta(seconds=self.slept)

    def sleep(self, seconds: float) -> None:
        self.slept += seconds


@pytest.fixture
def clock():
    return SleepyClock()  # Fri 20 Nov 2026, 09:00 UTC


def run(timer, clock, seconds, step=1.0):
    """Tick once a step for `seconds`; every event, in order."""
    events = []
    for _ in range(int(seconds / step)):
        clock.advance(step)
        events += timer.poll()
    return events


def kinds(events):
    return [e.kind for e in events]


def test_nudges_at_the_interval_and_not_before(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN))
    assert run(timer, clock, 30 * MIN - 1) == []
    assert timer.next_in_s() == pytest.approx(1)
    [event] = run(timer, clock, 1)
    assert event.kind == "nudge" and not event.nudge.insistent
    assert event.nudge.sitting_s == pytest.approx(30 * MIN)
    assert event.nudge.at == clock.now()
    assert timer.next_in_s() == 0


def test_snooze_re_arms_by_itself_after_the_snooze_length(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN, snooze_s=5 * MIN))
    run(timer, clock, 30 * MIN)
    assert timer.answer("snooze") is not None
    assert run(timer, clock, 5 * MIN - 1) == []
    [event] = run(timer, clock, 1)
    assert event.kind == "nudge" and event.nudge.snoozes == 1
    assert event.nudge.sitting_s == pytest.approx(35 * MIN)  # the stretch goes on


def test_repeated_snoozes_make_it_insistent_until_a_break(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=10 * MIN, snooze_s=5 * MIN))
    seen = [e.nudge.insistent for e in run(timer, clock, 10 * MIN)]
    for _ in range(ESCALATE_AFTER + 1):
        timer.answer("snooze")
        seen += [e.nudge.insistent for e in run(timer, clock, 5 * MIN)]
    assert seen == [False] * ESCALATE_AFTER + [True, True]
    timer.answer("break")
    [event] = run(timer, clock, 10 * MIN)
    assert not event.nudge.insistent and event.nudge.snoozes == 0


def test_skip_waits_a_full_interval_and_calms_the_nudge(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=10 * MIN, snooze_s=5 * MIN))
    run(timer, clock, 10 * MIN)
    timer.answer("snooze")
    run(timer, clock, 5 * MIN)
    timer.answer("skip")
    assert run(timer, clock, 10 * MIN - 1) == []
    [event] = run(timer, clock, 1)
    assert event.nudge.snoozes == 0
    assert event.nudge.sitting_s == pytest.approx(25 * MIN)  # skipping is not a break


def test_an_unanswered_nudge_is_reported_once_then_comes_back_as_a_snooze(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=10 * MIN, snooze_s=5 * MIN))
    events = run(timer, clock, 10 * MIN + 5 * MIN)
    assert kinds(events) == ["nudge", "no answer", "nudge"]  # a snooze after it came up
    assert events[0].nudge == events[1].nudge
    assert events[2].nudge.snoozes == 1 and timer.pending is events[2].nudge


@pytest.mark.parametrize("interval_min", [1, 30])
@pytest.mark.parametrize("closed_after_s", [0, 10, 164])
def test_every_answer_but_break_and_skip_is_a_snooze_one_rule(clock, interval_min,
                                                              closed_after_s):
    """z, a key that closes the nudge, a notice nobody answered, no key at all: the nudge
    comes back one snooze after it came up (z: after the key), whatever the interval."""
    rules = NudgeRules(interval_s=interval_min * MIN, snooze_s=5 * MIN)
    came_back = {}
    for answer in ("snooze", "no answer", "left alone"):
        timer = SittingTimer(clock, rules)
        run(timer, clock, interval_min * MIN)
        shown = clock.monotonic()
        run(timer, clock, closed_after_s)
        if answer != "left alone":
            timer.answer(answer)  # type: ignore[arg-type]
        events = []
        while not any(e.kind == "nudge" for e in events):
            events = run(timer, clock, 1)
        came_back[answer] = clock.monotonic() - shown
    assert came_back["no answer"] == came_back["left alone"] == 5 * MIN
    assert came_back["snooze"] == 5 * MIN + closed_after_s


def test_skip_waits_the_interval_and_break_restarts_the_stretch(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=1 * MIN, snooze_s=5 * MIN))
    run(timer, clock, MIN)
    timer.answer("skip")
    assert timer.next_in_s() == MIN and timer.sitting_s() == MIN
    run(timer, clock, MIN)
    timer.answer("break")
    assert timer.next_in_s() == MIN and timer.sitting_s() == 0


def test_a_discarded_break_is_no_break_the_stretch_goes_on(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN, snooze_s=5 * MIN))
    run(timer, clock, 30 * MIN)
    assert timer.session_started() is not None  # b
    run(timer, clock, 10)
    timer.session_ended(counted=False)  # then discard
    assert timer.sitting_s() == 30 * MIN + 10
    assert timer.next_in_s() == 5 * MIN  # asks again a snooze on
    timer.session_started()
    timer.session_ended()
    assert timer.sitting_s() == 0 and timer.next_in_s() == 30 * MIN


def test_a_copy_adopts_another_copys_course_in_wall_time(clock):
    """Two copies of the app (two processes: their monotonic clocks differ) share one clock."""
    here = SittingTimer(clock, NudgeRules(interval_s=30 * MIN))
    other_clock = SleepyClock()
    other_clock.advance(12345)  # another process's monotonic origin
    other_clock.sleep(-12345)  # the same wall time
    other = SittingTimer(other_clock, NudgeRules(interval_s=30 * MIN))
    run(here, clock, 12 * MIN)
    other_clock.advance(12 * MIN)
    other.session_started()
    other.session_ended()
    here.adopt(other.view())
    assert here.sitting_s() == 0 and here.next_in_s() == 30 * MIN
    assert run(here, clock, 30 * MIN - 1) == []


def test_a_break_or_a_session_starts_a_new_stretch(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN))
    run(timer, clock, 20 * MIN)
    assert timer.session_started() is None
    assert timer.sitting_s() == 0 and timer.next_in_s() is None
    assert run(timer, clock, 40 * MIN) == []  # no nudge in the middle of a session
    timer.session_ended()
    assert timer.sitting_s() == 0
    assert run(timer, clock, 30 * MIN - 1) == []
    assert kinds(run(timer, clock, 1)) == ["nudge"]


def test_starting_a_session_answers_the_nudge_waiting(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN))
    [event] = run(timer, clock, 30 * MIN)
    assert timer.session_started() == event.nudge
    assert timer.pending is None


def test_no_nudges_outside_working_hours_and_days(clock):
    # Fri 20 Nov 2026 09:00 UTC; working 09:00-09:45, Mon-Fri.
    hours = WorkingHours.parse("09:00-09:45", "mon-fri")
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN, hours=hours))
    events = run(timer, clock, 30 * MIN)
    assert kinds(events) == ["nudge"]
    timer.answer("skip")
    assert run(timer, clock, 15 * MIN) == []  # due at 10:00, after hours end at 09:45
    monday = dt.datetime(2026, 11, 23, 8, 58, tzinfo=dt.UTC)
    assert run(timer, clock, (monday - clock.now()).total_seconds(), step=MIN) == []  # weekend
    assert timer.next_in_s() is None
    # Monday 09:00: hours begin, a fresh stretch; the first nudge is an interval later.
    assert run(timer, clock, 2 * MIN) == []
    assert clock.now().strftime("%a %H:%M") == "Mon 09:00"
    assert timer.sitting_s() < 2 and kinds(run(timer, clock, 30 * MIN)) == ["nudge"]


def test_hours_in_the_users_zone():
    clock = SleepyClock(dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC))  # 09:30 in Berlin
    hours = WorkingHours.parse("09:00-17:00", "mon-fri")
    assert SittingTimer(clock, NudgeRules(hours=hours, zone="Europe/Berlin")).in_hours()
    assert not SittingTimer(clock, NudgeRules(hours=hours, zone="America/New_York")).in_hours()


def test_a_laptop_that_slept_through_intervals_nudges_once_on_wake(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN, snooze_s=5 * MIN))
    run(timer, clock, 20 * MIN)
    clock.sleep(95 * MIN)  # three intervals' worth, asleep
    events = run(timer, clock, 2 * MIN)
    assert kinds(events) == ["nudge"]
    assert events[0].nudge.sitting_s == pytest.approx(115 * MIN + 1)
    assert kinds(run(timer, clock, 2 * MIN)) == []  # and not again while it waits


def test_a_short_sleep_before_the_interval_just_counts_as_sitting(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN))
    run(timer, clock, 10 * MIN)
    clock.sleep(10 * MIN)
    assert run(timer, clock, 9 * MIN) == []
    assert kinds(run(timer, clock, 1 * MIN)) == ["nudge"]


def test_a_sleep_with_a_nudge_waiting_counts_it_unanswered_and_nudges_once(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN, snooze_s=5 * MIN))
    run(timer, clock, 30 * MIN)
    clock.sleep(60 * MIN)
    assert kinds(run(timer, clock, 1)) == ["no answer", "nudge"]


def test_a_stalled_loop_nudges_once_not_per_interval(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=10 * MIN, snooze_s=60 * MIN))
    clock.advance(45 * MIN)  # no poll for three intervals and more
    assert kinds(timer.poll()) == ["nudge"]
    assert timer.poll() == []


def test_a_new_day_starts_afresh():
    clock = SleepyClock(dt.datetime(2026, 11, 20, 23, 50, tzinfo=dt.UTC))
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN))
    run(timer, clock, 25 * MIN)
    assert timer.sitting_s() < 20 * MIN  # restarted at midnight, not 25 min in


def test_time_already_sat_counts_from_the_start(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN), sitting_s=25 * MIN)
    assert timer.next_in_s() == pytest.approx(5 * MIN)


def test_new_rules_keep_the_stretch(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN))
    run(timer, clock, 10 * MIN)
    timer.change_rules(NudgeRules(interval_s=1 * MIN))
    assert kinds(timer.poll()) == ["nudge"]


def test_carry_over_continues_an_earlier_stretch(clock):
    timer = SittingTimer(clock, NudgeRules(interval_s=30 * MIN))
    timer.carry_over(40 * MIN)  # longer than the interval: due at once, once
    assert kinds(run(timer, clock, 2)) == ["nudge"]
    assert timer.pending.sitting_s == pytest.approx(40 * MIN + 1)
