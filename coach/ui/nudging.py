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

from textual.screen import ModalScreen

from coach.core.content.loading import RoutineInfo
from coach.core.nudge.notify import notification
from coach.core.nudge.timer import MICRO_BREAK, Answer, Nudge, SittingTimer, rules_from
from coach.core.nudge.wording import nudge_body
from coach.core.session.recorder import SessionRun
from coach.core.storage.errors import StoreError
from coach.ui.lazy import LazyScreen
from coach.ui.nudge_records import NudgeRecords, open_nudge_log
from coach.ui.screens.compact import COMPACT_MAX, CompactScreen, PaneStatus
from coach.ui.terminal_out import write_to_terminal

if TYPE_CHECKING:
    from coach.core.nudge.log import NudgeLog, StretchRecord
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
        self._delivered = False  # this copy showed the nudge waiting (and records its answer)
        self._closing = False  # the nudge is being closed for it (answered elsewhere)
        self._session_start: tuple[Nudge | None, StretchRecord] | None = None
        from coach.nudger.idle import AwayWatch

        self.away = AwayWatch(self.timer)  # time away is a break: coach/core/nudge/away.py
        self._init_records()

    def start(self) -> None:
        self.app.set_interval(NUDGE_TICK_S, self.tick)
        self.app.when_store_opens(self._after_store)

    def _after_store(self) -> None:
        self._disk_settings = self.app.settings
        self.tick()
        if self.app.store is not None:
            self.app.run_worker(self._open_nudge_log, thread=True, group="nudge-timer")
        self.fit_layout()
        if self.app.store is None:
            self.start_asked()

    def start_asked(self) -> None:
        """`backcoach start ID`: once the machine's clock is joined, so a break started from
        the nudger's popup answers the nudge waiting there, and its stretch is the clock's."""
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
        if self._sync_clock():  # another copy changed course: a break there counts here
            self._refresh_figures()
            if self.timer.pending is None:
                self._close_nudge()  # answered in another copy
        self._natural_break()
        for event in self.timer.poll():
            if event.kind == "nudge":
                self._delivered = self._claim()
                if self._delivered:
                    self._show_nudge(event.nudge)
            elif self._delivered:  # only the copy that showed it records it
                self._record(nudges=[self._nudge_record(event.nudge, "no answer")])
                self._close_nudge()
        if isinstance(self.app.screen, CompactScreen):
            self.app.screen.status = PaneStatus(self.timer.next_in_s(), self.timer.sitting_s(),
                                            self.breaks_today, self.streak_days,
                                            self.timer.pending is not None,
                                            self.timer.in_session,
                                            self.timer.away is not None)
        if self._delivered and self.timer.pending is not None:
            self._show_waiting()
        self._sync_clock(push=True)

    def _natural_break(self) -> None:
        try:
            left = self.away.tick(self.app.clock.monotonic(), self.app.settings.away_minutes * 60,
                                  self.nudge_log, lambda job: self.app.run_worker(
                                      job, thread=True, group="nudge-idle"))
        except (StoreError, OSError):
            return  # the clock file is unusable: away is noticed again next tick
        if left is not None:
            self._delivered = False
            self._close_nudge()
            self._record(*left.records(self.app.settings, self.app.zone))

    def _show_waiting(self) -> None:
        """The nudge held back by a dialog comes up once the dialog is answered."""
        from textual.widgets import Input, TextArea

        screen = self.app.screen
        if (isinstance(screen, ModalScreen)
                or isinstance(self.app.focused, (Input, TextArea))):
            return
        assert self.timer.pending is not None
        self._push_nudge(self.timer.pending)

    def _claim(self) -> bool:
        """Whether this copy delivers the nudge just due: not while the headless nudger runs,
        nor when another copy already has (one nudge per due time)."""
        if self.shared is None:
            return True
        from coach.core.nudge.shared import nudger_running

        try:
            if nudger_running(self.shared.log):
                self.shared.hold_back()
                return False
            return self.shared.claim()
        except (StoreError, OSError):
            return True  # the clock file is unusable: this copy nudges on its own

    def _close_nudge(self) -> None:
        if NudgeScreen.matches(self.app.screen):
            self._closing = True
            self.app.screen.dismiss(None)

    def _show_nudge(self, nudge: Nudge) -> None:
        kinds = self.app.settings.notify
        body = nudge_body(nudge.sitting_s)
        self.write_terminal(notification(kinds, "backcoach", body, "TMUX" in os.environ))
        from textual.widgets import Input, TextArea

        # One way or the other, never both: a prompt where it can take keys, else a notice.
        if isinstance(self.app.focused, (Input, TextArea)):
            # A prompt would take the next letters as answers; the notice says it, and counts
            # as no answer (a snooze from now: the rule in wording.ANSWER_RULES).
            if "toast" in kinds:
                self.app.notify(body, title="Stand up", timeout=10)
            self.answer("no answer")
            return
        if isinstance(self.app.screen, ModalScreen):
            return  # a dialog is open (a pain check-in): the nudge waits until it is answered
        self._push_nudge(nudge)

    def _push_nudge(self, nudge: Nudge) -> None:
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
        closing, self._closing = self._closing, False
        if answer == "break":
            self.start_break()  # the session's start records the answer
        elif answer is not None:
            self.answer(answer)
        elif not closing:  # another key closed it: no answer (a snooze from when it came up)
            self.answer("no answer")

    def answer(self, answer: Answer) -> None:
        nudge = self.timer.answer(answer)
        if nudge is not None:
            self._close_nudge()  # answered from the palette: the prompt has had its answer
            self._record(nudges=[self._nudge_record(nudge, answer)])
            if answer == "snooze":
                self.app.notify(f"Snoozed for {self.app.settings.snooze_minutes} min.", timeout=3)
        self._sync_clock(push=True)

    def start_break(self) -> None:
        info = self.app.library.routines.get(MICRO_BREAK)
        if info is None:
            self.app.notify("The micro-break routine is missing; reinstall backcoach.",
                        severity="error", timeout=8)
            return
        self.app.start_routine(info)

    def session_started(self, run: SessionRun) -> None:
        """A session began: it answers a nudge waiting, and ends the sitting stretch (kept
        when the session ends, unless it is discarded: then the stretch goes on)."""
        sat = self.timer.sitting_s()
        nudge = self.timer.session_started()
        is_break = is_micro_break(run.info)
        if is_break:
            run.counts_for_streak = self.app.settings.break_counts_for_streak
        self._session_start = (nudge, self._stretch("break" if is_break else "session", sat))
        self._sync_clock(push=True)

    def session_ended(self, counted: bool = True) -> None:
        self.timer.session_ended(counted)
        if self._session_start is not None:
            nudge, stretch = self._session_start
            self._session_start = None
            answer: Answer = "break" if counted else "no answer"
            self._record(nudges=[self._nudge_record(nudge, answer)] if nudge is not None else [],
                         stretches=[stretch] if counted else [])
        self._sync_clock(push=True)
        self._refresh_figures()

    def quit(self) -> None:
        """At unmount: the stretch under way and the clock, written now (no thread). Another
        copy still keeping the clock goes on with the stretch and its nudge."""
        if self.shared is not None:
            self.shared.alive.release()
        if self.nudge_log is None and self.app.store is not None and self.app.store_ready:
            self.nudge_log = open_nudge_log(self.app.store.folder)  # quit before its thread ran
        from coach.core.nudge.shared import clock_kept

        alone = self.nudge_log is None or not clock_kept(self.nudge_log)
        sat = self.timer.sitting_s()
        waiting = self.timer.answer("no answer") if self._delivered or alone else None
        if waiting is not None:
            self._unsaved[0].append(self._nudge_record(waiting, "no answer"))
        if alone and not self.timer.in_session and sat >= QUIT_STRETCH_MIN_S:
            self._unsaved[1].append(self._stretch("quit", sat))
        if alone and self.shared is not None:
            self.shared.ended = True  # recorded here: the next start credits no break for it
        if self.nudge_log is not None and self.app.store_ready:  # never beside a broken store
            self._write_records()
            if self.shared is not None and (alone or waiting is not None):
                self._sync_clock(push=True, force=True)  # written_at: the clock's last watch

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
