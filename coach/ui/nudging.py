"""The app's side of stand-up nudges: the sitting timer's tick, the nudge and its answers,
and the compact pane; what they leave behind is kept by NudgeRecords (nudge_records.py).

An object the App owns (app.nudges), like the RoutineBook: the App calls down into it at mount,
at a session's start and end, on resize and at unmount. It holds what the App lends it
(coach/ui/context.py: Running), not the App.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.screen import ModalScreen

from coach.core.content.loading import RoutineInfo
from coach.core.nudge.notify import notification
from coach.core.nudge.timer import MICRO_BREAK, Answer, Nudge, SittingTimer, rules_from
from coach.core.nudge.wording import nudge_body
from coach.core.session.recorder import SessionRun
from coach.core.storage.errors import StoreError
from coach.ui.context import Running
from coach.ui.lazy import LazyScreen
from coach.ui.nudge_records import NudgeRecords
from coach.ui.screens.compact import COMPACT_MAX, CompactScreen, PaneStatus
from coach.ui.terminal_out import write_to_terminal

if TYPE_CHECKING:
    from coach.core.nudge.log import StretchRecord
    from coach.ui.palette import Command

# The nudge prompt comes after half an hour at the earliest: its module (with the figure
# renderer) and the nudge log's (with its record models) load off the first frame.
NudgeScreen = LazyScreen("coach.ui.screens.nudge", "NudgeScreen")

NUDGE_TICK_S = 1.0  # the countdown shows seconds; the deadlines are the timer's, not ticks
QUIT_STRETCH_MIN_S = 60  # a stretch cut short by quitting is worth keeping from a minute on


def is_micro_break(info: RoutineInfo) -> bool:
    """A 90-second break every half hour asks no pain check-ins: they would be the nagging."""
    return info.routine.id == MICRO_BREAK


class Nudges:
    """The sitting timer and everything it leads to, for one app."""

    def __init__(self, parts: Running, start: str | None = None,
                 compact: bool | None = None) -> None:
        self.parts, self.ui = parts, parts.ui
        self.start_id = start
        self.compact_forced = compact  # None: chosen by the terminal's size
        settings = parts.settings()
        self.timer = SittingTimer(parts.clock, rules_from(settings, parts.zone))
        self.records = NudgeRecords(parts, self.timer, self._joined)
        self._rules_of = settings
        self._delivered = False  # this copy showed the nudge waiting (and records its answer)
        self._closing = False  # the nudge is being closed for it (answered elsewhere)
        self._session_start: tuple[Nudge | None, StretchRecord] | None = None
        from coach.nudger.idle import AwayWatch

        self.away = AwayWatch(self.timer)  # time away is a break: coach/core/nudge/away.py

    def start(self) -> None:
        self.ui.set_interval(NUDGE_TICK_S, self.tick)
        self.parts.gate.when_open(self._after_store)

    def _after_store(self) -> None:
        self.records.disk_settings = self.parts.settings()
        self.tick()
        self.records.open_log()  # then _joined
        self.fit_layout()
        if self.parts.lent.store is None:
            self.start_asked()

    def _joined(self) -> None:
        self.away.breaks.shared = self.records.shared  # one break per absence, whichever copy sees it
        self.tick()
        self.start_asked()

    def start_asked(self) -> None:
        """`backcoach start ID`: once the machine's clock is joined, so a break started from
        the nudger's popup answers the nudge waiting there, and its stretch is the clock's."""
        if self.start_id is not None:
            info = self.parts.library().routines.get(self.start_id)
            self.start_id = None
            if info is None:  # checked by the CLI; gone since (a routine file broke)
                self.parts.lent.notify("That routine is no longer there.", severity="warning",
                                       timeout=6)
            else:
                self.parts.start_routine(info)

    # -- the tick ----------------------------------------------------------------------------

    def tick(self) -> None:
        if not self.ui.screen_stack:  # closing: the interval may fire once more (ScreenStackError)
            return
        records = self.records
        records.recheck_settings()
        settings = self.parts.settings()
        if settings is not self._rules_of:  # changed on the settings screen, or on disk
            self._rules_of = settings
            self.timer.change_rules(rules_from(settings, self.parts.zone))
        if records.sync_clock():  # another copy changed course: a break there counts here
            records.refresh_figures()
            if self.timer.pending is None:
                self._close_nudge()  # answered in another copy
        self._natural_break()
        for event in self.timer.poll():
            if event.kind == "nudge":
                self._delivered = self._claim()
                if self._delivered:
                    self._show_nudge(event.nudge)
            elif self._delivered:  # only the copy that showed it records it
                records.record(nudges=[records.nudge(event.nudge, "no answer")])
                self._close_nudge()
        screen = self.ui.screen
        if isinstance(screen, CompactScreen):
            screen.status = PaneStatus(self.timer.next_in_s(), self.timer.sitting_s(),
                                       records.breaks_today, records.streak_days,
                                       self.timer.pending is not None, self.timer.in_session,
                                       self.timer.away is not None)
        if self._delivered and self.timer.pending is not None:
            self._show_waiting()
        records.sync_clock(push=True)

    def _typing(self) -> bool:
        """The focus is where keys are text: a prompt would take the next letters as answers."""
        from textual.widgets import Input, TextArea

        return isinstance(self.ui.focused, (Input, TextArea))

    def _natural_break(self) -> None:
        records, settings = self.records, self.parts.settings()
        try:
            left = self.away.tick(self.parts.clock.monotonic(), settings.away_minutes * 60,
                                  records.nudge_log, lambda job: self.ui.run_worker(
                                      job, thread=True, group="nudge-idle"))
        except (StoreError, OSError):
            return  # the clock file is unusable: away is noticed again next tick
        if left is not None:
            self._delivered = False
            self._close_nudge()
            records.record(*left.records(settings, self.parts.zone))

    def _show_waiting(self) -> None:
        """The nudge held back by a dialog comes up once the dialog is answered."""
        if isinstance(self.ui.screen, ModalScreen) or self._typing():
            return
        assert self.timer.pending is not None
        self._push_nudge(self.timer.pending)

    def _claim(self) -> bool:
        """Whether this copy delivers the nudge just due: not while the headless nudger runs,
        nor when another copy already has (one nudge per due time)."""
        shared = self.records.shared
        if shared is None:
            return True
        from coach.core.nudge.shared import nudger_running

        try:
            if nudger_running(shared.log):
                shared.hold_back()
                return False
            return shared.claim()
        except (StoreError, OSError):
            return True  # the clock file is unusable: this copy nudges on its own

    def _close_nudge(self) -> None:
        screen = self.ui.screen
        if NudgeScreen.matches(screen):
            self._closing = True
            screen.dismiss(None)

    def _show_nudge(self, nudge: Nudge) -> None:
        kinds = self.parts.settings().notify
        body = nudge_body(nudge.sitting_s)
        self.write_terminal(notification(kinds, "backcoach", body, "TMUX" in os.environ))
        # One way or the other, never both: a prompt where it can take keys, else a notice.
        if self._typing():
            # A prompt would take the next letters as answers; the notice says it, and counts
            # as no answer (a snooze from now: the rule in wording.ANSWER_RULES).
            if "toast" in kinds:
                self.parts.lent.notify(body, title="Stand up", timeout=10)
            self.answer("no answer")
            return
        if isinstance(self.ui.screen, ModalScreen):
            return  # a dialog is open (a pain check-in): the nudge waits until it is answered
        self._push_nudge(nudge)

    def _push_nudge(self, nudge: Nudge) -> None:
        if NudgeScreen.matches(self.ui.screen):
            return
        info = self.parts.library().routines.get(MICRO_BREAK)
        figure = info.steps[0].exercise.figure if info is not None else None
        self.parts.lent.push_screen(NudgeScreen(nudge, self.parts.settings().snooze_minutes,
                                                figure, self.parts.animate_every),
                                    self._nudge_answered)

    def write_terminal(self, text: str) -> None:
        """Escape sequences straight to the terminal, between frames, as App.bell does."""
        write_to_terminal(self.ui, text)

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
            self.records.record(nudges=[self.records.nudge(nudge, answer)])
            if answer == "snooze":
                self.parts.lent.notify(f"Snoozed for {self.parts.settings().snooze_minutes} min.",
                                       timeout=3)
        self.records.sync_clock(push=True)

    def start_break(self) -> None:
        info = self.parts.library().routines.get(MICRO_BREAK)
        if info is None:
            self.parts.lent.notify("The micro-break routine is missing; reinstall backcoach.",
                                   severity="error", timeout=8)
            return
        self.parts.start_routine(info)

    def session_started(self, run: SessionRun) -> None:
        """A session began: it answers a nudge waiting, and ends the sitting stretch (kept
        when the session ends, unless it is discarded: then the stretch goes on)."""
        sat = self.timer.sitting_s()
        nudge = self.timer.session_started()
        is_break = is_micro_break(run.info)
        if is_break:
            run.counts_for_streak = self.parts.settings().break_counts_for_streak
        self._session_start = (nudge, self.records.stretch("break" if is_break else "session", sat))
        self.records.sync_clock(push=True)

    def session_ended(self, counted: bool = True) -> None:
        records = self.records
        self.timer.session_ended(counted)
        if self._session_start is not None:
            nudge, stretch = self._session_start
            self._session_start = None
            answer: Answer = "break" if counted else "no answer"
            records.record(nudges=[records.nudge(nudge, answer)] if nudge is not None else [],
                           stretches=[stretch] if counted else [])
        records.sync_clock(push=True)
        records.refresh_figures()

    def quit(self) -> None:
        """At unmount: the stretch under way and the clock, written now (no thread). Another
        copy still keeping the clock goes on with the stretch and its nudge."""
        records = self.records
        if records.shared is not None:
            records.shared.alive.release()
        records.open_now()  # quit before its job ran
        from coach.core.nudge.shared import clock_kept

        alone = records.nudge_log is None or not clock_kept(records.nudge_log)
        sat = self.timer.sitting_s()
        waiting = self.timer.answer("no answer") if self._delivered or alone else None
        if waiting is not None:
            records.unsaved[0].append(records.nudge(waiting, "no answer"))
        if alone and not self.timer.in_session and sat >= QUIT_STRETCH_MIN_S:
            records.unsaved[1].append(records.stretch("quit", sat))
        if alone and records.shared is not None:
            records.shared.ended = True  # recorded here: the next start credits no break for it
        if records.nudge_log is not None and self.parts.gate.is_open:  # never beside a broken store
            records.write_now()
            if records.shared is not None and (alone or waiting is not None):
                records.sync_clock(push=True, force=True)  # written_at: the clock's last watch

    # -- layout and commands -----------------------------------------------------------------

    def fit_layout(self) -> None:
        """The compact pane over the picker in a small terminal (or when asked for)."""
        size = self.ui.size
        small = size.width <= COMPACT_MAX[0] or size.height <= COMPACT_MAX[1]
        want = self.compact_forced if self.compact_forced is not None else small
        on_top = isinstance(self.ui.screen, CompactScreen)
        from coach.ui.screens.picker import PickerScreen

        if want and not on_top and isinstance(self.ui.screen, PickerScreen):
            self.parts.lent.push_screen(CompactScreen())
            self.tick()
        elif not want and on_top:
            self.ui.pop_screen()

    def leave_compact(self) -> None:
        self.compact_forced = False
        self.fit_layout()

    def commands(self) -> Iterable[Command]:
        """(name, help, action) for the command palette."""
        yield ("Stand-up break now", "The micro-break, and the nudge answered",
               self.start_break)
        if self.timer.pending is not None:
            yield ("Snooze the nudge", f"{self.parts.settings().snooze_minutes} min",
                   partial(self.answer, "snooze"))
            yield ("Skip the nudge", "Until the next interval", partial(self.answer, "skip"))
