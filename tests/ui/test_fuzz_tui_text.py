"""Hostile user text through what the TUI shows: never a control byte, never markup applied.

The text enters as the store hands it back (neutralised as it is read) and goes through the same
copies and text builders the screens use; a crash, a raw control or bidi character in the
rendered text, or a markup tag swallowed, fails.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from rich.console import Console

from coach.core.content.loading import describe_routine
from coach.core.session.counting import DayCount
from coach.core.session.records import STORED, SessionRecord, StepResult
from coach.core.text import STEERING
from coach.ui.screens.picker import routine_preview
from coach.ui.screens.summary import summary_text
from coach.ui.widgets.progress_text import day_text, session_lines
from tests.strategies import hostile_line, hostile_text

CONSOLE = Console(width=80, color_system=None, force_terminal=False, record=True)


def rendered(text) -> str:
    with CONSOLE.capture() as capture:
        CONSOLE.print(text, markup=False, highlight=False)
    return capture.get()


def storable(text: str) -> str:
    """As a store file can hold it: UTF-8, so no lone surrogate survives a save."""
    return text.encode("utf-8", "replace").decode("utf-8")


def check(out: str, *typed: str) -> None:
    assert not STEERING.search(out.replace("\n", "")), ascii(out[:200])
    for value in typed:  # markup-looking text arrives as typed, not applied
        for tag in re.findall(r"\[[a-z/@][^\]\n]{0,20}\]", value):
            if not STEERING.search(tag):
                assert tag in out.replace("\n", ""), (tag, out[:200])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=hostile_line(), description=hostile_text())
def test_a_stored_routine_is_shown_harmlessly(library, name, description):
    name, description = storable(name), storable(description)
    info = next(iter(library.routines.values()))
    routine = info.routine.model_validate(
        info.routine.model_dump() | {"name": (name + "xx")[:40], "description": description[:400]},
        context=STORED)
    shown = describe_routine(routine, info.steps)  # read back neutralised
    check(rendered(routine_preview(shown)), name, description)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=hostile_line(), exercise=hostile_line())
def test_a_stored_session_is_shown_harmlessly(library, name, exercise):
    name, exercise = storable(name), storable(exercise)
    step = next(iter(library.routines.values())).steps[0]
    start = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
    record = SessionRecord.model_validate({
        "uuid": "u1", "routine_id": "r", "routine_name": name, "started_at": start,
        "ended_at": start + dt.timedelta(minutes=3), "zone": "UTC", "day": start.date(),
        "status": "completed",
        "steps": [StepResult(exercise_id=step.exercise.id, exercise_name="x", planned=step.dosing,
                             outcome="done", seconds=60, reps=1).model_dump()
                  | {"exercise_name": exercise}],
    }, context=STORED)  # read back neutralised
    for text in (summary_text(record, 3, "saved"), session_lines(record),
                 day_text(record.day, DayCount(1, 60, 0, 1), [record])):
        check(rendered(text), name, exercise)
