"""The headless nudger's side of the machine's sitting clock: what is due, and natural breaks.

No screen, no subprocess: each tick takes how long the user has been idle (from the sensors in
coach/nudger/idle.py, or a test) and returns the nudges to deliver now. It writes what happened
to the nudge log itself, once: a nudge it delivered and its fate, and a break the user took by
going away (the stretch ends when they left; the log says how it was noticed).

Going away (no input anywhere for away_minutes, or the machine asleep that long) pauses the
clock and credits a break, by the rules in coach/core/nudge/away.py, which the app keeps too.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.core.nudge.away import Idle, Left, NaturalBreaks, gap_break
from coach.core.nudge.log import (
    NudgeLog,
    NudgeRecord,
    StretchRecord,
    nudge_record,
)
from coach.core.nudge.shared import SharedClock, clock_kept, last_heard
from coach.core.nudge.timer import Answer, Nudge, SittingTimer, rules_from
from coach.core.settings.model import Settings
from coach.core.time.clock import Clock


class ClockKeeper:
    """One per nudger process; tick() about once a second."""

    def __init__(self, log: NudgeLog, clock: Clock, settings: Settings, zone: str,
                 who: str = "nudger") -> None:
        self.log = log
        self.clock = clock
        self.settings = settings
        self.zone = zone
        self.timer = SittingTimer(clock, rules_from(settings, zone))
        self.shared = SharedClock(log, self.timer, who)
        self.breaks = NaturalBreaks(self.timer, self.shared)
        self.delivered = False  # this process delivered the nudge waiting
        self.written: list[NudgeRecord | StretchRecord] = []  # what went to the log, in order

    def start(self) -> None:
        """Join the clock: another copy keeping it, or a fresh file, is gone on with."""
        state = self.log.timer()
        kept = clock_kept(self.log)
        heard = last_heard(self.log, state) if state is not None else self.clock.now()
        go_on, left = gap_break(state, kept, heard, self.clock.now(),
                                self.settings.away_minutes * 60)
        if go_on:
            self.shared.pull(kept)
        if left is not None:
            self._record(left)
        self.shared.alive.hold()
        self.shared.push(force=True)

    def stop(self) -> None:
        self._catch_up()  # an answer given since the last tick (a click, the popup) stands
        if self.delivered:
            self._answered_nothing()
        self.shared.push(force=True)
        self.shared.alive.release()

    def change_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.timer.change_rules(rules_from(settings, self.zone))

    def tick(self, idle: Idle | None, can_deliver: Callable[[], bool] = lambda: True
             ) -> list[Nudge]:
        """Catch up; the nudges this process must deliver now (none, or one)."""
        self._catch_up()
        self._natural_break(idle)
        out: list[Nudge] = []
        for event in self.timer.poll():
            if event.kind == "nudge":
                self.delivered = can_deliver() and self.shared.claim()
                if self.delivered:
                    out.append(event.nudge)
            elif self.delivered:
                self._write(nudge_record(event.nudge, "no answer", self.zone,
                                         self.settings.day_start_hour))
        self.shared.push()
        return out

    def _catch_up(self) -> None:
        if self.shared.pull() and self.timer.pending is None:
            self.delivered = False  # answered elsewhere (the popup, a desktop button, an app)

    # -- natural breaks (coach/core/nudge/away.py) ------------------------------------------

    @property
    def away(self) -> bool:
        return self.timer.away is not None

    def _natural_break(self, idle: Idle | None) -> None:
        left = self.breaks.step(idle, self.settings.away_minutes * 60)
        if left is not None:
            if left.unanswered is not None:
                self.delivered = False
            self._record(left)
        self.shared.push()

    def _record(self, left: Left) -> None:
        nudges, stretches = left.records(self.settings, self.zone)
        for nudge in nudges:
            self._write(nudge)
        for stretch in stretches:
            self._write(stretch)

    def _answered_nothing(self) -> None:
        nudge = self.timer.answer("no answer")
        if nudge is not None:
            self._write(nudge_record(nudge, "no answer", self.zone, self.settings.day_start_hour))
        self.delivered = False

    def _write(self, record: NudgeRecord | StretchRecord) -> None:
        if isinstance(record, NudgeRecord):
            self.log.add(nudges=[record])
        else:
            self.log.add(stretches=[record])
        self.written.append(record)


def answer_waiting(log: NudgeLog, clock: Clock, settings: Settings, zone: str, answer: Answer,
                   who: str) -> Nudge | None:
    """An answer given outside any copy that keeps the clock (the nudger's popup): applied to
    the nudge waiting by the one rule, recorded once; None when none waits any more."""
    timer = SittingTimer(clock, rules_from(settings, zone))
    shared = SharedClock(log, timer, who)
    with log.locked():
        if not shared.pull() or timer.pending is None:
            return None
        nudge = timer.answer(answer)
        assert nudge is not None
        log.add(nudges=[nudge_record(nudge, answer, zone, settings.day_start_hour)])
        shared.push(force=True)
    return nudge
