"""A session, start to finish: safety first (once), the pain check-in (if on), the session
screen, a save after every step, the stop dialog, and the summary with its streak.

The App owns one SessionFlow and calls down into it when a routine is asked to start and when
the session screen posts StepDone, StopAsked or Finished. It holds what the App lends it
(coach/ui/context.py: Running), the session keeper that saves, and the nudges that a session
answers; not the App.
"""

from __future__ import annotations

from functools import partial

from coach.core.content.loading import RoutineInfo
from coach.core.history.progress import streaks
from coach.core.session.recorder import SessionRun
from coach.core.session.records import SessionStatus
from coach.ui.context import Running
from coach.ui.lazy import LazyScreen
from coach.ui.nudging import Nudges, is_micro_break
from coach.ui.screens.dialogs import PainCheck, StopDialog
from coach.ui.sessions import SessionKeeper

# Loaded when first shown, or prefetched after the first frame (coach/ui/lazy.py).
SafetyScreen = LazyScreen("coach.ui.screens.safety", "SafetyScreen")
SessionScreen = LazyScreen("coach.ui.screens.session", "SessionScreen")
SummaryScreen = LazyScreen("coach.ui.screens.summary", "SummaryScreen")


class SessionFlow:
    def __init__(self, parts: Running, sessions: SessionKeeper, nudges: Nudges) -> None:
        self.parts, self.ui = parts, parts.ui
        self.sessions, self.nudges = sessions, nudges

    def start(self, info: RoutineInfo) -> None:
        """Once the store is open: safety first (once), then the pain check-in (if on), then
        the session."""
        self.parts.gate.when_open(self._start, info)

    def _start(self, info: RoutineInfo) -> None:
        settings, safety = self.parts.settings(), self.parts.library().safety
        if not settings.safety_acknowledged and safety is not None:
            self.ui.push_screen(SafetyScreen(safety), partial(self._safety_answer, info))
        elif settings.pain_checkin and not is_micro_break(info):
            self.ui.push_screen(PainCheck("right now"), partial(self._begin, info))
        else:
            self._begin(info, None)

    def _safety_answer(self, info: RoutineInfo, agreed: bool | None) -> None:
        if agreed:
            settings = self.parts.settings()
            self.parts.change_settings(settings.model_copy(update={"safety_acknowledged": True}))
            self._start(info)

    def _begin(self, info: RoutineInfo, pain: int | None) -> None:
        settings = self.parts.settings()
        run = SessionRun(info, self.parts.clock, self.parts.zone, settings.day_start_hour, pain)
        self.sessions.running = run
        self.nudges.session_started(run)
        self.ui.push_screen(SessionScreen(run, bell=settings.bell,
                                          reduce_motion=settings.reduce_motion))

    def step_done(self, run: SessionRun) -> None:
        """After every finished step, so a crash loses at most the step under way."""
        self.sessions.save(run.record("in progress"))

    def stop_asked(self, run: SessionRun) -> None:
        self.ui.push_screen(StopDialog(), partial(self._stop_answer, run))

    def _stop_answer(self, run: SessionRun, choice: str | None) -> None:
        if choice == "save":
            self._finish(run, "stopped")
        elif choice == "discard":
            self.sessions.discard(run)
            self.nudges.session_ended(counted=False)  # b, then discard: no break
            self.ui.pop_screen()

    def finished(self, run: SessionRun) -> None:
        if self.parts.settings().pain_checkin and not is_micro_break(run.info):
            self.ui.push_screen(PainCheck("now, after"), partial(self._after_pain, run))
        else:
            self._finish(run, "completed")

    def _after_pain(self, run: SessionRun, pain: int | None) -> None:
        run.pain_after = pain
        self._finish(run, "completed")

    def _finish(self, run: SessionRun, status: SessionStatus) -> None:
        record = run.record(status)
        self.sessions.running = None
        self.nudges.session_ended()
        summary = SummaryScreen(record)
        self.ui.switch_screen(summary)
        today = self.parts.today()

        def saved(days: dict) -> None:
            summary.streak = streaks(days, today)[0]
            summary.saved = "saved"

        self.sessions.save(record, saved, lambda problem: summary.set_unsaved(problem))
