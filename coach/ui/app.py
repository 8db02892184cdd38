"""The backcoach app, built from its parts so tests can hand it a temporary world."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable, Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from coach.core.content.loading import Library, RoutineInfo
from coach.core.history.days import local_zone_name, training_day
from coach.core.history.progress import streaks
from coach.core.session.clock import Clock, SystemClock
from coach.core.session.recorder import SessionRun
from coach.core.session.records import SessionRecord, SessionStatus, Settings
from coach.core.storage.store import Store, StoreError
from coach.ui.gate import after_store_opens
from coach.ui.nudging import NudgeKeeping, is_micro_break
from coach.ui.routines import RoutineEditing
from coach.ui.screens.dialogs import BrokenStoreScreen, PainCheck, StopDialog
from coach.ui.screens.help import HelpScreen
from coach.ui.screens.library import LibraryScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.progress import ProgressScreen
from coach.ui.screens.safety import SafetyScreen
from coach.ui.screens.session import SessionScreen
from coach.ui.screens.settings import SettingsScreen
from coach.ui.screens.summary import SummaryScreen


class CoachApp(NudgeKeeping, RoutineEditing, App):
    TITLE = "backcoach"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+z", "suspend", "Suspend", show=False, id="suspend"),
    ]

    def __init__(
        self,
        library: Library,
        store: Store | None = None,
        clock: Clock | None = None,
        zone: str | None = None,
        animate: bool = True,
        start: str | None = None,
        compact: bool | None = None,
    ) -> None:
        super().__init__()
        self.base_library = library  # what ships; self.library adds the user's own routines
        self.library = library
        self.store = store
        self.clock = clock or SystemClock()
        self.zone = zone or local_zone_name()
        self.animate_every = 1.0 if animate else 0.0
        self.settings = Settings()
        self.session: SessionRun | None = None  # the session under way, if any
        self.store_ready = store is None
        self.waiting_for_store: list[Callable[[], None]] = []
        self.init_nudges(start, compact)

    def on_mount(self) -> None:
        self.push_screen(PickerScreen(self.library))
        loop = asyncio.get_running_loop()
        # Textual leaves SIGHUP (the SSH link drops) and SIGTERM alone: without these the
        # process dies and nothing after run() executes. Loop handlers run between
        # callbacks, never in the middle of a save.
        loop.add_signal_handler(signal.SIGHUP, self._on_hangup)
        loop.add_signal_handler(signal.SIGTERM, self._on_terminate)
        self.call_after_refresh(self.open_store)  # the first frame never waits for history
        self.start_nudges()

    def on_unmount(self) -> None:
        self._save_if_running()  # quitting mid-session (ctrl+q) keeps the work too
        self.nudges_quit()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.remove_signal_handler(sig)

    # -- the store ---------------------------------------------------------------------------

    def open_store(self) -> None:
        if self.store is not None:
            self.run_worker(self._open_store, thread=True, exclusive=True, group="store")

    def _open_store(self) -> None:
        """In a thread: check every data file, read the settings."""
        try:
            self.store.open()
            settings = self.store.settings()
        except StoreError as exc:
            self.call_from_thread(
                self.push_screen, BrokenStoreScreen(str(exc)), partial(self._broken_answer, exc)
            )
            return
        self.call_from_thread(self._store_opened, settings)

    def _store_opened(self, settings: Settings) -> None:
        self.settings = settings
        self.store_ready = True
        self.refresh_routines()
        waiting, self.waiting_for_store = self.waiting_for_store, []
        for action in waiting:
            action()

    def _broken_answer(self, exc: StoreError, fresh: bool | None) -> None:
        if not fresh or self.store is None:
            self.exit(return_code=2, message=f"backcoach: {exc}")
            return
        moved = self.store.set_aside(exc.path)
        self.notify(f"Moved the unreadable file to {moved}", timeout=8)
        self.open_store()

    def _save(self, record: SessionRecord) -> bool:
        if self.store is None:
            return True
        try:
            self.store.save_session(record)
            return True
        except (StoreError, OSError) as exc:
            self.notify(f"Could not save the session: {exc}", severity="error", timeout=10)
            return False

    def change_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.store is not None:
            try:
                self.store.save_settings(settings)
            except StoreError as exc:
                self.notify(f"Could not save settings: {exc}", severity="error", timeout=10)

    def streak(self) -> int:
        if self.store is None:
            return 0
        today = training_day(self.clock.now(), self.zone, self.settings.day_start_hour)
        return streaks(self.store.session_days(), today)[0]

    # -- a session, start to finish ------------------------------------------------------------

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
        if not agreed:
            return
        self.settings = self.settings.model_copy(update={"safety_acknowledged": True})
        if self.store is not None:
            self.store.save_settings(self.settings)
        self.start_routine(info)

    def _begin(self, info: RoutineInfo, pain: int | None) -> None:
        run = SessionRun(info, self.clock, self.zone, self.settings.day_start_hour, pain)
        self.session = run
        self.nudge_session_started(run)
        self.push_screen(
            SessionScreen(run, bell=self.settings.bell, reduce_motion=self.settings.reduce_motion)
        )

    def save_progress(self, run: SessionRun) -> None:
        """After every finished step, so a crash loses at most the step under way."""
        self._save(run.record("in progress"))

    def ask_stop(self, run: SessionRun) -> None:
        was_paused = run.player.paused
        run.player.pause()
        self.push_screen(StopDialog(), partial(self._stop_answer, run, was_paused))

    def _stop_answer(self, run: SessionRun, was_paused: bool, choice: str | None) -> None:
        if choice == "save":
            self._finish(run, "stopped")
        elif choice == "discard":
            if self.store is not None:
                self.store.delete_session(run.uuid)
            self.session = None
            self.nudge_session_ended()
            self.pop_screen()
        elif not was_paused:
            run.player.resume()

    def session_finished(self, run: SessionRun) -> None:
        if self.settings.pain_checkin and not is_micro_break(run.info):
            self.push_screen(PainCheck("now, after"), partial(self._after_pain, run))
        else:
            self._finish(run, "completed")

    def _after_pain(self, run: SessionRun, pain: int | None) -> None:
        run.pain_after = pain
        self._finish(run, "completed")

    def _finish(self, run: SessionRun, status: SessionStatus) -> None:
        record = run.record(status)
        self._save(record)
        self.session = None
        self.nudge_session_ended()
        self.switch_screen(SummaryScreen(record, self.streak()))

    # -- signals --------------------------------------------------------------------------------

    def _save_if_running(self) -> None:
        if self.session is not None:
            self._save(self.session.record("stopped"))
            self.session = None

    def _on_hangup(self) -> None:
        # The terminal is gone: keep the work, then leave without touching the dead tty.
        self._save_if_running()
        self.nudges_quit()
        os._exit(128 + signal.SIGHUP)

    def _on_terminate(self) -> None:
        self._save_if_running()
        self.exit(return_code=128 + signal.SIGTERM)

    def action_suspend(self) -> None:
        """Ctrl+Z: pause first, so the session comes back paused after `fg`."""
        if self.session is not None:
            self.session.player.pause()
        self.action_suspend_process()

    # -- navigation ------------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_library(self) -> None:
        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self.library, self.animate_every))

    @after_store_opens
    def action_progress(self) -> None:
        if not isinstance(self.screen, ProgressScreen):
            self.push_screen(ProgressScreen())

    @after_store_opens
    def action_settings(self) -> None:
        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_safety(self) -> None:
        if self.library.safety is not None:
            self.push_screen(SafetyScreen(self.library.safety, asking=False))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Exercise library", "Browse every exercise", self.action_library)
        yield SystemCommand("Help", "Keys of this screen", self.action_help)
        yield SystemCommand("Progress", "Calendar, year, history, totals", self.action_progress)
        yield SystemCommand("Settings", "Bell, motion, pain check-ins, goals", self.action_settings)
        yield SystemCommand("When not to exercise", "Safety first", self.action_safety)
        yield from self.nudge_commands()
        for info in self.library.routines.values():
            yield SystemCommand(
                f"Start: {info.routine.name}",
                info.routine.description,
                partial(self.start_routine, info),
            )
