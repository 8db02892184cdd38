"""A made-up but plausible history, for screenshots, benchmarks and tests. Seeded: the same
arguments always give the same sessions."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from coach.core.content.loading import Library
from coach.core.content.planning import step_phases
from coach.core.session.records import SessionRecord, StepResult


def sample_history(library: Library, today: dt.date, days: int, seed: int = 7,
                   zone: str = "UTC") -> list[SessionRecord]:
    """About five sessions a week over the `days` before and including today, oldest first."""
    rng = random.Random(seed)
    routines = sorted(library.routines.values(), key=lambda info: info.routine.id)
    records = []
    pain = 6
    for back in range(days - 1, -1, -1):
        day = today - dt.timedelta(days=back)
        if rng.random() > 0.7:
            continue
        info = rng.choice(routines)
        start = dt.datetime.combine(day, dt.time(8 + rng.randrange(12), rng.randrange(60)),
                                    tzinfo=dt.UTC)
        steps = []
        for planned in info.steps:
            roll = rng.random()
            outcome = "done" if roll < 0.85 else "partial" if roll < 0.95 else "skipped"
            seconds = sum(p.seconds for p in step_phases(0, planned.dosing) if p.kind == "work")
            share = 1.0 if outcome == "done" else 0.5 if outcome == "partial" else 0.0
            steps.append(StepResult(
                exercise_id=planned.exercise.id, exercise_name=planned.exercise.name,
                planned=planned.dosing, outcome=outcome, seconds=round(seconds * share),
                reps=round(planned.dosing.reps * planned.dosing.sets * share),
            ))
        pain = max(0, min(10, pain + rng.choice((-1, 0, 0, 1)) - (1 if rng.random() < 0.1 else 0)))
        checked = rng.random() < 0.6
        records.append(SessionRecord(
            uuid=str(uuid.UUID(int=rng.getrandbits(128))),
            routine_id=info.routine.id, routine_name=info.routine.name,
            started_at=start, ended_at=start + dt.timedelta(seconds=info.seconds),
            zone=zone, day=day, status="completed", steps=tuple(steps),
            pain_before=pain if checked else None,
            pain_after=max(0, pain - rng.randrange(3)) if checked else None,
        ))
    return records

