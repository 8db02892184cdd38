"""What the library shows about one exercise: the essentials above its diagram, the rest below."""

from __future__ import annotations

from rich.text import Text

from coach.core.content.loading import ARTICLES
from coach.core.content.models import Exercise
from coach.core.content.phrases import dosing_text


def exercise_head(exercise: Exercise) -> Text:
    """Name, where and with what, the cue and the dose: what a glance needs."""
    text = Text()
    text.append(exercise.name, "bold")
    if exercise.aka:
        text.append(f"  (also: {', '.join(exercise.aka)})", "dim")
    gear = ", ".join(exercise.equipment) or "no equipment"
    text.append(f"\n{exercise.position} · {exercise.kind} · {gear}\n", "dim")
    text.append(f"» {exercise.cue}\n", "italic")
    text.append("Dose: ", "bold")
    text.append(dosing_text(exercise.dosing))
    text.append(f"  ({dose_origin(exercise)})", "dim")
    return text


def dose_origin(exercise: Exercise) -> str:
    """Which article the dose comes from, and what is ours: no article gives a tempo."""
    if exercise.dose_from == "ours":
        where = "our dose: no article gives one"
    elif exercise.dose_from is None:
        where = "dose source not stated"
    else:
        where = f"dose from “{ARTICLES[exercise.dose_from]}”"  # the article, not its id
    if exercise.dosing.mode in ("reps", "breaths"):
        where += "; seconds per rep are ours"
    return where


def exercise_body(exercise: Exercise) -> Text:
    """Targets, numbered steps, cautions and sources."""
    text = Text()
    text.append("Works: ", "bold")
    text.append(", ".join(exercise.targets) + "\n\n")
    for n, step in enumerate(exercise.steps, 1):
        text.append(f"{n}. ", "bold")
        text.append(step + "\n")
    if exercise.cautions:
        text.append("\nCareful\n", "bold")
        for caution in exercise.cautions:
            text.append(f"! {caution}\n")
    text.append("\nSource\n", "bold")
    for article in exercise.sources:
        text.append(f"[{article}] {ARTICLES[article]}\n", "dim")
    for article, dosing in exercise.source_dosing.items():
        text.append(f"[{article}] gives: {dosing_text(dosing)}\n", "dim")
    return text
