"""The active-exercise screen: diagram, cue, a big countdown, and what comes next.

The screen decides nothing about time: each tick asks the player where the clock says we
are, redraws what changed, rings the bell on a new phase and saves after each finished step.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, Header, Static

from coach.core.session.player import ADJUST_S, Event, View
from coach.core.session.recorder import SessionRun, diagram_frame
from coach.core.text import dosing_text, duration_text
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.exercise_card import exercise_body
from coach.ui.widgets.session_bar import SessionBar

TICK_S = 0.1  # redraw rate; phases end on deadlines, not on ticks

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
    if view.phase.side:
        parts.append(f"{view.phase.side} side")
    if view.rep:
        unit = {"hold": "hold", "breaths": "breath"}.get(dosing.mode, "rep")
        parts.append(f"{unit} {view.rep}/{view.reps}")
    text = Text(" · ".join(parts))
    if view.phase.kind == "work" and dosing.mode == "breaths":
        text.append("   breathe in" if view.breathe_in else "   breathe out", "bold")
    return text


def countdown(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}" if minutes else f"{rest}"


class SessionScreen(Screen):
    BINDINGS = [
        Binding("space", "pause", "Pause", id="pause"),
        Binding("n,right", "next", "Next", id="next"),
        Binding("p,left", "previous", "Back", id="previous"),
        Binding("s", "skip", "Skip", id="skip"),
        Binding("plus,equals_sign", f"adjust({ADJUST_S})", f"+{ADJUST_S}s", id="longer"),
        Binding("minus", f"adjust(-{ADJUST_S})", f"-{ADJUST_S}s", id="shorter"),
        Binding("i", "details", "Details", id="details"),
        Binding("q,escape", "stop", "Stop", id="stop"),
    ]

    def __init__(self, run: SessionRun, bell: bool = True, reduce_motion: bool = False) -> None:
        super().__init__()
        self.run = run
        self.bell = bell
        self.reduce_motion = reduce_motion
        self._shown: dict[str, object] = {}
        self._timer = None
        self._deadline_timer = None
        self._deadline: float | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="stage"):
            yield Diagram(id="figure")
            with Vertical(id="coach"):
                yield Static(id="ex-name")
                yield Static(id="ex-cue")
                yield Static(id="ex-where")
                yield Static(id="phase-label")
                yield Digits(id="countdown")
                yield Static(id="next-up")
        yield Static(id="ex-details")
        with Horizontal(id="progress-row"):
            yield SessionBar(show_eta=False, show_percentage=False, id="progress")
            yield Static(id="time-left")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.run.info.routine.name
        self.query_one("#ex-details").display = False
        if self.run.player.started_at is None:
            self.handle(self.run.player.start())
        self.redraw()
        self._timer = self.set_interval(TICK_S, self.tick)

    # -- time ------------------------------------------------------------------------------

    def tick(self) -> None:
        self.handle(self.run.player.update())
        self.redraw()

    def _aim_at_deadline(self) -> None:
        """A one-shot timer at the phase's end, so the change (and the bell) comes on time
        rather than up to a tick late."""
        deadline = self.run.player.deadline()
        if deadline == self._deadline:
            return
        if self._deadline_timer is not None:
            self._deadline_timer.stop()
            self._deadline_timer = None
        self._deadline = deadline
        if deadline is not None:
            delay = max(0.0, deadline - self.run.clock.monotonic())
            self._deadline_timer = self.set_timer(delay, self.tick)

    def handle(self, events: list[Event]) -> None:
        """Bell on a new phase; save after a finished step; summary at the end."""
        kinds = {e.kind for e in events}
        if "phase" in kinds and self.bell:
            self.app.bell()
        if "finished" in kinds:
            for timer in (self._timer, self._deadline_timer):
                if timer is not None:
                    timer.stop()
            self.app.session_finished(self.run)
        elif "step" in kinds:
            self.app.save_progress(self.run)

    def redraw(self) -> None:
        self._aim_at_deadline()
        view = self.run.player.view()
        step = view.step
        label = "PAUSED" if view.paused else PHASE_LABELS[view.phase.kind]
        if view.phase.kind == "work" and step.dosing.mode == "hold" and not view.paused:
            label = "HOLD"
        name = Text()
        name.append(step.exercise.name, "bold")
        name.append(f"  {dosing_text(step.dosing)}", "dim")
        self._set("#ex-name", name)
        cue = Text()
        cue.append(f"» {step.exercise.cue}", "italic")
        self._set("#ex-cue", cue)
        self._set("#ex-where", status_line(view))
        self._set("#phase-label", Text(label, "bold reverse" if view.paused else "bold"))
        self._set("#next-up", Text(f"Next: {view.next_up}", "dim"))
        self._set("#time-left", Text(f" {duration_text(view.session_left)} left"))
        if self._shown.get("#countdown") != view.seconds_left:
            self._shown["#countdown"] = view.seconds_left
            self.query_one("#countdown", Digits).update(countdown(view.seconds_left))
        figure = self.query_one("#figure", Diagram)
        if self._shown.get("frames") is not step.exercise.frames:
            self._shown["frames"] = step.exercise.frames
            figure.show(step.exercise.frames)
            self._set("#ex-details", exercise_body(step.exercise))
        figure.frame = diagram_frame(view, len(step.exercise.frames), self.reduce_motion)
        self.query_one("#progress", SessionBar).show(
            view.session_total - view.session_left, view.session_total)

    def _set(self, selector: str, content: Text) -> None:
        """Update a Static only when its text changed: over SSH every byte counts."""
        key = content.markup if isinstance(content, Text) else str(content)
        if self._shown.get(selector) != key:
            self._shown[selector] = key
            self.query_one(selector, Static).update(content)

    # -- commands --------------------------------------------------------------------------

    def action_pause(self) -> None:
        self.run.player.toggle_pause()
        self.redraw()

    def action_next(self) -> None:
        self.handle(self.run.player.next())
        self.redraw()

    def action_previous(self) -> None:
        self.handle(self.run.player.previous())
        self.redraw()

    def action_skip(self) -> None:
        self.handle(self.run.player.skip())
        self.redraw()

    def action_adjust(self, seconds: int) -> None:
        if not self.run.player.adjust(seconds):
            self.notify("Only a hold or timed work can be made longer or shorter.", timeout=2)
        self.redraw()

    def action_details(self) -> None:
        details = self.query_one("#ex-details")
        details.display = not details.display
        self.query_one("#stage").display = not details.display

    def action_stop(self) -> None:
        self.app.ask_stop(self.run)
