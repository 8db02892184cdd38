"""The backcoach app, built from its parts so tests can hand it a temporary world.

Screens post typed messages up; the App answers them with @on handlers, calls down into
screens, and sends every store call through one StoreWriter (coach/ui/storage.py).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual import events, on
from textual.app import App
from textual.binding import Binding

from coach.core.content.loading import Library, RoutineInfo
from coach.core.history.days import local_zone_name, training_day
from coach.core.history.progress import streaks
from coach.core.session.clock import Clock, SystemClock
from coach.core.session.recorder import SessionRun
from coach.core.session.records import SessionRecord, SessionStatus, Settings
from coach.core.storage.recovery import Recovery
from coach.core.storage.store import Store, StoreError
from coach.core.wording import count
from coach.ui import signals
from coach.ui.gate import after_store_opens
from coach.ui.lazy import LazyScreen, prefetch
from coach.ui.nudging import NudgeKeeping, is_micro_break
from coach.ui.palette import CoachCommands
from coach.ui.routines import RoutineDesk
from coach.ui.screens.dialogs import BrokenStoreScreen, Confirm, PainCheck, StopDialog
from coach.ui.screens.picker import PickerScreen
from coach.ui.sessions import SessionKeeper
from coach.ui.storage import STORE_ERRORS, StoreWriter, WriteFailed, Written, problem_text
from coach.ui.widgets.size_guard import SizeGuard

# Only the picker is on the first frame; the rest load when first shown (see coach/ui/lazy.py).
EditorScreen = LazyScreen("coach.ui.screens.editor", "EditorScreen")
HelpScreen = LazyScreen("coach.ui.screens.help", "HelpScreen")
LibraryScreen = LazyScreen("coach.ui.screens.library", "LibraryScreen")
RoutineScreen = LazyScreen("coach.ui.screens.preview", "RoutineScreen")
ProgressScreen = LazyScreen("coach.ui.screens.progress", "ProgressScreen")
SessionScreen = LazyScreen("coach.ui.screens.session", "SessionScreen")
SettingsScreen = LazyScreen("coach.ui.screens.settings", "SettingsScreen")
SummaryScreen = LazyScreen("coach.ui.screens.summary", "SummaryScreen")
SafetyPage = LazyScreen("coach.ui.screens.safety", "SafetyPage")
SafetyScreen = LazyScreen("coach.ui.screens.safety", "SafetyScreen")

RETRY_S = 30.0  # how often a session the store refused is tried again


class CoachApp(NudgeKeeping, App):
    TITLE = "backcoach"
    CSS_PATH = "app.tcss"
    # Ours only: Textual's stock Keys, Maximize and Screenshot mean nothing to this user.
    COMMANDS = {CoachCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+z", "suspend", "Suspend", show=False, id="suspend"),
    ]

    def __init__(self, library: Library, store: Store | None = None, clock: Clock | None = None,
                 zone: str | None = None, animate: bool = True,
                 recovery: Recovery | None = None, start: str | None = None,
                 compact: bool | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock or SystemClock()
        self.zone = zone or local_zone_name()
        self.animate_every = 1.0 if animate else 0.0
        self.settings = Settings()
        self.writer = StoreWriter(self)
        if recovery is None and store is not None:
            recovery = Recovery(store.folder)
        self.sessions = SessionKeeper(self.writer, store, recovery)
        self.routines = RoutineDesk(self, self.writer, store, library)
        self.store_ready = store is None
        self.waiting_for_store: list[Callable[[], None]] = []
        self.init_nudges(start, compact)

    @property
    def library(self) -> Library:
        """What ships plus the user's own routines."""
        return self.routines.library

    @property
    def session(self) -> SessionRun | None:
        return self.sessions.running

    def on_mount(self) -> None:
        self.push_screen(PickerScreen(self.library))
        signals.catch(self.keep_work, lambda code: self.exit(return_code=code))
        self.call_after_refresh(self.open_store)  # the first frame never waits for history
        self.set_interval(RETRY_S, self.sessions.retry)
        self.call_after_refresh(prefetch, SessionScreen, SafetyScreen, SummaryScreen)
        self.start_nudges()

    def on_resize(self, event: events.Resize) -> None:
        for screen in self.screen_stack:
            for guard in screen.query(SizeGuard):
                guard.fit(event.size)
        self.fit_layout()  # the compact pane, chosen by size

    def on_unmount(self) -> None:
        self.keep_work()  # quitting mid-session (ctrl+q) keeps the work too
        signals.release()

    def keep_work(self) -> None:
        """Run the queued writes here and now, and save the session under way (or keep it)."""
        self.writer.finish()
        self.sessions.save_now("stopped")
        self.nudges_quit()

    # -- the store ---------------------------------------------------------------------------

    def open_store(self) -> None:
        if self.store is not None:
            self.run_worker(self._open_store, thread=True, exclusive=True, group="store")

    def _open_store(self) -> None:
        """In a thread: check every data file, read the settings and any unsaved sessions."""
        assert self.store is not None
        try:
            skipped = self.store.open()
            settings = self.store.settings()
        except StoreError as exc:
            if not exc.movable:  # a held lock, a read-only folder: moving a file aside is no fix
                self.call_from_thread(self.exit, None, 2, Text(f"backcoach: {exc}"))
                return
            self.call_from_thread(self.push_screen, BrokenStoreScreen(str(exc)),
                                  partial(self._broken_answer, exc))
            return
        except STORE_ERRORS as exc:
            self.call_from_thread(self._cannot_open, problem_text(exc))
            return
        for line in skipped[:3]:  # records kept in their file, left out of every screen
            self.call_from_thread(
                partial(self.notify, line, severity="warning", timeout=15, markup=False)
            )
        pending = self.sessions.pending()
        self.call_from_thread(self._store_opened, settings, pending)

    def _cannot_open(self, problem: str) -> None:
        self.notify(problem, title="Your data can't be opened; nothing will be saved",
                    severity="error", timeout=15, markup=False)

    def _store_opened(self, settings: Settings, pending: list[SessionRecord]) -> None:
        self.settings = settings
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.store_ready = True
        self.routines.refresh()
        # What is loaded by now (library, styles, the picker) lives as long as the app: out of
        # the collector's full sweeps, which otherwise land in a screen's first layout.
        gc.freeze()
        waiting, self.waiting_for_store = self.waiting_for_store, []
        for action in waiting:
            action()
        if pending:
            question = (f"{count(len(pending), 'session')} could not be saved last time and "
                        "were kept aside. Save them now?")
            self.push_screen(Confirm(question, "save them", "not now (asked again next start)"),
                             lambda yes: yes and self.sessions.save_kept(pending))

    def _broken_answer(self, exc: StoreError, fresh: bool | None) -> None:
        if not fresh or self.store is None:
            self.exit(return_code=2, message=f"backcoach: {exc}")
            return
        store = self.store

        def moved(path: object) -> None:
            self.notify(f"Moved the unreadable file to {path}", timeout=8, markup=False)
            self.open_store()

        def failed(problem: str) -> None:
            self.exit(return_code=2, message=f"backcoach: could not move {exc.path}: {problem}")

        self.writer.write("move the file aside", lambda: store.set_aside(exc.path), moved, failed)

    @on(Written)
    def _written(self, message: Written) -> None:
        if message.job.then is not None:
            message.job.then(message.result)

    @on(WriteFailed)
    def _write_failed(self, message: WriteFailed) -> None:
        if message.job.failed is not None:
            message.job.failed(message.problem)
        else:
            self.notify(message.problem, title=f"Could not {message.job.what}",
                        severity="error", timeout=10, markup=False)

    def today(self) -> dt.date:
        """The training day it is now: the one place the UI asks."""
        return training_day(self.clock.now(), self.zone, self.settings.day_start_hour)

    def streak(self) -> int:
        """Today's streak; reads the day summaries, so call it from a worker thread."""
        return 0 if self.store is None else streaks(self.store.session_days(), self.today())[0]

    # -- settings ----------------------------------------------------------------------------

    def change_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.store is not None:
            store = self.store
            self.writer.write("save your settings", lambda: store.save_settings(settings))

    # Handlers by name, not @on(Screen.Message): naming a screen's class here would import it,
    # and every screen but the picker loads when first shown (coach/ui/lazy.py).
    def on_settings_screen_changed(self, message: SettingsScreen.Changed) -> None:
        self.change_settings(message.settings)
        if message.settings.theme != self.theme and message.settings.theme in self.available_themes:
            self.theme = message.settings.theme

    def watch_theme(self, theme: str) -> None:
        # The palette's theme picker sets it directly: keep it for next time.
        if self.store_ready and theme != self.settings.theme:
            self.change_settings(self.settings.model_copy(update={"theme": theme}))

    # -- a session, start to finish ----------------------------------------------------------

    @on(PickerScreen.StartAsked)
    def _start_asked(self, message: PickerScreen.StartAsked) -> None:
        self.start_routine(message.info)

    def on_routine_screen_start_asked(self, message: RoutineScreen.StartAsked) -> None:
        self.start_routine(message.info)

    @after_store_opens
    def start_routine(self, info: RoutineInfo) -> None:
        """Safety first (once), then the pain check-in (if on), then the session."""
        if not self.settings.safety_acknowledged and self.library.safety is not None:
            self.push_screen(SafetyScreen(self.library.safety), partial(self._safety_answer, info))
        elif self.settings.pain_checkin and not is_micro_break(info):
            self.push_screen(PainCheck("right now"), partial(self._begin, info))
        else:
            self._begin(info, None)

    def _safety_answer(self, info: RoutineInfo, agreed: bool | None) -> None:
        if agreed:
            self.change_settings(self.settings.model_copy(update={"safety_acknowledged": True}))
            self.start_routine(info)

    def _begin(self, info: RoutineInfo, pain: int | None) -> None:
        run = SessionRun(info, self.clock, self.zone, self.settings.day_start_hour, pain)
        self.sessions.running = run
        self.nudge_session_started(run)
        self.push_screen(SessionScreen(run, bell=self.settings.bell,
                                       reduce_motion=self.settings.reduce_motion))

    def on_session_screen_step_done(self, message: SessionScreen.StepDone) -> None:
        """After every finished step, so a crash loses at most the step under way."""
        self.sessions.save(message.run.record("in progress"))

    def on_session_screen_stop_asked(self, message: SessionScreen.StopAsked) -> None:
        self.push_screen(StopDialog(), partial(self._stop_answer, message.run))

    def _stop_answer(self, run: SessionRun, choice: str | None) -> None:
        if choice == "save":
            self._finish(run, "stopped")
        elif choice == "discard":
            self.sessions.discard(run)
            self.nudge_session_ended()
            self.pop_screen()

    def on_session_screen_finished(self, message: SessionScreen.Finished) -> None:
        run = message.run
        if self.settings.pain_checkin and not is_micro_break(run.info):
            self.push_screen(PainCheck("now, after"), partial(self._after_pain, run))
        else:
            self._finish(run, "completed")

    def _after_pain(self, run: SessionRun, pain: int | None) -> None:
        run.pain_after = pain
        self._finish(run, "completed")

    def _finish(self, run: SessionRun, status: SessionStatus) -> None:
        record = run.record(status)
        self.sessions.running = None
        self.nudge_session_ended()
        summary = SummaryScreen(record)
        self.switch_screen(summary)
        today = self.today()

        def saved(days: dict) -> None:
            summary.streak = streaks(days, today)[0]
            summary.saved = "saved"

        self.sessions.save(record, saved, lambda problem: summary.set_unsaved(problem))

    def action_suspend(self) -> None:
        """Ctrl+Z: pause first, so the session comes back paused after `fg`."""
        if self.session is not None:
            self.session.player.pause()
        self.action_suspend_process()

    # -- routines ----------------------------------------------------------------------------

    @on(PickerScreen.RoutineAsked)
    def _routine_asked(self, message: PickerScreen.RoutineAsked) -> None:
        self.routines.answer(message.verb, message.info)

    def on_editor_screen_save_asked(self, message: EditorScreen.SaveAsked) -> None:
        self.routines.save(message.routine, message.new, message.editor)

    def on_editor_screen_file_asked(self, message: EditorScreen.FileAsked) -> None:
        self.routines.file(message.verb, message.editor)

    # -- navigation --------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_library(self) -> None:
        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self.library, self.animate_every))

    @after_store_opens
    def action_progress(self) -> None:
        if not isinstance(self.screen, ProgressScreen):
            self.push_screen(ProgressScreen(self.writer, self.store, self.library.exercises,
                                            self.today(), self.settings.weekly_goal_days))

    @after_store_opens
    def action_settings(self) -> None:
        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen(self.settings, tuple(self.available_themes)))

    def action_safety(self) -> None:
        if self.library.safety is not None:
            self.push_screen(SafetyPage(self.library.safety))

