"""How a dosing and a routine read in words, on the screens and in the CLI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.core.text import duration_text
from coach.core.wording import reps as count_reps

if TYPE_CHECKING:
    from coach.core.content.loading import RoutineInfo
    from coach.core.content.models import Dosing


def dosing_text(dosing: Dosing) -> str:
    """A dosing as a reader says it: '3 × 25 s hold, each side', '5 reps', '8 min'."""
    if dosing.mode == "hold":
        what = f"{dosing.hold_s} s hold"
        if dosing.reps > 1:
            what = f"{dosing.reps} × {what}"
    elif dosing.mode == "timed":
        assert dosing.duration_s is not None
        what = duration_text(dosing.duration_s)
    else:  # reps or breaths, in the mode's word
        what = count_reps(dosing.reps, dosing.mode)
    if dosing.sets > 1:
        what = f"{dosing.sets} sets of {what}"
    if dosing.per_side:
        what += ", each side"
    if dosing.sets > 1 and dosing.rest_s:
        what += f", {dosing.rest_s} s rest"
    return what


def glance(info: RoutineInfo) -> str:
    """A routine in one line: 'seated · no equipment · 4 min 30 s'."""
    gear = ", ".join(info.equipment) if info.equipment else "no equipment"
    return f"{'/'.join(info.positions)} · {gear} · {duration_text(info.seconds)}"
