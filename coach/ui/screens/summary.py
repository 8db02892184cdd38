"""The end of a session: how long, what got done, pain before and after, the streak.

It says "saved" only once the store said so: the save runs in the writer's thread and the
App sets `saved` (or calls set_unsaved) when it reports back.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static

from coach.core.content.phrases import dosing_text
from coach.core.session.counting import counts_text, record_counts
from coach.core.session.records import SessionRecord
from coach.core.text import OUTCOME_MARKS, duration_text
from coach.core.wording import count, reps
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.key_footer import KeyFooter

SAVE_STATES = {
    "saving": "saving…",
    "saved": "saved",
}


def summary_text(record: SessionRecord, streak: int | None, saved: str) -> Text:
    text = Text()
    heading = "Session complete" if record.status == "completed" else "Session stopped"
    text.append(heading, "bold")
    text.append(f" · {SAVE_STATES.get(saved, saved)}\n", "bold" if saved != "saved" else "dim")
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
    if streak is not None:
        text.append("Streak    ", "bold")
        text.append(f"{count(streak, 'day')} in a row\n")
    # Why the streak did (not) move: a finished micro-break left "0 days in a row" unexplained.
    text.append("Counts    ", "bold")
    text.append(f"{counts_text(record_counts(record), record.counts_for_streak)}\n", "dim")
    text.append("\n")
    for step in record.steps:
        text.append(f" {OUTCOME_MARKS[step.outcome]} ", "bold")
        text.append(f"{step.exercise_name}  ")
        text.append(f"{dosing_text(step.planned)} · did {duration_text(step.seconds)}", "dim")
        if step.reps:
            text.append(f", {reps(step.reps, step.planned.mode)}", "dim")
        text.append("\n")
    return text


class SummaryScreen(Screen):
    DEFAULT_CSS = """
    SummaryScreen #summary { padding: 1 2; }
    """
    BINDINGS = [
        Binding("enter", "done", "Done", id="done"),
        Binding("escape", "done", "Done", show=False, id="done_esc"),
    ]

    saved: var[str] = var("saving", init=False)
    streak: var[int | None] = var(None, init=False)

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="summary"):
            yield Static(summary_text(self.record, self.streak, self.saved))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Summary"

    def set_unsaved(self, problem: str) -> None:
        self.saved = f"NOT SAVED YET: {problem}. It is kept and will be tried again."

    def _redraw(self) -> None:
        self.query_one("#summary Static", Static).update(
            summary_text(self.record, self.streak, self.saved))

    def watch_saved(self) -> None:
        self._redraw()

    def watch_streak(self) -> None:
        self._redraw()

    def action_done(self) -> None:
        self.app.pop_screen()
