"""What the library shows about one exercise: the how, the how much, the watch-outs."""

from __future__ import annotations

from rich.text import Text

from coach.core.content import ARTICLES
from coach.core.models import Exercise
from coach.core.text import dosing_text


def exercise_text(exercise: Exercise) -> Text:
    """Name, cue, dosing, steps, cautions and sources as styled text."""
    text = Text()
    text.append(exercise.name, "bold")
    if exercise.aka:
        text.append(f"  (also: {', '.join(exercise.aka)})", "dim")
    text.append("\n")
    gear = ", ".join(exercise.equipment) or "no equipment"
    text.append(f"{exercise.position} · {exercise.kind} · {gear}\n", "dim")
    text.append(f"» {exercise.cue}\n", "italic")
    text.append("\nDose: ", "bold")
    text.append(dosing_text(exercise.dosing) + "\n")
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
