"""Honest outcomes: whether a step was done, partly done or skipped, from what was really done.

The rule, stated once (help shows it too): a step is *done* when the time actually spent on
its work reaches two thirds of the planned time (a brisker pace than the coach's counts in
full); *partial* from a tenth of the planned time (and at least 5 s) up; *skipped* below
that, or when the user skipped it (the s key), whatever time it had. Reps and holds are
credited no faster than that pace allows, so pressing "next" through a routine in a moment
records every step as skipped, and the session keeps no streak.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from coach.core.content.planning import PlannedStep, timeline
from coach.core.session.records import Outcome, StepResult

DONE_SHARE = 2 / 3
PARTIAL_SHARE = 1 / 10
PARTIAL_MIN_S = 5  # a tenth of a 20 s step is a moment, not an effort
RULE = (
    "A step counts as done when you spent at least two thirds of its planned time on it, "
    "partial from a tenth of it (at least 5 s), and skipped below that or when you skip it (s)."
)


def planned_work_s(steps: Sequence[PlannedStep]) -> list[int]:
    """Seconds of work each step plans (holds, sets and sides added up; no rests)."""
    planned = [0] * len(steps)
    for phase in timeline(tuple(steps)):
        if phase.kind == "work":
            planned[phase.step] += phase.seconds
    return planned


def planned_units(step: PlannedStep) -> int:
    """Reps (or holds) the step plans in all, sets and sides counted; 0 for a timed step."""
    dosing = step.dosing
    if dosing.mode == "timed":
        return 0
    return dosing.reps * dosing.sets * (2 if dosing.per_side else 1)


def honest(result: StepResult, step: PlannedStep, planned_s: int) -> StepResult:
    """The result with its outcome and reps judged against the planned dose."""
    share = result.seconds / planned_s if planned_s else 1.0
    outcome: Outcome
    if result.outcome == "skipped":  # the user's own word, or no work at all
        outcome = "skipped"
    elif share >= DONE_SHARE:
        outcome = "done"
    elif share >= PARTIAL_SHARE and result.seconds >= PARTIAL_MIN_S:
        outcome = "partial"
    else:
        outcome = "skipped"
    reps = result.reps
    units = planned_units(step)
    if units and planned_s:
        unit_s = planned_s / units * DONE_SHARE  # the quickest believable rep or hold
        reps = min(reps, math.floor(result.seconds / unit_s + 1e-9))
    return result.model_copy(update={"outcome": outcome, "reps": reps})


def honest_results(results: Iterable[StepResult], steps: Sequence[PlannedStep]) -> list[StepResult]:
    """Every result judged; results come in step order from the start, as the player gives."""
    planned = planned_work_s(steps)
    return [honest(r, steps[n], planned[n]) for n, r in enumerate(results)]


def counts_toward_streak(doc: dict[str, Any]) -> bool:
    """Whether a stored session (as its JSON) counts for the calendar and the streak, by
    coach.core.session.counting's rule: some work, some step done or partial, and not a break
    the user keeps out of the streak."""
    from coach.core.session.counting import doc_counts  # counting reads records: no cycle

    return doc_counts(doc).streak
