"""Loading and checking the exercise library and routines from TOML files.

Loading collects every problem before it gives up, so an author fixes a folder in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from coach.core.content.errors import MAX_CONTENT_BYTES, ContentError, describe, parse_toml
from coach.core.content.models import (
    FLOOR_POSITIONS,
    Dosing,
    DosingChange,
    Exercise,
    Routine,
    Safety,
)
from coach.core.content.planning import REST_BETWEEN_S, PlannedStep, total_seconds
from coach.core.disk import read_file

ARTICLES = {
    "000": "Back Strengthening Exercises After Work: Countering the Effects of Sitting",
    "001": "5 Exercises to Reduce Back Pain from Prolonged Sitting",
    "002": "How to stretch your back after sedentary work",
    "003": "5 Desk Stretches to Relieve Back Pain",
    "004": "Exercises to Strengthen Back Muscles",
}

PLACES = ("desk", "floor", "standing")
DESK_EQUIPMENT = frozenset({"chair", "support"})


@dataclass(frozen=True)
class RoutineInfo:
    """A routine with what the screens and the CLI show about it, computed once."""

    routine: Routine
    steps: tuple[PlannedStep, ...]
    seconds: int
    positions: tuple[str, ...]
    equipment: tuple[str, ...]
    places: frozenset[str]
    builtin: bool = True  # False for a routine the user made; built-ins are read-only


@dataclass
class Library:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, RoutineInfo] = field(default_factory=dict)
    safety: Safety | None = None


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_toml(path: Path, problems: list[str]) -> dict | None:
    where = _display(path)
    try:
        # Never a FIFO or a device, never without end: a content folder may be anyone's.
        text = read_file(path, MAX_CONTENT_BYTES, links=True).decode("utf-8-sig")  # BOM: harmless
        return parse_toml(text, where)
    except ContentError as exc:
        problems.extend(exc.problems)
    except UnicodeDecodeError:
        problems.append(f"{where}: not UTF-8 text; save it as UTF-8")
    except OSError as exc:
        problems.append(f"{where}: cannot read it: {exc.strerror or exc}")
    return None


def _parse(model, path: Path, problems: list[str]):
    data = read_toml(path, problems)
    if data is None:
        return None
    try:
        item = model.model_validate(data)
    except ValidationError as exc:
        problems.extend(describe(_display(path), exc))
        return None
    if item.id != path.stem:
        problems.append(
            f"{_display(path)}: id: is {item.id!r} but the file is {path.name}; make them match"
        )
        return None
    return item


def plan_steps(
    routine: Routine, exercises: dict[str, Exercise], where: str, problems: list[str],
    apply: Callable[[DosingChange, Dosing], Dosing] = DosingChange.apply,
) -> tuple[PlannedStep, ...]:
    """Resolve each step's exercise and dosing; unknown ids and bad dosing become problems.

    apply makes a step's dosing from the exercise's (validated; sealed.py's is unvalidated)."""
    planned = []
    for n, step in enumerate(routine.steps):
        exercise = exercises.get(step.exercise)
        if exercise is None:
            problems.append(
                f"{where}: steps[{n}].exercise: no exercise {step.exercise!r}; "
                "see `backcoach exercises` for the ids"
            )
            continue
        dosing = exercise.dosing
        if step.dosing_from is not None:
            if step.dosing_from not in exercise.source_dosing:
                known = ", ".join(sorted(exercise.source_dosing)) or "none"
                problems.append(
                    f"{where}: steps[{n}].dosing_from: {exercise.id} has no dosing from article "
                    f"{step.dosing_from} (it has: {known})"
                )
                continue
            dosing = exercise.source_dosing[step.dosing_from]
        if step.dosing is not None:
            try:
                dosing = apply(step.dosing, dosing)
            except ValidationError as exc:
                problems.extend(
                    line.replace(f"{where}: ", f"{where}: steps[{n}].dosing.", 1)
                    for line in describe(where, exc)
                )
                continue
        rest = REST_BETWEEN_S if step.rest_after_s is None else step.rest_after_s
        planned.append(PlannedStep(exercise, dosing, rest))
    return tuple(planned)


def describe_routine(routine: Routine, steps: tuple[PlannedStep, ...]) -> RoutineInfo:
    positions = tuple(dict.fromkeys(s.exercise.position for s in steps))
    equipment = tuple(dict.fromkeys(e for s in steps for e in s.exercise.equipment))
    places = set()
    if any(p in FLOOR_POSITIONS for p in positions):
        places.add("floor")
    elif "hanging" not in positions and set(equipment) <= DESK_EQUIPMENT:
        places.add("desk")
    # A routine matches every place its label (its positions) names: "standing/seated" is
    # shown under "where: standing" too, not hidden from it.
    if "standing" in positions:
        places.add("standing")
    return RoutineInfo(routine, steps, total_seconds(steps), positions, equipment, frozenset(places))


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def load_exercises(paths: Iterable[Path], problems: list[str]) -> dict[str, Exercise]:
    exercises: dict[str, Exercise] = {}
    for path in paths:
        exercise = _parse(Exercise, path, problems)
        if exercise is None:
            continue
        if exercise.id in exercises:
            problems.append(f"{_display(path)}: id: {exercise.id!r} is used twice; rename one")
            continue
        exercises[exercise.id] = exercise
    return exercises


def load_routines(
    paths: Iterable[Path], exercises: dict[str, Exercise], problems: list[str]
) -> dict[str, RoutineInfo]:
    routines: dict[str, RoutineInfo] = {}
    for path in paths:
        routine = _parse(Routine, path, problems)
        if routine is None:
            continue
        if routine.id in routines:
            problems.append(f"{_display(path)}: id: {routine.id!r} is used twice; rename one")
            continue
        before = len(problems)
        steps = plan_steps(routine, exercises, _display(path), problems)
        if len(problems) == before:
            routines[routine.id] = describe_routine(routine, steps)
    return routines


def load_library(root: Path, cache_dir: Path | None = None) -> Library:
    """Every exercise and routine under root/exercises and root/routines, or ContentError.

    With a cache_dir, a checked copy from an earlier start saves parsing the TOML (see cache.py).
    """
    if cache_dir is not None:
        from coach.core.content import cache

        key = cache.content_key(root)
        library = cache.read(cache_dir, root, key) if key else None
        if library is None:
            library = load_library(root)
            if key:
                cache.write(cache_dir, key, library)
        return library
    problems: list[str] = []
    if not (root / "exercises").is_dir():
        raise ContentError([f"{_display(root)}: no exercises/ folder here; is it a content folder?"])
    exercises = load_exercises(_files(root / "exercises"), problems)
    routines = load_routines(_files(root / "routines"), exercises, problems)
    safety = _load_safety(root / "safety.toml", problems)
    if problems:
        raise ContentError(problems)
    return Library(exercises, routines, safety)


def _load_safety(path: Path, problems: list[str]) -> Safety | None:
    data = read_toml(path, problems)
    if data is None:
        return None
    try:
        return Safety.model_validate(data)
    except ValidationError as exc:
        problems.extend(describe(_display(path), exc))
        return None


def _is_routine(path: Path, problems: list[str]) -> bool | None:
    if path.parent.name in ("routines", "exercises"):
        return path.parent.name == "routines"
    data = read_toml(path, problems)
    if data is None:
        return None
    return isinstance(data.get("steps"), list) and all(isinstance(s, dict) for s in data["steps"])


def check(paths: Iterable[Path], shipped: Path) -> list[str]:
    """Problems in the given content folders or files; an empty list means all is well.

    A routine file is checked against the shipped exercises plus any exercise files given
    alongside it, so an author can check a new exercise and a routine that uses it together.
    """
    problems: list[str] = []
    exercise_files: list[Path] = []
    routine_files: list[Path] = []
    loose_routines: list[Path] = []  # given by name: read as `routines import` reads them
    for path in paths:
        if path.is_dir():
            if not (path / "exercises").is_dir() and not (path / "routines").is_dir():
                problems.append(f"{_display(path)}: no exercises/ or routines/ folder in it")
            exercise_files += _files(path / "exercises")
            routine_files += _files(path / "routines")
        elif not path.exists():
            problems.append(f"{_display(path)}: no such file or folder")
        else:
            kind = _is_routine(path, problems)
            if kind is not None:
                (loose_routines if kind else exercise_files).append(path)
    exercises = load_exercises(exercise_files, problems)
    if routine_files or loose_routines:
        from coach.core.content.routine_files import check_routine_file  # it imports this module

        known = {}
        if shipped.resolve() not in {p.resolve() for p in paths}:
            known = load_exercises(_files(shipped / "exercises"), [])
        load_routines(routine_files, known | exercises, problems)
        for path in loose_routines:
            problems += check_routine_file(path, _display(path), known | exercises)
    return problems


def _user_where(routine: Routine) -> str:
    return f"your routine {routine.name!r}"


def user_routine_info(routine: Routine, exercises: dict[str, Exercise]) -> RoutineInfo:
    """The user's routine planned against the exercises, or ContentError naming what is wrong."""
    problems: list[str] = []
    steps = plan_steps(routine, exercises, _user_where(routine), problems)
    if problems:
        raise ContentError(problems)
    return replace(describe_routine(routine, steps), builtin=False)


def with_user_routines(
    library: Library, routines: Iterable[Routine]
) -> tuple[Library, list[str]]:
    """The library with the user's valid routines added, and one line per routine left out.

    Problems are returned, not raised, so one broken routine (say, one naming an exercise a
    newer backcoach dropped) never hides the others. User routines already in `library` are
    dropped first, so calling this again after a save or a delete gives the current set.
    """
    merged = {key: info for key, info in library.routines.items() if info.builtin}
    problems: list[str] = []
    for routine in routines:
        if routine.id in merged:
            # new_routine_id avoids built-in ids, but a later release may ship one it chose.
            what = "a built-in" if merged[routine.id].builtin else "another of your routines"
            problems.append(
                f"{_user_where(routine)}: id: {routine.id!r} is also {what}; "
                "export it and import it again to give it a new id"
            )
            continue
        try:
            merged[routine.id] = user_routine_info(routine, library.exercises)
        except ContentError as exc:
            more = len(exc.problems) - 1
            problems.append(exc.problems[0] + (f" (and {more} more)" if more else ""))
    return Library(library.exercises, merged, library.safety), problems
