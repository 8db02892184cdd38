"""The active-exercise screen: diagram, cue, a big countdown, and what comes next.

The screen decides nothing about time: each tick asks the player where the clock says we
are and sets its one `view` reactive to that View; the lines are bound to it (data_bind) and
each redraws only when its own text changed. It posts
StepDone, Finished and StopAsked for the App to answer, and pauses while a dialog covers it.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from coach.core.figure.model import Figure
from coach.core.session.motion import session_frame
from coach.core.session.player import ADJUST_S, Event
from coach.core.session.recorder import SessionRun
from coach.core.session.view import View
from coach.ui.messages import Sent
from coach.ui.session_text import (
    countdown,
    cue,
    heading,
    next_up,
    phase_label,
    status_line,
    time_left,
)
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.countdown import Countdown
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.exercise_card import exercise_body
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.session_bar import SessionBar
from coach.ui.widgets.size_guard import SizeGuard
from coach.ui.widgets.view_line import ViewLine

TICK_S = 0.1  # redraw rate; phases end on deadlines, not on ticks

class SessionLook(Widget):
    """The session screen's CSS, carried by a hidden widget: Textual parses a widget class's
    CSS when its first instance mounts (a screen's only when the screen is pushed), so the
    App mounts one after the first frame and the key that starts a session does not wait
    for it. Unscoped: its rules name SessionScreen."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    SessionLook { display: none; }
    SessionScreen #stage { height: 1fr; }
    SessionScreen #figure {
        width: 45%; min-width: 24;  /* 36 at 80 columns; at 60 the text keeps 30 */
        height: 100%;
        content-align: center middle;
        border-right: vkey $primary;
    }
    SessionScreen #coach { width: 2fr; padding: 0 1; }
    SessionScreen #ex-name, SessionScreen #ex-cue, SessionScreen #ex-where,
    SessionScreen #next-up { height: auto; }
    SessionScreen #ex-where, SessionScreen #phase-label { margin-top: 1; }
    SessionScreen #countdown { margin: 0 0 1 0; }
    SessionScreen #ex-details { height: 1fr; padding: 0 1; overflow-y: auto; display: none; }
    SessionScreen.-details #ex-details { display: block; }
    SessionScreen.-details #stage { display: none; }
    SessionScreen #progress-row { height: 1; padding: 0 1; }
    SessionScreen #progress { width: 1fr; }
    SessionScreen #time-left { width: auto; }
    /* A small pane (a tmux split): no cue, and a small picture beside the countdown, the
       phase and the exercise's name, which keep most of the width; the full layout comes
       back as the window grows. Under 40x12 the size guard covers the screen. */
    SessionScreen.-narrow #figure { width: 33%; min-width: 12; }
    SessionScreen.-narrow #ex-cue, SessionScreen.-short #ex-cue { display: none; }
    SessionScreen.-narrow #ex-where, SessionScreen.-short #ex-where,
    SessionScreen.-narrow #phase-label, SessionScreen.-short #phase-label { margin-top: 0; }
    SessionScreen.-narrow #countdown, SessionScreen.-short #countdown { margin: 0; }
    """


class SessionScreen(Screen):
    # Textual's own breakpoints set these classes on every resize: below 56 columns the
    # picture shrinks to leave the text its width; below 16 rows the cue would cut the
    # countdown.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (56, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]

    # Widgets compose mounts that the picker has not: the App mounts one of each, hidden,
    # after the first frame, so their CSS is parsed before the key that starts a session.
    STYLED_WITH = (SessionLook, Diagram, Countdown, SessionBar)

    BINDINGS = [
        Binding("space", "pause", "Pause", id="pause"),
        Binding("space", "resume", "Resume", id="resume"),  # in Pause's place while paused
        Binding("n,right", "next", "Next", id="next"),
        Binding("p,left", "previous", "Back", id="previous"),
        Binding("s", "skip", "Skip", id="skip"),
        Binding("plus,equals_sign", f"adjust({ADJUST_S})", f"+{ADJUST_S}s", id="longer",
                show=False),
        Binding("minus", f"adjust(-{ADJUST_S})", f"-{ADJUST_S}s", id="shorter", show=False),
        Binding("i", "details", "Info", id="details"),
        Binding("q", "stop", "Stop", id="stop"),
        Binding("escape", "back", "Stop", id="stop_esc", show=False),
    ]

    class StepDone(Sent):
        """A step ended: time to save what was done so far."""

        def __init__(self, screen: SessionScreen, run: SessionRun) -> None:
            super().__init__(screen)
            self.run = run

    class Finished(StepDone):
        """The last step ended."""

    class StopAsked(StepDone):
        """The user wants to stop before the end."""

    view: var[View | None] = var(None, init=False)  # where the player is, as of the last tick
    details: var[bool] = var(False)
    paused: var[bool] = var(False, bindings=True)  # the footer says Pause or Resume

    def __init__(self, run: SessionRun, bell: bool = True, reduce_motion: bool = False) -> None:
        super().__init__()
        self.run = run
        self.bell = bell
        self.reduce_motion = reduce_motion
        self._deadline_timer: Timer | None = None
        self._deadline: float | None = None
        self._paused_by_cover = False
        self._shown = False  # set at the first resume: the push that shows it
        self._figure: Figure | None = None  # the exercise the picture shows

    def compose(self) -> ComposeResult:
        yield SessionLook()  # the screen's CSS, wherever the screen is first shown
        yield AppHeader()
        with Horizontal(id="stage"):
            yield Diagram(id="figure")
            with Vertical(id="coach"):
                yield ViewLine(heading, id="ex-name").data_bind(SessionScreen.view)
                yield ViewLine(cue, id="ex-cue").data_bind(SessionScreen.view)
                yield ViewLine(status_line, id="ex-where").data_bind(SessionScreen.view)
                yield ViewLine(phase_label, id="phase-label").data_bind(SessionScreen.view)
                yield Countdown(id="countdown")
                yield ViewLine(next_up, id="next-up").data_bind(SessionScreen.view)
        yield Static(id="ex-details")
        with Horizontal(id="progress-row"):
            yield SessionBar(id="progress")
            yield ViewLine(time_left, id="time-left").data_bind(SessionScreen.view)
        yield KeyFooter()
        yield SizeGuard(40, 12)

    def on_mount(self) -> None:
        self.sub_title = self.run.info.routine.name
        if self.run.player.started_at is None:
            self.handle(self.run.player.start())
        self.redraw()
        self._ticker = self.set_interval(TICK_S, self.tick)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#countdown", Countdown).window = event.size  # big digits in a big window

    # -- a dialog on top pauses the clock; its going resumes it ----------------------------

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        if not self.run.player.paused and not self.run.player.view().finished:
            self.run.player.pause()
            self._paused_by_cover = True
        # Show PAUSED behind the dialog now, not at the next tick (which may never come
        # while the dialog is up).
        self.redraw()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown:
            # Pushed just now: every widget got its styles as it mounted, this same turn, so
            # Textual's restyle of the whole screen on resume would only repeat them.
            self._shown = True
            event.refresh_styles = False
        if self._paused_by_cover:
            self._paused_by_cover = False
            self.run.player.resume()
        self.redraw()

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
        """Bell on a new phase; a finished step or session goes up to the App."""
        kinds = {e.kind for e in events}
        if "phase" in kinds and self.bell:
            self.app.bell()
        if "finished" in kinds:
            for timer in (getattr(self, "_ticker", None), self._deadline_timer):
                if timer is not None:
                    timer.stop()
            self.post_message(self.Finished(self, self.run))
        elif "step" in kinds:
            self.post_message(self.StepDone(self, self.run))

    def redraw(self) -> None:
        """Set the view from where the player is; what is bound to it redraws what changed."""
        self._aim_at_deadline()
        view = self.run.player.view()
        self.view = view
        self.paused = view.paused
        figure = view.step.exercise.figure
        self.query_one("#figure", Diagram).frame = session_frame(
            view, len(figure.keys), self.reduce_motion)
        self.query_one("#progress", SessionBar).show(
            view.session_total - view.session_left, view.session_total)

    def watch_view(self, view: View | None) -> None:
        """What is not a line of text: the countdown (its own reactives compare), and the
        picture and details when the exercise changes."""
        if view is None:
            return
        clock = self.query_one("#countdown", Countdown)
        clock.value, clock.unit = countdown(view.seconds_left)
        figure = view.step.exercise.figure
        if figure is not self._figure:
            self._figure = figure
            self.query_one("#figure", Diagram).show(figure)
            self.query_one("#ex-details", Static).update(exercise_body(view.step.exercise))

    def watch_details(self, shown: bool) -> None:
        self.set_class(shown, "-details")

    # -- commands --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Space is bound twice: Pause while running, Resume while paused (footer and key).
        if action == "pause":
            return not self.paused
        if action == "resume":
            return self.paused
        return True

    def action_pause(self) -> None:
        self.run.player.toggle_pause()
        self.redraw()

    action_resume = action_pause

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
        self.details = not self.details

    def action_back(self) -> None:
        """Esc closes the details first; only then does it ask to stop."""
        if self.details:
            self.details = False
        else:
            self.action_stop()

    def action_stop(self) -> None:
        self.post_message(self.StopAsked(self, self.run))
