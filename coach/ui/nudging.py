"""The app's side of stand-up nudges: the sitting timer's tick, the nudge and its answers,
and the compact pane; what they leave behind is nudge_records.py.

An object the App owns (app.nudges), like RoutineDesk: the App calls down into it at mount, at
a session's start and end, on resize and at unmount, and it calls the App's public parts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from coach.core.content.loading import RoutineInfo
from coach.core.nudge.notify import notification
from coach.core.nudge.timer import MICRO_BREAK, Answer, Nudge, SittingTimer, rules_from
from coach.core.session.recorder import SessionRun
from coach.ui.lazy import LazyScreen
from coach.ui.nudge_records import NudgeRecords, open_nudge_log
from coach.ui.screens.compact import COMPACT_MAX, CompactScreen, PaneStatus
from coach.ui.terminal_out import write_to_terminal

if TYPE_CHECKING:
    from coach.core.storage.nudges import NudgeLog
    from coach.ui.app import CoachApp

# The nudge prompt comes after half an hour at the earliest: its module (with the figure
# renderer) and the nudge log's (with its record models) load off the first frame.
NudgeScreen = LazyScreen("coach.ui.screens.nudge", "NudgeScreen")

NUDGE_TICK_S = 1.0  # the countdown shows seconds; the deadlines are the timer's, not ticks
QUIT_STRETCH_MIN_S = 60  # a stretch cut short by quitting is worth keeping from a minute on


def is_micro_break(info: RoutineInfo) -> bool:
    """A 90-second break every half hour asks no pain check-ins: they would be the nagging."""
    return info.routine.id == MICRO_BREAK


class NudgeDesk(NudgeRecords):
    """The sitting timer and everything it leads to, for one app."""

    def __init__(self, app: CoachApp, start: str | None = None,
                 compact: bool | None = None) -> None:
        self.app = app
        self.start_id = start
        self.compact_forced = compact  # None: chosen by the terminal's size
        self.nudge_log: NudgeLog | None = None  # opened in a thread once the store has opened
        self.timer = SittingTimer(self.app.clock, rules_from(self.app.settings, self.app.zone))
        self._rules_of = self.app.settings
        self._init_records()

    def start(self) -> None:
        self.app.set_interval(NUDGE_TICK_S, self.tick)
        if self.app.store_ready:
            self._after_store()
        else:
            self.app.waiting_for_store.append(self._after_store)

    def _after_store(self) -> None:
        self._disk_settings = self.app.settings
        self.tick()
        if self.app.store is not None:
            self.app.run_worker(self._open_nudge_log, thread=True, group="nudge-timer")
        self.fit_layout()
        if self.start_id is not None:
            info = self.app.library.routines.get(self.start_id)
            self.start_id = None
            if info is None:  # checked by the CLI; gone since (a routine file broke)
                self.app.notify("That routine is no longer there.", severity="warning", timeout=6)
            else:
                self.app.start_routine(info)

    # -- the tick ----------------------------------------------------------------------------

    def tick(self) -> None:
        if not self.app.screen_stack:  # closing: the interval may fire once more (ScreenStackError)
            return
        self._recheck_settings()
        if self.app.settings is not self._rules_of:  # changed on the settings screen, or on disk
            self._rules_of = self.app.settings
            self.timer.change_rules(rules_from(self.app.settings, self.app.zone))
        for event in self.timer.poll():
            if event.kind == "nudge":
                self._show_nudge(event.nudge)
            else:
                self._record(nudges=[self._nudge_record(event.nudge, "no answer")])
                if NudgeScreen.matches(self.app.screen):
                    self.app.screen.dismiss(None)
        if isinstance(self.app.screen, CompactScreen):
            self.app.screen.status = PaneStatus(self.timer.next_in_s(), self.timer.sitting_s(),
                                            self.breaks_today, self.streak_days,
                                            self.timer.pending is not None)
        self._save_timer_state()

    def _show_nudge(self, nudge: Nudge) -> None:
        kinds = self.app.settings.notify
        minutes = max(1, round(nudge.sitting_s / 60))
        body = f"{minutes} min sitting: time to stand up and move."
        self.write_terminal(notification(kinds, "backcoach", body, "TMUX" in os.environ))
        from textual.widgets import Input, TextArea

        typing = isinstance(self.app.focused, (Input, TextArea))
        small = isinstance(self.app.screen, CompactScreen)
        if "toast" in kinds and (typing or not (nudge.insistent or small)):
            self.app.notify(body, title="Stand up", timeout=10)
        if typing:
            return  # a prompt would take the next letters as answers; the toast says it
        if NudgeScreen.matches(self.app.screen):
            return
        info = self.app.library.routines.get(MICRO_BREAK)
        figure = info.steps[0].exercise.figure if info is not None else None
        self.app.push_screen(NudgeScreen(nudge, self.app.settings.snooze_minutes, figure,
                                     self.app.animate_every), self._nudge_answered)

    def write_terminal(self, text: str) -> None:
        """Escape sequences straight to the terminal, between frames, as App.bell does."""
        write_to_terminal(self.app, text)

    # -- answers -----------------------------------------------------------------------------

    def _nudge_answered(self, answer: Answer | None) -> None:
        if answer == "break":
            self.start_break()  # the session's start records the answer
        elif answer is not None:
            self.answer(answer)

    def answer(self, answer: Answer) -> None:
        nudge = self.timer.answer(answer)
        if nudge is not None:
            self._record(nudges=[self._nudge_record(nudge, answer)])
            if answer == "snooze":
                self.app.notify(f"Snoozed for {self.app.settings.snooze_minutes} min.", timeout=3)

    def start_break(self) -> None:
        info = self.app.library.routines.get(MICRO_BREAK)
        if info is None:
            self.app.notify("The micro-break routine is missing; reinstall backcoach.",
                        severity="error", timeout=8)
            return
        self.app.start_routine(info)

    def session_started(self, run: SessionRun) -> None:
        """A session began: it answers a nudge waiting, and ends the sitting stretch."""
        sat = self.timer.sitting_s()
        nudge = self.timer.session_started()
        is_break = is_micro_break(run.info)
        if is_break:
            run.counts_for_streak = self.app.settings.break_counts_for_streak
        self._record(
            nudges=[self._nudge_record(nudge, "break")] if nudge is not None else [],
            stretches=[self._stretch("break" if is_break else "session", sat)],
        )

    def session_ended(self) -> None:
        self.timer.session_ended()
        self._refresh_figures()

    def quit(self) -> None:
        """At unmount: the stretch under way, the timer for `status`, written now (no thread)."""
        sat = self.timer.sitting_s()
        waiting = self.timer.answer("no answer")
        if waiting is not None:
            self._unsaved[0].append(self._nudge_record(waiting, "no answer"))
        if not self.timer.in_session and sat >= QUIT_STRETCH_MIN_S:
            self._unsaved[1].append(self._stretch("quit", sat))
        if self.nudge_log is None and self.app.store is not None and self.app.store_ready:
            self.nudge_log = open_nudge_log(self.app.store.folder)  # quit before its thread ran
        if self.nudge_log is not None and self.app.store_ready:  # never beside a broken store
            self._write_records()
            self._write_timer(self._timer_state(running=False))

    # -- layout and commands -----------------------------------------------------------------

    def fit_layout(self) -> None:
        small = self.app.size.width <= COMPACT_MAX[0] or self.app.size.height <= COMPACT_MAX[1]
        want = self.compact_forced if self.compact_forced is not None else small
        on_top = isinstance(self.app.screen, CompactScreen)
        from coach.ui.screens.picker import PickerScreen

        if want and not on_top and isinstance(self.app.screen, PickerScreen):
            self.app.push_screen(CompactScreen())
            self.tick()
        elif not want and on_top:
            self.app.pop_screen()

    def leave_compact(self) -> None:
        self.compact_forced = False
        self.fit_layout()

    def commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        """(name, help, action) for the command palette."""
        yield ("Stand-up break now", "The micro-break, and the nudge answered",
               self.start_break)
        if self.timer.pending is not None:
            yield ("Snooze the nudge", f"{self.app.settings.snooze_minutes} min",
                   partial(self.answer, "snooze"))
            yield ("Skip the nudge", "Until the next interval", partial(self.answer, "skip"))
