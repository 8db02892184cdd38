"""The words and numbers a session shows of a moment: where in the exercise we are, the phase's
label, and the countdown with its unit (so 17 seconds during rep 1/5 is not read as reps)."""

from __future__ import annotations

from rich.text import Text

from coach.core.content.phrases import dosing_text
from coach.core.session.player import View
from coach.core.text import duration_text
from coach.core.wording import REP_UNITS

PHASE_LABELS = {
    "ready": "GET READY",
    "work": "GO",
    "switch": "SWITCH SIDES",
    "release": "RELEASE",
    "rest": "REST",
}


def status_line(view: View) -> Text:
    """Set x of y, side, rep n of N: where in the exercise we are."""
    dosing = view.step.dosing
    parts = [f"exercise {view.step_index + 1}/{view.steps}"]
    if dosing.sets > 1:
        parts.append(f"set {view.phase.set_no}/{dosing.sets}")
    if view.side_text:
        parts.append(view.side_text)
    if view.rep:
        parts.append(f"{REP_UNITS.get(dosing.mode, 'rep')} {view.rep}/{view.reps}")
    text = Text(" · ".join(parts))
    if view.phase.kind == "work" and dosing.mode == "breaths":
        text.append("   breathe in" if view.breathe_in else "   breathe out", "bold")
    return text


def countdown(seconds: int) -> tuple[str, str]:
    """The digits and their unit: "17" s, or "1:30" min (minutes and seconds)."""
    minutes, rest = divmod(seconds, 60)
    return (f"{minutes}:{rest:02d}", "min") if minutes else (f"{rest}", "s")


def phase_label(view: View) -> Text:
    if view.paused:
        return Text("PAUSED", "bold reverse")
    label = PHASE_LABELS[view.phase.kind]
    if view.phase.kind == "work" and view.step.dosing.mode == "hold":
        label = "HOLD"
    return Text(label, "bold")


def heading(view: View) -> Text:
    return Text.assemble((view.step.exercise.name, "bold"),
                         (f"  {dosing_text(view.step.dosing)}", "dim"))


def cue(view: View) -> Text:
    return Text(f"» {view.step.cue}", "italic")


def next_up(view: View) -> Text:
    return Text(f"Next: {view.next_up}", "dim")


def time_left(view: View) -> Text:
    return Text(f" {duration_text(view.session_left)} left")
