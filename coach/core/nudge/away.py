"""Natural breaks, for every copy that keeps the sitting clock (the app, the nudger).

The user was away when:
- no input anywhere for away_minutes: the shortest idle time among the signals there are (tmux
  clients, the desktop; coach/nudger/idle.py measures them, a test hands them in);
- the machine slept that long: the wall clock moved that much further than the monotonic one
  between two looks (a suspend stops the monotonic clock on Linux and macOS).

Either way the stretch ends when they left, a break is credited once (whichever copy notices
first, under the nudges lock), and the clock is paused as in a session: no nudges, sitting 0.
The first input after it starts a new stretch, dated from that input; after a sleep with no
signal to ask, from the wake-up (whoever opened the lid is there). An idle time measured
before the leaving was seen (read just before a suspend) is no news either way.

With no copy running at all (no app, no nudger), nobody saw the user: a copy that starts more
than away_minutes after the last one was heard (its last write or heartbeat) takes the gap as
time away. The stretch that was running then ended there and is credited as a break, unless
the last copy recorded it on closing; the new copy starts a new stretch. `status` in such a gap
counts no sitting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.core.nudge.timer import SLEEP_JUMP_S, Away, Nudge, SittingTimer
from coach.core.settings.model import Settings

if TYPE_CHECKING:  # the log's record models load off the app's first frame
    from coach.core.nudge.log import Noticed, NudgeRecord, StretchRecord, TimerState
    from coach.core.nudge.shared import SharedClock


@dataclass(frozen=True)
class Idle:
    """The shortest idle time among the signals there are, and which one said it."""

    seconds: float
    source: Noticed
    at: dt.datetime | None = None  # when it was measured (None: just now)


@dataclass(frozen=True)
class Left:
    """A natural break this copy noticed first: what it leaves in the log."""

    at: dt.datetime  # the stretch ended then
    sat_s: float
    noticed: Noticed
    unanswered: Nudge | None  # a nudge was waiting as the user left

    def records(self, settings: Settings, zone: str
                ) -> tuple[list[NudgeRecord], list[StretchRecord]]:
        from coach.core.nudge.log import nudge_record, stretch_record

        nudges = ([nudge_record(self.unanswered, "no answer", zone, settings.day_start_hour)]
                  if self.unanswered is not None else [])
        stretch = stretch_record(self.at, self.sat_s, "away", settings.nudge_minutes * 60, zone,
                                 settings.day_start_hour, self.noticed)
        return nudges, [stretch]


class NaturalBreaks:
    """One per copy; step() each tick, after pulling the shared clock and before poll()."""

    def __init__(self, timer: SittingTimer, shared: SharedClock | None = None) -> None:
        self.timer = timer
        self.shared = shared  # None: this copy counts alone (no data folder, or not yet open)
        self._last = (timer.clock.monotonic(), timer.clock.now())
        self._left_seen: dt.datetime | None = None  # when this copy saw the user leave

    def step(self, idle: Idle | None, away_s: float, watch: bool = True) -> Left | None:
        """Catch up with the clocks and the idle time; the break to record when the user left.
        watch=False: another copy (the nudger) watches; this one only keeps its bearings."""
        mono, wall = self.timer.clock.monotonic(), self.timer.clock.now()
        last_mono, last_wall = self._last
        self._last = (mono, wall)
        slept = (wall - last_wall).total_seconds() - (mono - last_mono)
        timer = self.timer
        if not watch or (timer.in_session and timer.away is None):
            return None
        if timer.away is not None:
            if idle is not None and idle.at is not None and self._left_seen is not None \
                    and idle.at < self._left_seen:
                return None  # measured before the leaving was seen (before a sleep): no news
            if idle is not None and idle.seconds < away_s:
                self._back((wall - _input_at(idle, wall)).total_seconds())
            elif idle is None and timer.away.noticed == "sleep":
                self._back(0.0)
            return None
        if slept >= max(away_s, SLEEP_JUMP_S):
            return self._leave(last_wall, last_mono - timer.since, "sleep")
        if idle is not None and idle.seconds >= away_s:
            left = _input_at(idle, wall)
            return self._leave(left, timer.sitting_s() - (wall - left).total_seconds(),
                               idle.source)
        return None

    def _leave(self, at: dt.datetime, sat_s: float, noticed: Noticed) -> Left | None:
        self._left_seen = self.timer.clock.now()
        unanswered: list[Nudge | None] = []

        def apply() -> None:
            unanswered.append(self.timer.answer("no answer"))
            self._pause(at, noticed)

        if self.shared is None:
            apply()
        elif not self.shared.leave(apply):
            return None
        return Left(at, max(0.0, sat_s), noticed, unanswered[0])

    def _pause(self, at: dt.datetime, noticed: Noticed) -> None:
        self.timer.session_started()  # paused as in a session: no nudges, no sitting
        self.timer.away = Away(at, noticed)

    def _back(self, since_input_s: float) -> None:
        self.timer.away = None
        self.timer.session_ended()
        self.timer.since -= since_input_s  # back since the first input
        self.timer.due -= since_input_s


def _input_at(idle: Idle, wall: dt.datetime) -> dt.datetime:
    """The last input the reading saw: a reading a few seconds old is as exact as a new one."""
    return min(wall, idle.at or wall) - dt.timedelta(seconds=idle.seconds)


def gap_break(state: TimerState | None, kept: bool, heard: dt.datetime, now: dt.datetime,
              away_s: float) -> tuple[bool, Left | None]:
    """A copy starts: (go on with the clock in the file?, the break the gap credits). Another
    copy keeping the clock, or a restart within away_s, goes on with it."""
    if state is None:
        return False, None
    gap = (now - heard).total_seconds()
    if kept or 0 <= gap <= away_s:
        return True, None
    if gap < 0 or state.ended or state.in_session or state.away_since is not None:
        return False, None  # a clock from the future, or a stretch already ended and recorded
    sat = (heard - state.since).total_seconds()
    return False, Left(heard, sat, "sleep", None) if sat >= 0 else None
