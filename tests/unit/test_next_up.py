"""GET READY's "Next:" names the exercise about to start, whatever details follow it."""

from __future__ import annotations

from coach.core.content.planning import timeline
from coach.core.session.view import next_up


def test_every_get_ready_names_the_exercise_it_readies(library):
    for info in library.routines.values():
        phases = timeline(info.steps)
        for index, phase in enumerate(phases):
            if phase.kind == "ready":
                name = info.steps[phase.step].exercise.name
                shown = next_up(info.steps, phases, index)
                assert shown.startswith(name), (info.routine.id, phase.step, shown)
