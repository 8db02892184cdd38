"""The routine editor's model: a draft the user shapes, checked by the same rules as content.

A draft keeps each step's dosing as the changes from the exercise's own dosing, so the
editor can mark what was changed and a saved routine stays small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from coach.core.content.errors import field_problems
from coach.core.content.loading import Library, RoutineInfo
from coach.core.content.models import Dosing, DosingChange, Exercise, Routine, Step
from coach.core.content.planning import REST_BETWEEN_S, PlannedStep, total_seconds

DOSING_FIELDS = ("mode", "sets", "reps", "hold_s", "duration_s", "rep_s", "per_side", "rest_s")
MAX_STEPS = 40
# Fields a mode has no use for (the editor hides them unless the user set one).
UNUSED_FIELDS = {"reps": {"hold_s", "duration_s"}, "hold": {"duration_s", "rep_s"},
                 "timed": {"reps", "hold_s", "rep_s"}, "breaths": {"hold_s", "duration_s"}}


@dataclass
class DraftStep:
    exercise: Exercise
    changes: dict[str, object] = field(default_factory=dict)  # only what differs
    rest_after_s: int | None = None  # None: the usual rest between exercises

    def value(self, name: str) -> object:
        """What the field holds now: the user's change, or the exercise's default."""
        return self.changes.get(name, getattr(self.exercise.dosing, name))

    def set(self, name: str, value: object) -> None:
        """Record a change, or forget it when the value is back to the default."""
        if value == getattr(self.exercise.dosing, name):
            self.changes.pop(name, None)
        else:
            self.changes[name] = value


@dataclass
class Draft:
    name: str = ""
    description: str = ""
    steps: list[DraftStep] = field(default_factory=list)
    routine_id: str | None = None  # the user routine being edited; None for a new one
    original_name: str | None = None  # its name when opened, so keeping it is no clash

    def move(self, index: int, delta: int) -> int:
        """Move a step up or down; returns where it ended up."""
        target = max(0, min(len(self.steps) - 1, index + delta))
        self.steps.insert(target, self.steps.pop(index))
        return target

    def duplicate(self, index: int) -> None:
        step = self.steps[index]
        self.steps.insert(index + 1, DraftStep(step.exercise, dict(step.changes), step.rest_after_s))


def draft_of(info: RoutineInfo, library: Library, copy_name: str | None = None) -> Draft:
    """A draft of an existing routine: to edit a user's own, or to copy a built-in."""
    steps = []
    for planned in info.steps:
        step = DraftStep(planned.exercise)
        for name in DOSING_FIELDS:
            step.set(name, getattr(planned.dosing, name))
        step.rest_after_s = None if planned.rest_after_s == REST_BETWEEN_S else planned.rest_after_s
        steps.append(step)
    if copy_name is not None:
        return Draft(copy_name, info.routine.description, steps)
    return Draft(info.routine.name, info.routine.description, steps, info.routine.id,
                 info.routine.name)


def copy_name(name: str, taken: set[str]) -> str:
    """'Desk stretches' -> 'Desk stretches (mine)', then '(mine 2)', … whichever is free."""
    base = re.sub(r" \(mine( \d+)?\)$", "", name)[:30]
    lowered = {t.lower() for t in taken}
    candidate, n = f"{base} (mine)", 1
    while candidate.lower() in lowered:
        n += 1
        candidate = f"{base} (mine {n})"
    return candidate


def step_key(index: int, name: str) -> str:
    """How a step field's problem is keyed in Checked.problems: 'steps[2].hold_s'."""
    return f"steps[{index}].{name}"


def steps_with_problems(problems: dict[str, str]) -> list[int]:
    """The step numbers (1-based, as shown) that have a problem."""
    found = {int(m.group(1)) + 1 for k in problems if (m := re.match(r"steps\[(\d+)\]", k))}
    return sorted(found)


@dataclass(frozen=True)
class ShownProblems:
    """Where the editor shows each problem: under the name, under the step list (which steps
    to fix, then the list's own problem), and in the form of the step it shows (by field)."""

    name: str
    steps: str
    step: dict[str, str]


def shown_problems(problems: dict[str, str], typed: dict[str, str],
                   index: int | None) -> ShownProblems:
    """`problems` as Checked keys them, with `typed`: the shown step's fields typed so that
    they are not yet in the draft ('must be a whole number'); `index`: the step shown."""
    problems = {**problems, **{step_key(index or 0, f): m for f, m in typed.items()}}
    steps = problems.get("steps", "")
    bad = steps_with_problems(problems)
    if bad:
        steps = f"fix step {', '.join(map(str, bad))}" + (f"; {steps}" if steps else "")
    prefix = None if index is None else step_key(index, "")
    step = {} if prefix is None else {
        k.removeprefix(prefix): v for k, v in problems.items() if k.startswith(prefix)}
    return ShownProblems(problems.get("name", ""), steps, step)


@dataclass(frozen=True)
class Checked:
    """The draft as a routine (when valid), its problems by field, and its length."""

    routine: Routine | None
    problems: dict[str, str]  # "name", "steps", "steps[2].hold_s", ...
    seconds: int | None  # None while some step is invalid


def check(draft: Draft, routine_id: str, taken_names: set[str]) -> Checked:
    """Validate a draft with the content models; every problem keyed by its field."""
    problems: dict[str, str] = {}
    name = draft.name.strip()
    taken = {t.lower() for t in taken_names} - {(draft.original_name or "").lower()}
    if name.lower() in taken:
        problems["name"] = f"a routine called {name!r} exists; pick another name"
    if not draft.steps:
        problems["steps"] = "add at least one exercise (a)"
    elif len(draft.steps) > MAX_STEPS:
        problems["steps"] = f"keep it to {MAX_STEPS} steps"
    planned: list[PlannedStep] = []
    for n, step in enumerate(draft.steps):
        data = step.exercise.dosing.model_dump() | step.changes
        try:
            dosing = Dosing.model_validate(data)
        except ValidationError as exc:
            for path, fix in field_problems(exc):
                problems.setdefault(f"steps[{n}].{path or 'mode'}", fix)
            continue
        rest = REST_BETWEEN_S if step.rest_after_s is None else step.rest_after_s
        if not 0 <= rest <= 300:
            problems[f"steps[{n}].rest_after_s"] = f"must be 0 to 300 seconds, got {rest}"
            continue
        planned.append(PlannedStep(step.exercise, dosing, rest))
    try:
        routine = Routine(
            id=routine_id,
            name=name,
            description=draft.description.strip(),
            steps=tuple(
                Step(exercise=s.exercise.id,
                     dosing=DosingChange(**s.changes) if s.changes else None,
                     rest_after_s=s.rest_after_s)
                for s in draft.steps
            ),
        )
    except ValidationError as exc:
        routine = None
        for path, fix in field_problems(exc):
            if not path.startswith("steps["):  # step problems were named above, per field
                problems.setdefault(path or "name", fix)
    seconds = total_seconds(planned) if len(planned) == len(draft.steps) and planned else None
    return Checked(None if problems else routine, problems, seconds)
