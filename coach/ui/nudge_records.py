"""What the nudges leave behind: answers and sitting stretches saved in a worker (kept and
retried when a save fails), the day's figures, the timer that `backcoach status` reads, and
settings changed from another window.

The base of NudgeDesk (nudging.py), so each file stays about one thing.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.history.counting import NO_DAY
from coach.core.history.days import training_day
from coach.core.nudge.timer import Answer, Nudge, SittingTimer
from coach.core.session.records import Settings
from coach.core.storage.errors import StoreError

if TYPE_CHECKING:  # the module loads in the thread that opens the log, off the first frame
    from coach.core.storage.nudges import (
        DayFigures,
        NudgeLog,
        NudgeRecord,
        StretchRecord,
        TimerState,
    )
    from coach.ui.app import CoachApp


def open_nudge_log(folder: Path) -> NudgeLog:
    from coach.core.storage.nudges import NudgeLog

    return NudgeLog(folder)


RESUME_WITHIN_S = 5 * 60  # a restart this soon after the last run continues its stretch
SETTINGS_RECHECK_S = 30.0


class NudgeRecords:
    """Needs what NudgeDesk.__init__ sets up: the app, the timer, the log once it is open."""

    app: CoachApp
    timer: SittingTimer
    nudge_log: NudgeLog | None

    def tick(self) -> None:  # NudgeDesk's: after a record changes what the pane shows
        raise NotImplementedError

    def _init_records(self) -> None:
        self._unsaved: tuple[list[NudgeRecord], list[StretchRecord]] = ([], [])
        self._save_lock = threading.Lock()
        self._timer_written: tuple | None = None
        self._last_run_read = False  # the last run's timer is read before this one's is written
        self.breaks_today = 0
        self.streak_days = 0
        self._disk_settings: Settings | None = None  # as last read from the file
        self._settings_checked = self.app.clock.monotonic()

    # -- records -----------------------------------------------------------------------------

    def _nudge_record(self, nudge: Nudge, answer: Answer) -> NudgeRecord:
        from coach.core.storage.nudges import NudgeRecord

        day = training_day(nudge.at, self.app.zone, self.app.settings.day_start_hour)
        return NudgeRecord(at=nudge.at, day=day, answer=answer, sitting_s=round(nudge.sitting_s),
                           insistent=nudge.insistent)

    def _stretch(self, ended_by: str, seconds: float) -> StretchRecord:
        from coach.core.storage.nudges import StretchRecord

        now = self.app.clock.now()
        day = training_day(now, self.app.zone, self.app.settings.day_start_hour)
        return StretchRecord(ended_at=now, day=day, seconds=round(seconds), ended_by=ended_by,
                             limit_s=self.app.settings.nudge_minutes * 60)

    def _record(self, nudges: Iterable[NudgeRecord] = (),
                stretches: Iterable[StretchRecord] = ()) -> None:
        self._unsaved[0].extend(nudges)
        self._unsaved[1].extend(stretches)
        if self.nudge_log is not None:
            self.app.run_worker(self._save_records, thread=True, group="nudges")

    def _save_records(self) -> None:
        """In a thread. What fails to save stays queued, and goes with the next save."""
        problem = self._write_records()
        if problem:
            self.app.call_from_thread(self.app.notify, f"Could not save the nudge record, kept to try "
                                  f"again: {problem}", severity="error", timeout=10)
        self.app.call_from_thread(self._refresh_figures)

    def _write_records(self) -> str | None:
        with self._save_lock:
            nudges, stretches = list(self._unsaved[0]), list(self._unsaved[1])
            if not nudges and not stretches:
                return None
            if self.nudge_log is None:
                return None  # kept: the log opens once the store has
            try:
                self.nudge_log.add(nudges, stretches)
            except (StoreError, OSError) as exc:
                return str(exc)
            del self._unsaved[0][: len(nudges)], self._unsaved[1][: len(stretches)]
            return None

    def _refresh_figures(self) -> None:
        if self.nudge_log is not None:
            self.app.run_worker(self._read_figures, thread=True, group="nudge-figures", exclusive=True)

    def _read_figures(self) -> None:
        if self.nudge_log is None:
            return
        today = training_day(self.app.clock.now(), self.app.zone, self.app.settings.day_start_hour)
        store = self.app.store
        try:
            # Breaks as the sessions count them (counting.py), as Progress and `status` do.
            breaks = store.day_counts().get(today, NO_DAY).breaks if store is not None else 0
            streak = self.app.streak()
        except (StoreError, OSError):
            return  # the pane keeps its last figures; the store's own screens say what broke
        self.app.call_from_thread(self._figures_read, breaks, streak)

    def _open_nudge_log(self) -> None:
        """In a thread, once the store has opened: the log, and the last run's timer."""
        assert self.app.store is not None  # started only beside a store
        log = open_nudge_log(self.app.store.folder)
        self.app.call_from_thread(self._nudge_log_opened, log, log.timer())

    def _nudge_log_opened(self, log: NudgeLog, state: TimerState | None) -> None:
        self.nudge_log = log
        self._resume_stretch(state)
        self._refresh_figures()
        self._record()  # anything answered before the log was open

    def _resume_stretch(self, state: TimerState | None) -> None:
        """A restart soon after the last run goes on with its stretch; after a longer gap the
        user may well have been up, so a new one starts."""
        now = self.app.clock.now()
        day = partial(training_day, zone=self.app.zone, day_start_hour=self.app.settings.day_start_hour)
        if (state is not None
                and 0 <= (now - state.written_at).total_seconds() <= RESUME_WITHIN_S
                and day(state.since) == day(now)):
            self.timer.carry_over((now - state.since).total_seconds())
        self._last_run_read = True
        self.tick()

    def _figures_read(self, breaks: int, streak: int) -> None:
        self.breaks_today, self.streak_days = breaks, streak

    def days(self, count: int) -> tuple[dt.date, dict[dt.date, DayFigures]]:
        """Today's training day and the figures of the last `count` days; call it in a thread."""
        today = training_day(self.app.clock.now(), self.app.zone, self.app.settings.day_start_hour)
        if self.nudge_log is None:
            return today, {}
        return today, self.nudge_log.days(today - dt.timedelta(days=count - 1), today)

    def _timer_state(self, running: bool = True) -> TimerState:
        from coach.core.storage.nudges import TimerState

        now = self.app.clock.now()
        since = now - dt.timedelta(seconds=self.timer.sitting_s())
        next_in = self.timer.next_in_s() if running else None
        due = None if next_in is None else now + dt.timedelta(seconds=next_in)
        return TimerState(since=since, due=due, written_at=now)

    def _save_timer_state(self) -> None:
        """Only when the timer changed course (an answer, a session, hours beginning)."""
        if self.nudge_log is None or not self._last_run_read:
            return
        key = (self.timer.since, self.timer.due, self.timer.in_session, self.timer.in_hours())
        if key != self._timer_written:
            self._timer_written = key
            self.app.run_worker(partial(self._write_timer, self._timer_state()), thread=True,
                            group="nudges")

    def _write_timer(self, state: TimerState) -> None:
        if self.nudge_log is None:
            return
        try:
            self.nudge_log.save_timer(state)
        except (StoreError, OSError):
            pass  # a hint for `status` only; the next change writes it again

    # -- settings from another window -----------------------------------------------------

    def _recheck_settings(self) -> None:
        """Every half minute: `backcoach settings set` in another pane reaches this one."""
        now = self.app.clock.monotonic()
        if self._disk_settings is None or now - self._settings_checked < SETTINGS_RECHECK_S:
            return
        self._settings_checked = now
        self.app.run_worker(self._read_disk_settings, thread=True, group="nudge-settings",
                        exclusive=True)

    def _read_disk_settings(self) -> None:
        if self.app.store is None:
            return
        try:
            settings = self.app.store.settings()
        except (StoreError, OSError):
            return  # the store's own screens say what is wrong with the file
        self.app.call_from_thread(self._settings_on_disk, settings)

    def _settings_on_disk(self, settings: Settings) -> None:
        # Only a change on disk is applied: a change made here whose save failed stays.
        # What this window saved itself reads back the same, and says nothing.
        if settings != self._disk_settings:
            self._disk_settings = settings
            if settings != self.app.settings:
                self.app.settings = settings
                self.app.notify("Settings changed in another window; using them now.", timeout=4)
