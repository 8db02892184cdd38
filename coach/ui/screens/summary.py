"""The end of a session: how long, what got done, pain before and after, the streak."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from coach.core.session.records import SessionRecord
from coach.core.text import OUTCOME_MARKS, dosing_text, duration_text


def summary_text(record: SessionRecord, streak: int) -> Text:
    text = Text()
    heading = "Session complete" if record.status == "completed" else "Session stopped and saved"
    text.append(heading + "\n", "bold")
    text.append(f"{record.routine_name}\n\n", "dim")
    counts = {k: sum(1 for s in record.steps if s.outcome == k) for k in OUTCOME_MARKS}
    wall = (record.ended_at - record.started_at).total_seconds() if record.ended_at else 0
    text.append("Time      ", "bold")
    text.append(f"{duration_text(round(wall))} in all, {duration_text(record.seconds)} of work\n")
    text.append("Steps     ", "bold")
    text.append(f"{counts['done']} done · {counts['partial']} partial · {counts['skipped']} skipped\n")
    if record.pain_before is not None or record.pain_after is not None:
        before = "–" if record.pain_before is None else str(record.pain_before)
        after = "–" if record.pain_after is None else str(record.pain_after)
        text.append("Pain      ", "bold")
        text.append(f"{before} before → {after} after (0-10)\n")
    text.append("Streak    ", "bold")
    text.append(f"{streak} day{'s' if streak != 1 else ''} in a row\n\n")
    for step in record.steps:
        text.append(f" {OUTCOME_MARKS[step.outcome]} ", "bold")
        text.append(f"{step.exercise_name}  ")
        text.append(f"{dosing_text(step.planned)} · did {duration_text(step.seconds)}", "dim")
        if step.reps:
            text.append(f", {step.reps} {'holds' if step.planned.mode == 'hold' else 'reps'}", "dim")
        text.append("\n")
    return text


class SummaryScreen(Screen):
    BINDINGS = [
        Binding("enter", "done", "Done", id="done"),
        Binding("escape", "done", "Done", show=False, id="done_esc"),
    ]

    def __init__(self, record: SessionRecord, streak: int) -> None:
        super().__init__()
        self.record = record
        self.streak = streak

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(summary_text(self.record, self.streak))
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Summary"

    def action_done(self) -> None:
        self.app.pop_screen()
