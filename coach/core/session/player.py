"""The session player: walks a routine's timeline on deadlines, never by counting ticks.

A phase ends at `started + seconds` on the injected monotonic clock. A tick (or a stall of
the event loop, or a stopped process) only changes when we look, not where we are: `update()`
moves through every phase whose deadline has passed, each next phase starting at the
previous one's deadline. Pausing freezes the time left; resuming sets a new deadline.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from coach.core.content.planning import Phase, PlannedStep, timeline
from coach.core.session.records import Outcome, StepResult
from coach.core.session.view import View, movements, next_up, side_text
from coach.core.time.clock import Clock

ADJUST_S = 10
BACK_GRACE_S = 3  # "previous" within this many seconds of a step's start goes one step further back

EventKind = Literal["phase", "step", "finished"]


@dataclass(frozen=True)
class Event:
    kind: EventKind  # a new phase began / a step ended / the whole session ended
    step: int


@dataclass
class Tally:
    """What was actually done in one step."""

    seconds: float = 0.0
    reps: int = 0
    work_done: int = 0  # work phases completed
    skipped: bool = False
    ended: bool = False

    def result(self, step: PlannedStep, work_total: int) -> StepResult:
        outcome: Outcome
        if self.skipped:
            outcome = "skipped"
        elif self.work_done >= work_total:
            outcome = "done"
        elif self.work_done or self.seconds >= 1:
            outcome = "partial"
        else:
            outcome = "skipped"
        return StepResult(
            exercise_id=step.exercise.id,
            exercise_name=step.exercise.name,
            planned=step.dosing,
            outcome=outcome,
            seconds=round(self.seconds),
            reps=self.reps,
        )


def _reps_credit(step: PlannedStep, phase: Phase, elapsed: float, complete: bool) -> int:
    dosing = step.dosing
    if dosing.mode == "hold":
        return 1 if complete else 0
    if dosing.mode == "timed":
        return 0
    if complete:
        return movements(phase, step)
    assert dosing.rep_s
    return min(movements(phase, step), int(elapsed // dosing.rep_s))


@dataclass
class Player:
    steps: tuple[PlannedStep, ...]
    clock: Clock
    phases: list[Phase] = field(init=False)
    index: int = field(init=False, default=0)
    started_at: float | None = field(init=False, default=None)  # monotonic start of the phase
    seconds: float = field(init=False, default=0.0)  # this phase's length, after adjustments
    paused_left: float | None = field(init=False, default=None)
    finished: bool = field(init=False, default=False)
    tallies: list[Tally] = field(init=False)

    def __post_init__(self) -> None:
        self.phases = timeline(self.steps)
        self.tallies = [Tally() for _ in self.steps]
        self._work_total = [0] * len(self.steps)
        for phase in self.phases:
            if phase.kind == "work":
                self._work_total[phase.step] += 1

    # -- moving through time ---------------------------------------------------------------

    def start(self) -> list[Event]:
        self._enter(0, self.clock.monotonic())
        return [Event("phase", 0)]

    def _enter(self, index: int, at: float) -> None:
        self.index = index
        self.started_at = at
        self.seconds = float(self.phases[index].seconds)

    @property
    def phase(self) -> Phase:
        return self.phases[self.index]

    def _elapsed(self, now: float) -> float:
        if self.paused_left is not None:
            return self.seconds - self.paused_left
        assert self.started_at is not None
        return now - self.started_at

    def deadline(self) -> float | None:
        """When the current phase ends on the monotonic clock; None while paused or done."""
        if self.finished or self.paused_left is not None or self.started_at is None:
            return None
        return self.started_at + self.seconds

    def update(self) -> list[Event]:
        """Catch up with the clock: end every phase whose deadline has passed."""
        if self.finished or self.paused_left is not None or self.started_at is None:
            return []
        events: list[Event] = []
        now = self.clock.monotonic()
        while not self.finished and now >= self.started_at + self.seconds:
            deadline = self.started_at + self.seconds
            events += self._finish_phase(self.seconds, complete=True, at=deadline)
        return events

    def _finish_phase(self, elapsed: float, complete: bool, at: float) -> list[Event]:
        phase = self.phase
        step = self.steps[phase.step]
        tally = self.tallies[phase.step]
        if phase.kind == "work":
            tally.seconds += elapsed
            tally.reps += _reps_credit(step, phase, elapsed, complete)
            if complete:
                tally.work_done += 1
        return self._advance(at)

    def _advance(self, at: float) -> list[Event]:
        events: list[Event] = []
        old_step = self.phase.step
        if self.index + 1 >= len(self.phases):
            self.tallies[old_step].ended = True
            self.finished = True
            return [Event("step", old_step), Event("finished", old_step)]
        self._enter(self.index + 1, at)
        if self.phase.step != old_step:
            self.tallies[old_step].ended = True
            events.append(Event("step", old_step))
        events.append(Event("phase", self.phase.step))
        return events

    # -- commands --------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self.paused_left is not None

    def pause(self) -> None:
        if self.finished or self.paused or self.started_at is None:
            return
        self.update()
        if not self.finished:
            self.paused_left = max(0.0, self.started_at + self.seconds - self.clock.monotonic())

    def resume(self) -> None:
        if self.paused_left is None:
            return
        # A new start such that exactly paused_left remains from now.
        self.started_at = self.clock.monotonic() + self.paused_left - self.seconds
        self.paused_left = None

    def toggle_pause(self) -> None:
        self.resume() if self.paused else self.pause()

    @contextmanager
    def _pause_carries_over(self) -> Iterator[None]:
        """Moving to another phase while paused lands paused at that phase's full length."""
        was_paused = self.paused
        self.paused_left = None
        yield
        if was_paused and not self.finished:
            self.paused_left = self.seconds

    def next(self) -> list[Event]:
        """Done with this phase now: a faster user's reps, a hold cut short, a rest not needed."""
        if self.finished:
            return []
        events = self.update()
        if self.finished:
            return events
        now = self.clock.monotonic()
        elapsed = self._elapsed(now)
        with self._pause_carries_over():
            events += self._finish_phase(elapsed, complete=True, at=now)
        return events

    def skip(self) -> list[Event]:
        """Leave this step now, recorded as skipped; carry on with the next one."""
        if self.finished:
            return []
        events = self.update()
        if self.finished:
            return events
        current = self.phase.step
        now = self.clock.monotonic()
        if self.phase.kind == "work":
            self.tallies[current].seconds += self._elapsed(now)
        self.tallies[current].skipped = True
        with self._pause_carries_over():
            # Jump to the last phase of this step and end it, so the usual bookkeeping runs.
            while self.index + 1 < len(self.phases) and self.phases[self.index + 1].step == current:
                self.index += 1
            events += self._advance(now)
        return events

    def previous(self) -> list[Event]:
        """Back to the start of this step, or of the one before if this one has barely begun."""
        if self.started_at is None:
            return []
        now = self.clock.monotonic()
        current = self.phase.step
        first = self._step_start(current)
        if current > 0 and self.index == first and self._elapsed(now) < BACK_GRACE_S:
            current -= 1
            first = self._step_start(current)
        for n in range(current, len(self.steps)):
            self.tallies[n] = Tally()
        self.finished = False
        with self._pause_carries_over():
            self._enter(first, now)
        return [Event("phase", current)]

    def _step_start(self, step: int) -> int:
        """The first phase of a step that is not the rest before it."""
        candidates = [i for i, p in enumerate(self.phases) if p.step == step and p.kind != "rest"]
        return candidates[0]

    def adjust(self, delta: int) -> bool:
        """Lengthen or shorten the current hold or timed work; False where that makes no sense."""
        phase = self.phase
        mode = self.steps[phase.step].dosing.mode
        if self.finished or phase.kind != "work" or mode not in ("hold", "timed"):
            return False
        now = self.clock.monotonic()
        if self.paused and self.paused_left is not None:
            left = self.paused_left
        else:
            left = (now if self.started_at is None else self.started_at) + self.seconds - now
        change = max(delta, 1 - left)  # never below one second left
        self.seconds += change
        if self.paused_left is not None:
            self.paused_left += change
        return True

    # -- reading ---------------------------------------------------------------------------

    def results(self, include_current: bool = False) -> list[StepResult]:
        """Results of the steps that have ended (and the one under way, when stopping)."""
        out = []
        for n, (step, tally) in enumerate(zip(self.steps, self.tallies)):
            current = include_current and not self.finished and n == self.phase.step
            if tally.ended or current:
                if current and self.phase.kind == "work":
                    now = self.clock.monotonic()
                    elapsed = self._elapsed(now)
                    partial = Tally(tally.seconds + elapsed, tally.reps + _reps_credit(
                        step, self.phase, elapsed, False), tally.work_done, tally.skipped)
                    out.append(partial.result(step, self._work_total[n]))
                else:
                    out.append(tally.result(step, self._work_total[n]))
        return out

    def view(self) -> View:
        now = self.clock.monotonic()
        phase = self.phase
        step = self.steps[phase.step]
        elapsed = 0.0 if self.started_at is None else min(self._elapsed(now), self.seconds)
        left = max(0.0, self.seconds - elapsed)
        if self.finished:
            left, elapsed = 0.0, self.seconds
        rep, breathe_in, side = 0, False, phase.side
        dosing = step.dosing
        if phase.kind == "work" and dosing.mode in ("reps", "breaths") and dosing.rep_s:
            moved = min(movements(phase, step) - 1, int(elapsed // dosing.rep_s))
            if phase.alternate:
                side = phase.alternate[moved % 2]
                moved //= 2
            rep = moved + 1
            breathe_in = (elapsed % dosing.rep_s) < dosing.rep_s / 2
        elif phase.kind in ("work", "release") and dosing.mode == "hold":
            rep = phase.hold_no  # in a release: the hold about to come
        later = sum(p.seconds for p in self.phases[self.index + 1 :])
        return View(
            phase=phase,
            step=step,
            step_index=phase.step,
            steps=len(self.steps),
            seconds_left=math.ceil(left - 1e-9),
            elapsed=elapsed,
            rep=rep,
            reps=dosing.reps if dosing.mode != "timed" else 0,
            breathe_in=breathe_in,
            session_left=math.ceil(left + later - 1e-9),
            session_total=sum(p.seconds for p in self.phases),
            paused=self.paused,
            finished=self.finished,
            next_up=next_up(self.steps, self.phases, self.index),
            side=side,
            side_text=side_text(step, side),
        )
