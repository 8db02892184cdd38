"""Finding routines and exercises: the picker's filters and the library's search."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coach.core.content.loading import PLACES, RoutineInfo
from coach.core.content.models import Exercise

TIME_LIMITS: tuple[int | None, ...] = (None, 5, 15, 30)  # minutes; None means any length


@dataclass(frozen=True)
class RoutineFilter:
    place: str | None = None  # one of PLACES, or None for anywhere
    max_minutes: int | None = None
    query: str = ""

    def next_place(self) -> RoutineFilter:
        cycle = (None, *PLACES)
        return RoutineFilter(cycle[(cycle.index(self.place) + 1) % len(cycle)], self.max_minutes, self.query)

    def next_time(self) -> RoutineFilter:
        i = TIME_LIMITS.index(self.max_minutes)
        return RoutineFilter(self.place, TIME_LIMITS[(i + 1) % len(TIME_LIMITS)], self.query)

    def searching(self, query: str) -> RoutineFilter:
        return RoutineFilter(self.place, self.max_minutes, query)


def _words(query: str) -> list[str]:
    return query.lower().split()


def _matches(query: str, haystack: Iterable[str]) -> bool:
    """Every word of the query appears somewhere in the haystack."""
    text = " ".join(haystack).lower()
    return all(word in text for word in _words(query))


def exercise_terms(exercise: Exercise) -> list[str]:
    return [
        exercise.id,
        exercise.name,
        *exercise.aka,
        exercise.position,
        exercise.kind,
        *exercise.targets,
        *exercise.equipment,
        exercise.cue,
    ]


def filter_routines(routines: Iterable[RoutineInfo], f: RoutineFilter) -> list[RoutineInfo]:
    """The routines that fit where the user is, the time they have and what they typed.

    Shortest first: the quick desk break someone wants mid-workday is the one under the cursor.
    """
    found = []
    for info in routines:
        if f.place and f.place not in info.places:
            continue
        if f.max_minutes is not None and info.seconds > f.max_minutes * 60:
            continue
        terms = [info.routine.name, info.routine.description]
        terms += [t for step in info.steps for t in exercise_terms(step.exercise)]
        if _matches(f.query, terms):
            found.append(info)
    return sorted(found, key=lambda info: info.seconds)


def search_exercises(exercises: Iterable[Exercise], query: str) -> list[Exercise]:
    """Exercises matching every word of the query in name, position, targets, kind or gear,
    by name (the files' order is their ids', which a renamed exercise leaves behind)."""
    return sorted((e for e in exercises if _matches(query, exercise_terms(e))),
                  key=lambda e: e.name.casefold())
