"""What the dialogs that pick a routine and take a typed value share (a session logged by hand,
a reminder): the routine list, shortest first as the picker lists them, in one-line rows (the
name is the user's text, never markup); the form's rows; a problem line that takes the focus
to the field to fix."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from rich.text import Text
from textual.widgets import Static
from textual.widgets.option_list import Option

from coach.core.content.loading import RoutineInfo
from coach.core.text import duration_text, terminal_safe
from coach.ui.widgets.dialog import Dialog
from coach.ui.widgets.navlist import one_line

R = TypeVar("R")


def routine_option(info: RoutineInfo) -> Option:
    line = Text(terminal_safe(info.routine.name)).append(f"  {duration_text(info.seconds)}",
                                                         "dim")
    return Option(one_line(line), id=info.routine.id)


class RoutineForm(Dialog[R]):
    DEFAULT_CSS = """
    RoutineForm .form-routines { height: auto; max-height: 10; border: none; padding: 0; }
    RoutineForm .form-row { height: 1; margin-top: 1; }
    RoutineForm .form-field { border: none; height: 1; width: 8; padding: 0 1; }
    RoutineForm .form-problem { color: $error; height: auto; display: none; }
    """

    def __init__(self, routines: Iterable[RoutineInfo]) -> None:
        super().__init__()
        self.routines = sorted(routines, key=lambda info: info.seconds)

    def show_problem(self, message: str, problem: str, focus: str) -> None:
        """The message in the `problem` line (an id), and the focus on the field to fix."""
        line = self.query_one(problem, Static)
        line.update(Text(message))
        line.display = True
        self.query_one(focus).focus()
