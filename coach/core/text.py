"""Plain words for values: how the screens and the CLI say a dosing or a length of time."""

from __future__ import annotations

from coach.core.content.loading import RoutineInfo
from coach.core.content.models import Dosing

OUTCOME_MARKS = {"done": "✓", "partial": "~", "skipped": "–"}  # how a step ended, at a glance


def duration_text(seconds: int) -> str:
    """90 -> '1:30'; 45 -> '45 s'; 600 -> '10 min'; 5400 -> '1 h 30 min'."""
    if seconds < 60:
        return f"{seconds} s"
    if seconds >= 3600:
        hours, minutes = divmod(round(seconds / 60), 60)
        return f"{hours} h {minutes:02d} min"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes}:{rest:02d}"


def dosing_text(dosing: Dosing) -> str:
    """A dosing as a reader says it: '3 × 25 s hold, each side', '5 reps', '8 min'."""
    if dosing.mode == "hold":
        what = f"{dosing.hold_s} s hold"
        if dosing.reps > 1:
            what = f"{dosing.reps} × {what}"
    elif dosing.mode == "timed":
        assert dosing.duration_s is not None
        what = duration_text(dosing.duration_s)
    elif dosing.mode == "breaths":
        what = f"{dosing.reps} breath{'s' if dosing.reps > 1 else ''}"
    else:
        what = f"{dosing.reps} rep{'s' if dosing.reps > 1 else ''}"
    if dosing.sets > 1:
        what = f"{dosing.sets} sets of {what}"
    if dosing.per_side:
        what += ", each side"
    if dosing.sets > 1 and dosing.rest_s:
        what += f", {dosing.rest_s} s rest"
    return what


def glance(info: RoutineInfo) -> str:
    """A routine in one line: 'seated · no equipment · 4 min'."""
    gear = ", ".join(info.equipment) if info.equipment else "no equipment"
    return f"{'/'.join(info.positions)} · {gear} · {info.minutes} min"
