"""The sitting timer: when to nudge, on the monotonic clock, and what each answer does.

Intervals are deadlines on the monotonic clock, so a stalled event loop or a clock change never
moves them. Wall time decides only whether it is working hours, which day it is, and whether the
machine slept: a monotonic clock stands still through a suspend on Linux and macOS, so a wall
clock that moved much further than it did means the laptop slept. A short sleep (less than
away_minutes) counts as time in the chair here; a longer one is a natural break, which
coach/core/nudge/away.py takes before poll() sees it. Only one nudge is ever outstanding, so a
sleep through several intervals (or an hour-long stall) nudges once, not once per interval.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from coach.core.settings.hours import ALL_DAY, WorkingHours
from coach.core.settings.model import Settings
from coach.core.time.clock import Clock

Answer = Literal["break", "snooze", "skip", "no answer"]
ANSWERS: tuple[Answer, ...] = ("break", "snooze", "skip", "no answer")
ESCALATE_AFTER = 2  # snoozes in a row before the nudge turns insistent
SLEEP_JUMP_S = 60.0  # wall time ahead of monotonic by more than this: the machine slept


@dataclass(frozen=True)
class NudgeRules:
    """The settings the timer needs, in seconds."""

    interval_s: float = 30 * 60
    snooze_s: float = 5 * 60
    hours: WorkingHours = ALL_DAY
    zone: str = "UTC"


@dataclass(frozen=True)
class Nudge:
    """A nudge as it fired: how long the user had sat, and whether it is the insistent kind."""

    number: int  # nudges so far this run, from 0: picks the posture tip
    at: dt.datetime  # wall time, UTC, for the record
    sitting_s: float
    snoozes: int  # snoozes in a row before this one
    insistent: bool


@dataclass(frozen=True)
class Away:
    """The user went away at `since` (wall time), as `noticed` says: tmux, desktop, sleep."""

    since: dt.datetime
    noticed: str


TimerEventKind = Literal["nudge", "no answer"]


@dataclass(frozen=True)
class TimerEvent:
    kind: TimerEventKind  # a nudge to show / the one shown went unanswered (record it)
    nudge: Nudge


@dataclass(frozen=True)
class WallView:
    """The timer in wall time, as the machine's copies share it (monotonic times are per
    process in tests, and a wall time reads the same in every copy)."""

    since: dt.datetime  # the stretch began
    due: dt.datetime  # the next nudge (or the nudge waiting) is due
    snoozes: int
    pending_at: dt.datetime | None  # a nudge came up then and waits for an answer
    number: int  # nudges so far: picks the posture tip
    in_session: bool


class SittingTimer:
    """Counts one sitting stretch at a time; call poll() often (a tick), answer() on a key."""

    def __init__(self, clock: Clock, rules: NudgeRules, sitting_s: float = 0.0) -> None:
        self.clock = clock
        self.rules = rules
        now = clock.monotonic()
        self.since = now - sitting_s  # when this sitting stretch began
        self.due = self.since + rules.interval_s
        self.pending: Nudge | None = None
        self.pending_at = 0.0  # monotonic time the pending nudge fired
        self.snoozes = 0
        self.in_session = False
        self.away: Away | None = None  # the user left (a natural break: coach/core/nudge/away.py)
        self._before_session: tuple[float, int] | None = None
        self.count = 0
        self._last_mono, self._last_wall = now, clock.now()
        self._was_in_hours = self.in_hours(self._last_wall)

    # -- reading ---------------------------------------------------------------------------

    def in_hours(self, wall: dt.datetime | None = None) -> bool:
        local = (wall or self.clock.now()).astimezone(ZoneInfo(self.rules.zone))
        return self.rules.hours.contains(local)

    def sitting_s(self) -> float:
        """Seconds since the last break or session (0 during one)."""
        return 0.0 if self.in_session else max(0.0, self.clock.monotonic() - self.since)

    def next_in_s(self) -> float | None:
        """Seconds to the next nudge; 0 while one waits; None in a session or off hours."""
        if self.in_session or not self.in_hours():
            return None
        if self.pending is not None:
            return 0.0
        return max(0.0, self.due - self.clock.monotonic())

    # -- time ------------------------------------------------------------------------------

    def poll(self) -> list[TimerEvent]:
        """Catch up with the clocks: a nudge due, one left unanswered, a sleep, a new day."""
        now, wall = self.clock.monotonic(), self.clock.now()
        events: list[TimerEvent] = []
        slept = (wall - self._last_wall).total_seconds() - (now - self._last_mono)
        new_day = self._local_date(wall) != self._local_date(self._last_wall)
        self._last_mono, self._last_wall = now, wall
        in_hours = self.in_hours(wall)
        began = in_hours and not self._was_in_hours
        self._was_in_hours = in_hours
        if self.pending is not None and (
            new_day or now - self.pending_at >= self.rules.snooze_s or slept > SLEEP_JUMP_S
        ):
            events.append(TimerEvent("no answer", self.pending))
            self.answer("no answer")  # due again now: the nudge comes back, one snooze later
        if new_day or began:
            self._restart(now)  # a new working day starts a new stretch; yesterday is not owed
        elif slept > SLEEP_JUMP_S:
            self.since -= slept
            self.due -= slept
        if self.in_session or self.pending is not None or not in_hours or now < self.due:
            return events
        self.pending = Nudge(
            number=self.count,
            at=wall,
            sitting_s=now - self.since,
            snoozes=self.snoozes,
            insistent=self.snoozes >= ESCALATE_AFTER,
        )
        self.pending_at = now
        self.count += 1
        events.append(TimerEvent("nudge", self.pending))
        return events

    def _local_date(self, wall: dt.datetime) -> dt.date:
        return wall.astimezone(ZoneInfo(self.rules.zone)).date()

    def _restart(self, now: float) -> None:
        self.since = now
        self.due = now + self.rules.interval_s
        self.snoozes = 0

    # -- shared with the machine's other copies --------------------------------------------

    def course(self) -> tuple:
        """What changes only when the timer changes course (an answer, a session, a sleep)."""
        return (self.since, self.due, self.snoozes, self.pending is None, self.in_session,
                self.away)

    def view(self) -> WallView:
        now, wall = self.clock.monotonic(), self.clock.now()

        def at(mono: float) -> dt.datetime:
            return wall - dt.timedelta(seconds=now - mono)

        return WallView(at(self.since), at(self.due), self.snoozes,
                        at(self.pending_at) if self.pending is not None else None, self.count,
                        self.in_session)

    def adopt(self, view: WallView) -> None:
        """Take on the course another copy set (a break there resets the stretch here)."""
        now, wall = self.clock.monotonic(), self.clock.now()

        def mono(at: dt.datetime) -> float:
            return now - (wall - at).total_seconds()

        self.since, self.due, self.snoozes = mono(view.since), mono(view.due), view.snoozes
        self.count = max(self.count, view.number)
        if view.in_session and not self.in_session:
            self._before_session = None
        self.in_session = view.in_session
        if view.pending_at is None:
            self.pending = None
        elif self.pending is None or self.pending.at != view.pending_at:
            self.pending_at = mono(view.pending_at)
            self.pending = Nudge(number=max(0, view.number - 1), at=view.pending_at,
                                 sitting_s=(view.pending_at - view.since).total_seconds(),
                                 snoozes=view.snoozes,
                                 insistent=view.snoozes >= ESCALATE_AFTER)

    # -- answers ---------------------------------------------------------------------------

    def answer(self, answer: Answer) -> Nudge | None:
        """The user's answer to the nudge waiting; returns it (None if none was waiting).

        The one rule (ANSWER_RULES says it in words): b restarts the stretch, s waits a full
        interval, and z or anything else (another key, a notice nobody answered, no key for
        the snooze time) is a snooze: z counts from the key, the rest from when the nudge
        came up, so closing a nudge never buys more time than leaving it alone.
        """
        nudge, self.pending = self.pending, None
        if nudge is None:
            return None  # nothing asked, nothing to answer (a quit, a second answer)
        now = self.clock.monotonic()
        if answer == "break":
            self._restart(now)
        elif answer == "skip":
            self.snoozes = 0
            self.due = now + self.rules.interval_s
        else:
            self.snoozes += 1
            came_up = self.pending_at if answer == "no answer" else now
            self.due = max(now, came_up + self.rules.snooze_s)
        return nudge

    def session_started(self) -> Nudge | None:
        """No nudges during a session; a nudge waiting is answered by it (returned)."""
        self._before_session = (self.since, self.snoozes)
        nudge = self.answer("break") if self.pending is not None else None
        self.in_session = True
        return nudge

    def session_ended(self, counted: bool = True) -> None:
        """A session or break just ended: a new stretch starts now. One discarded (b, then
        discard) was no break: the stretch it cut goes on, and nudges again a snooze on."""
        self.in_session = False
        now = self.clock.monotonic()
        if counted or self._before_session is None:
            self._restart(now)
        else:
            self.since, self.snoozes = self._before_session
            self.due = max(self.since + self.rules.interval_s, now + self.rules.snooze_s)
        self._before_session = None

    def carry_over(self, sitting_s: float) -> None:
        """Continue a stretch begun before this run (a restart): it counts from then."""
        if self.pending is None and not self.in_session and self.snoozes == 0:
            self.since = self.clock.monotonic() - max(0.0, sitting_s)
            self.due = self.since + self.rules.interval_s

    def change_rules(self, rules: NudgeRules) -> None:
        """New settings keep the stretch; the next nudge is one new interval after it began."""
        self.rules = rules
        if self.pending is None and self.snoozes == 0:
            self.due = self.since + rules.interval_s


MICRO_BREAK = "micro-break"  # the routine a nudge starts


def rules_from(settings: Settings, zone: str) -> NudgeRules:
    """The timer's rules from the user's settings."""
    return NudgeRules(
        interval_s=settings.nudge_minutes * 60,
        snooze_s=settings.snooze_minutes * 60,
        hours=WorkingHours.parse(settings.work_hours, settings.work_days),
        zone=zone,
    )
