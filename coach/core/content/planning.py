"""A routine as time: the ordered phases a session walks through.

The estimated length of a routine is the sum of its phases, so the minutes the picker shows
are exactly what the session player will run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coach.core.content.models import Dosing, Exercise, Side

GET_READY_S = 5  # before the first exercise and whenever the body has to change position
SWITCH_S = 5  # between the left and the right side
RELEASE_S = 3  # between two holds of the same set: let go, breathe, set up again
REST_BETWEEN_S = 15  # between exercises, unless a routine step says otherwise

PhaseKind = Literal["ready", "work", "switch", "release", "rest"]


@dataclass(frozen=True)
class PlannedStep:
    """A routine step resolved against the library: which exercise, and how much of it."""

    exercise: Exercise
    dosing: Dosing
    rest_after_s: int = REST_BETWEEN_S

    @property
    def cue(self) -> str:
        """The exercise's cue for the way this step does it."""
        return self.exercise.mode_cues.get(self.dosing.mode, self.exercise.cue)


@dataclass(frozen=True)
class Phase:
    kind: PhaseKind
    seconds: int
    step: int  # index into the planned steps this phase belongs to
    set_no: int = 1
    side: Side | None = None
    hold_no: int = 0  # which hold of a set, for hold mode; 0 otherwise
    # Reps that change side every rep run as one piece of work: each rep is one side, then
    # the other, in this order (and `side` is None: it changes within the phase).
    alternate: tuple[Side, Side] | None = None


def alternates(dosing: Dosing) -> bool:
    """True when each rep is both sides in turn (one piece of work, no switch phase)."""
    return dosing.per_side and dosing.switch_sides == "every rep" and dosing.mode != "hold"


def work_seconds(dosing: Dosing) -> int:
    """Seconds of one unbroken piece of work (one hold, one side of one set, or both
    sides of one set when sides alternate within each rep)."""
    if dosing.mode == "hold":
        assert dosing.hold_s is not None
        return dosing.hold_s
    if dosing.mode == "timed":
        assert dosing.duration_s is not None
        return dosing.duration_s
    assert dosing.rep_s is not None
    return dosing.reps * dosing.rep_s * (2 if alternates(dosing) else 1)


def _one_side(index: int, dosing: Dosing, set_no: int, side: Side | None) -> list[Phase]:
    seconds = work_seconds(dosing)
    if dosing.mode != "hold":
        return [Phase("work", seconds, index, set_no, side)]
    phases: list[Phase] = []
    for hold in range(1, dosing.reps + 1):
        if hold > 1:
            phases.append(Phase("release", RELEASE_S, index, set_no, side, hold))
        phases.append(Phase("work", seconds, index, set_no, side, hold))
    return phases


def _alternating_set(index: int, dosing: Dosing, set_no: int) -> list[Phase]:
    order = dosing.side_order
    if dosing.mode != "hold":
        return [Phase("work", work_seconds(dosing), index, set_no, alternate=order)]
    # Holds take turns: right, (release), left, (release), right... each side `reps` times.
    phases: list[Phase] = []
    for hold in range(1, dosing.reps + 1):
        for side in order:
            if phases:
                phases.append(Phase("release", RELEASE_S, index, set_no, side, hold))
            phases.append(Phase("work", work_seconds(dosing), index, set_no, side, hold))
    return phases


def _rest(index: int, dosing: Dosing, set_no: int, side: Side | None = None) -> list[Phase]:
    if set_no > 1 and dosing.rest_s:
        return [Phase("rest", dosing.rest_s, index, set_no, side)]
    return []


def step_phases(index: int, dosing: Dosing) -> list[Phase]:
    """The phases of one step: sets, sides, holds, with rest and switches between them,
    in the order the dosing's `switch_sides` asks for."""
    sets = range(1, dosing.sets + 1)
    phases: list[Phase] = []
    if not dosing.per_side:
        for set_no in sets:
            phases += _rest(index, dosing, set_no) + _one_side(index, dosing, set_no, None)
    elif dosing.switch_sides == "every rep":
        for set_no in sets:
            phases += _rest(index, dosing, set_no) + _alternating_set(index, dosing, set_no)
    elif dosing.switch_sides == "once":
        for n, side in enumerate(dosing.side_order):
            if n:
                phases.append(Phase("switch", SWITCH_S, index, 1, side))
            for set_no in sets:
                phases += _rest(index, dosing, set_no, side)
                phases += _one_side(index, dosing, set_no, side)
    else:
        for set_no in sets:
            phases += _rest(index, dosing, set_no)
            for n, side in enumerate(dosing.side_order):
                if n:
                    phases.append(Phase("switch", SWITCH_S, index, set_no, side))
                phases += _one_side(index, dosing, set_no, side)
    return phases


def timeline(steps: tuple[PlannedStep, ...] | list[PlannedStep]) -> list[Phase]:
    """Every phase of a session, from the first get-ready to the last piece of work."""
    phases: list[Phase] = []
    previous_position = None
    for index, step in enumerate(steps):
        if index:
            rest = steps[index - 1].rest_after_s
            if rest:
                phases.append(Phase("rest", rest, index))
        if step.exercise.position != previous_position:
            phases.append(Phase("ready", GET_READY_S, index))
        previous_position = step.exercise.position
        phases.extend(step_phases(index, step.dosing))
    return phases


def total_seconds(steps: tuple[PlannedStep, ...] | list[PlannedStep]) -> int:
    return sum(phase.seconds for phase in timeline(steps))
