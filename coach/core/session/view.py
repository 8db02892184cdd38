"""What the session screen shows of a moment, worked out from the timeline: the view, the
side being worked and what it is called, and the piece of work coming next."""

from __future__ import annotations

from dataclasses import dataclass

from coach.core.content.models import Side
from coach.core.content.planning import Phase, PlannedStep


@dataclass(frozen=True)
class View:
    """Everything the screen shows, computed here so the screen decides nothing."""

    phase: Phase
    step: PlannedStep
    step_index: int
    steps: int
    seconds_left: int  # whole seconds, rounded up, as a countdown shows them
    elapsed: float  # seconds into the current phase
    rep: int  # the rep (or breath) under way, 1-based; 0 when not counting reps
    reps: int
    breathe_in: bool  # breaths mode: in or out
    session_left: int
    session_total: int
    paused: bool
    finished: bool
    next_up: str
    side: Side | None = None  # the side being worked (in a switch: the side coming up)
    side_text: str = ""  # how to say it: "right side", or the exercise's own name for it


def side_text(step: PlannedStep, side: Side | None) -> str:
    """'right side', or what the exercise calls that side (e.g. a pair of limbs)."""
    if side is None:
        return ""
    return step.exercise.side_names.get(side, f"{side} side")


def movements(phase: Phase, step: PlannedStep) -> int:
    """How many one-side movements a reps or breaths phase holds (both sides when they
    alternate every rep)."""
    return step.dosing.reps * (2 if phase.alternate else 1)


def next_up(steps: tuple[PlannedStep, ...], phases: list[Phase], index: int) -> str:
    """The piece of work about to start: after the one under way, or, between pieces of
    work (get ready, rest, switch, release), the one being readied."""
    start = index + 1 if phases[index].kind == "work" else index
    works = [i for i in range(start, len(phases)) if phases[i].kind == "work"]
    if not works:
        return "the finish"
    coming = phases[works[0]]
    step = steps[coming.step]
    side = coming.side or (coming.alternate[0] if coming.alternate else None)
    if phases[index].kind == "work" and phases[index].step != coming.step:
        return step.exercise.name + (f" ({side_text(step, side)})" if side else "")
    before = [p for p in phases[: works[0]] if p.kind == "work" and p.step == coming.step]
    last = before[-1] if before else None
    dosing, parts = step.dosing, []
    if dosing.sets > 1 and (last is None or coming.set_no != last.set_no):
        parts.append(f"set {coming.set_no} of {dosing.sets}")
    if side and (last is None or coming.side != last.side):
        parts.append(side_text(step, side) + (" first" if coming.alternate else ""))
    if dosing.mode == "hold" and dosing.reps > 1:
        parts.append(f"hold {coming.hold_no} of {dosing.reps}")
    if last is None:  # a new exercise is being readied: name it before its details
        parts.insert(0, step.exercise.name)
    return " · ".join(parts) or "the same again"
