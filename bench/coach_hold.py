"""backcoach itself, straight into one long hold: the whole session screen, as a user sees it.

    python bench/coach_hold.py SECONDS [EXERCISE]

With EXERCISE: that exercise's paced reps for SECONDS instead (its picture moving each rep).

The real CoachApp (its stylesheet, header and footer) with the shipped library plus one
routine of a single hold of SECONDS; no store, no safety page, no pain check-in.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.core.content.loading import (  # noqa: E402
    Library,
    RoutineInfo,
    describe_routine,
    load_library,
)
from coach.core.content.models import Dosing, Routine, Step  # noqa: E402
from coach.core.content.planning import PlannedStep  # noqa: E402
from coach.core.settings.model import Settings
from coach.paths import content_dir  # noqa: E402
from coach.ui.app import CoachApp  # noqa: E402


def hold_routine(library: Library, seconds: int, exercise: str = "") -> RoutineInfo:
    """A routine of one hold of `seconds` (after the usual get-ready), or with an exercise,
    its reps at their own tempo for about as long."""
    if exercise:
        rep_s = library.exercises[exercise].dosing.rep_s or 4
        dosing = Dosing(mode="reps", sets=1, reps=max(1, seconds // rep_s), rep_s=rep_s)
    else:
        exercise, dosing = "cobra", Dosing(mode="hold", reps=1, hold_s=seconds)
    routine = Routine(id="bench-hold", name="Bench hold", description="One long hold.",
                      steps=(Step(exercise=exercise),))
    return describe_routine(routine, (PlannedStep(library.exercises[exercise], dosing),))


class HoldingCoach(CoachApp):
    CSS_PATH = str(Path(sys.modules[CoachApp.__module__].__file__).with_name("app.tcss"))

    def __init__(self, seconds: int, exercise: str = "") -> None:
        super().__init__(load_library(content_dir()))
        self.hold = hold_routine(self.library, seconds, exercise)
        self.settings = Settings(safety_acknowledged=True, pain_checkin=False, bell=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.start_routine, self.hold)


if __name__ == "__main__":
    HoldingCoach(int(sys.argv[1]), *sys.argv[2:3]).run()
