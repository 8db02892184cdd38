"""The backcoach app, built from its parts so tests can hand it a temporary world.

Screens post typed messages up; the App answers them with @on handlers, calls down into
screens, and sends every store call through one StoreWriter (coach/ui/storage.py): the store's
opening, the sessions, the routines and their look for changes. Its helpers get what it lends
them (coach/ui/context.py), not the App. What needs the store waits for StoreOpened.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from coach.core.content.loading import Library, RoutineInfo
from coach.core.figure.modes import linux_console
from coach.core.session.recorder import SessionRun
from coach.core.settings.model import Settings
from coach.core.storage.recovery import Recovery, offer_question
from coach.core.storage.store import Store
from coach.core.time.clock import Clock, SystemClock
from coach.core.time.days import local_zone_name, training_day
from coach.ui import signals
from coach.ui.context import Lent, Running
from coach.ui.glyphs import CONSOLE_CLASS, console_text
from coach.ui.lazy import LazyScreen, prefetch
from coach.ui.library_check import LibraryCheck
from coach.ui.moved import follow_data_folder
from coach.ui.nudging import Nudges
from coach.ui.opening import StoreOpened, StoreOpening
from coach.ui.palette import CoachCommands, app_commands
from coach.ui.reminder_book import ReminderBook
from coach.ui.routines import LibraryChanged, RoutineBook
from coach.ui.screens.dialogs import Confirm
from coach.ui.screens.picker import PickerScreen
from coach.ui.session_flow import SafetyScreen, SessionFlow, SessionScreen, SummaryScreen
from coach.ui.sessions import SessionKeeper
from coach.ui.storage import StoreWriter, WriteFailed, Written
from coach.ui.store_gate import StoreGate
from coach.ui.sweeps import sweeps_on
from coach.ui.widgets.size_guard import SizeGuard

if TYPE_CHECKING:  # the real classes, for the handlers' types; at run time they load lazily
    from coach.ui.screens import editor as editor_screen
    from coach.ui.screens import session as session_screen
    from coach.ui.screens import settings as settings_screen

# Only the picker is on the first frame; the rest load when first shown (see coach/ui/lazy.py).
HelpScreen = LazyScreen("coach.ui.screens.help", "HelpScreen")
LibraryScreen = LazyScreen("coach.ui.screens.library", "LibraryScreen")
ProgressScreen = LazyScreen("coach.ui.screens.progress", "ProgressScreen")
SettingsScreen = LazyScreen("coach.ui.screens.settings", "SettingsScreen")
SafetyPage = LazyScreen("coach.ui.screens.safety", "SafetyPage")

RETRY_S = 30.0  # how often a session the store refused is tried again
WATCH_S = 2.0  # how often a running app looks for routines saved by another copy or command


class CoachApp(App):
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
                 compact: bool | None = None,
                 check: Callable[[], Library] | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock or SystemClock()
        self.zone = zone or local_zone_name()
        self.animate_every = 1.0 if animate else 0.0
        # The defaults, unvalidated: validating builds the model's schema before the first frame.
        self.settings = Settings.model_construct()
        self.writer = StoreWriter(self)
        if recovery is None and store is not None:
            recovery = Recovery(store.folder)
        # Notices are lent late-bound: the App's notify as it is when a helper speaks (a test
        # records notices by wrapping it after the App is built).
        def notify(*args: Any, **kwargs: Any) -> None:
            self.notify(*args, **kwargs)

        self.lent = lent = Lent(self.writer, store, notify, self.push_screen, self.post_message,
                                self.exit)
        self.sessions = SessionKeeper(self.writer, store, recovery, notify)
        self.reminders = ReminderBook(self.writer, None if store is None else store.folder, notify)
        self.routines = RoutineBook(lent, library)
        # check: the library is the sealed cache's, unvalidated; a worker checks it (startup).
        self.checking = LibraryCheck(check, self.routines, self.call_later,
                                     self.call_from_thread, self.post_message, self.exit)
        self.opening = StoreOpening(lent, self.sessions.offers)
        self.gate = StoreGate(store is None, self.call_later)  # opened by StoreOpened
        running = Running(lent, self, self.clock, self.zone, lambda: self.settings,
                          self.change_settings, self._adopt_settings, self.today,
                          lambda: self.library, self.start_routine, self.gate, self.animate_every)
        self.nudges = Nudges(running, start, compact)
        self.flow = SessionFlow(running, self.sessions, self.nudges)  # a session, start to finish
        self.linux_console = linux_console(os.environ)  # its font lacks a few symbols

    @property
    def library(self) -> Library:
        """What ships plus the user's own routines."""
        return self.routines.library

    @property
    def session(self) -> SessionRun | None:
        return self.sessions.running

    @property
    def store_ready(self) -> bool:
        return self.gate.is_open

    def when_store_opens(self, action: Callable[..., None], *args: object) -> None:
        self.gate.when_open(action, *args)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's commands (coach/ui/palette.py), ours only, in the order offered."""
        return app_commands(self, self.library, self.start_routine, self.nudges.commands())

    def get_key_display(self, binding: Binding) -> str:
        return console_text(super().get_key_display(binding), self.linux_console)

    def on_mount(self) -> None:
        self.set_class(self.linux_console, CONSOLE_CLASS)  # app.tcss: borders it can draw
        self.push_screen(PickerScreen(self.library, self.linux_console))
        signals.catch(self.keep_work, lambda code: self.exit(return_code=code))
        self.call_after_refresh(self.opening.start)  # the first frame never waits for history
        self.call_after_refresh(self.checking.start, self.run_worker)
        self.call_after_refresh(sweeps_on)  # off while it started (coach/ui/sweeps.py)
        self.set_interval(RETRY_S, self.sessions.retry)
        self.set_interval(RETRY_S, self.reminders.retry)
        self.set_interval(RETRY_S, partial(follow_data_folder, self.lent, self.gate))
        self.call_after_refresh(prefetch, self, SessionScreen, SafetyScreen, SummaryScreen)
        self.nudges.start()

    def on_resize(self, event: events.Resize) -> None:
        for screen in self.screen_stack:
            for guard in screen.query(SizeGuard):
                guard.fit(event.size)
        self.nudges.fit_layout()  # the compact pane, chosen by size

    def on_unmount(self) -> None:
        self.keep_work()  # quitting mid-session (ctrl+q) keeps the work too
        self.gate.close()
        signals.release()

    def keep_work(self) -> None:
        """Run the queued writes here and now, and save the session under way (or keep it)."""
        self.reminders.retry()  # a reminder edit that failed: one more try before the end
        self.writer.finish()
        self.sessions.save_now("stopped")
        self.nudges.quit()

    # -- the store ---------------------------------------------------------------------------

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        settings, offers = message.settings, message.offers
        self.settings = settings
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        else:  # another version's or a hand-edited name (Neutralised): say why it looks default
            self.notify(f"No theme {settings.theme!r} here; pick one in Settings.", markup=False)
        self.routines.refresh()
        self.routines.look()  # and every WATCH_S: routines saved by another copy or command
        self.set_interval(WATCH_S, self.routines.look)
        # What is loaded by now (library, styles, the picker) lives as long as the app: out of
        # the collector's full sweeps, which otherwise land in a screen's first layout.
        gc.freeze()
        self.gate.open()  # what waited runs now
        if offers:
            kept = [record for record, _ in offers]
            question, yes = offer_question(offers)
            self.push_screen(Confirm(question, yes, "not now (asked again next start)"),
                             lambda yes: self.sessions.save_kept(kept) if yes else None)

    @on(LibraryChanged)
    def _library_changed(self, message: LibraryChanged) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, PickerScreen):
                screen.library = message.library
                if message.select is not None:
                    screen.select(message.select)

    @on(Written)
    @on(WriteFailed)
    def _store_answered(self, message: Written | WriteFailed) -> None:
        self.writer.answered(message)  # on the UI thread: the job's then, or failed

    def today(self) -> dt.date:
        """The training day it is now: the one place the UI asks."""
        return training_day(self.clock.now(), self.zone, self.settings.day_start_hour)

    # -- settings ----------------------------------------------------------------------------

    def _adopt_settings(self, settings: Settings) -> None:
        self.settings = settings  # read back from the file: nothing to save

    def change_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.store is not None:
            store = self.store
            self.writer.write("save your settings", lambda: store.save_settings(settings))

    # Handlers by name, not @on(Screen.Message): naming a screen's class here would import it,
    # and every screen but the picker loads when first shown (coach/ui/lazy.py).
    def on_settings_screen_changed(self, message: settings_screen.SettingsScreen.Changed) -> None:
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

    def start_routine(self, info: RoutineInfo) -> None:
        # Picked before the library's check ended: it waits for it, then starts the checked one.
        self.checking.when_checked(self._start_checked, info)

    def _start_checked(self, info: RoutineInfo) -> None:
        self.flow.start(self.library.routines.get(info.routine.id, info))

    def on_session_screen_step_done(self, message: session_screen.SessionScreen.StepDone) -> None:
        self.flow.step_done(message.run)

    def on_session_screen_stop_asked(self, message: session_screen.SessionScreen.StopAsked) -> None:
        self.flow.stop_asked(message.run)

    def on_session_screen_finished(self, message: session_screen.SessionScreen.Finished) -> None:
        self.flow.finished(message.run)

    def action_suspend(self) -> None:
        """Ctrl+Z: pause first, so the session comes back paused after `fg`."""
        if self.session is not None:
            self.session.player.pause()
        self.action_suspend_process()

    # -- routines ----------------------------------------------------------------------------

    @on(PickerScreen.RoutineAsked)
    def _routine_asked(self, message: PickerScreen.RoutineAsked) -> None:
        self.when_store_opens(self.routines.answer, message.verb, message.info)

    def on_editor_screen_save_asked(self, message: editor_screen.EditorScreen.SaveAsked) -> None:
        self.routines.save(message.routine, message.new, message.editor)

    def on_editor_screen_file_asked(self, message: editor_screen.EditorScreen.FileAsked) -> None:
        self.routines.file(message.verb, message.editor)

    # -- navigation --------------------------------------------------------------------------

    def action_help(self) -> None:
        if not HelpScreen.matches(self.screen):
            self.push_screen(HelpScreen(self.screen))

    def action_library(self) -> None:
        if not LibraryScreen.matches(self.screen):
            self.push_screen(LibraryScreen(self.library, self.animate_every))

    def action_progress(self) -> None:
        self.when_store_opens(self._progress)

    def _progress(self) -> None:
        if not ProgressScreen.matches(self.screen):
            from coach.ui.screens.log_session import Logger  # loads with the progress screen
            from coach.ui.widgets.breaks import BreaksSource

            breaks = BreaksSource(self.nudges.records.days, self.nudges.records.days_between,
                                  self.settings.nudge_minutes)
            logger = None if self.store is None else Logger(
                self.writer, self.store, self.library.routines, self.clock, self.zone,
                self.settings.day_start_hour, self.settings.break_counts_for_streak)
            self.push_screen(ProgressScreen(self.writer, self.store, self.library.exercises,
                                            self.today(), self.settings.weekly_goal_days, breaks,
                                            logger))

    def action_settings(self) -> None:
        self.when_store_opens(self._settings)

    def _settings(self) -> None:
        if not SettingsScreen.matches(self.screen):
            self.push_screen(SettingsScreen(self.settings, tuple(self.available_themes),
                                            self.reminders, self.library.routines))

    def action_safety(self) -> None:
        if self.library.safety is not None:
            self.push_screen(SafetyPage(self.library.safety))

    # -- nudges (coach/ui/nudging.py) ----------------------------------------------------------

    def action_nudge_break(self) -> None:
        self.nudges.start_break()

    def on_compact_screen_full_asked(self) -> None:
        self.nudges.leave_compact()
