"""What the nudges leave behind: answers and sitting stretches saved in a worker (kept and
retried when a save fails), the day's figures, the timer that `backcoach status` reads, and
settings changed from another window.

The base of NudgeDesk (nudging.py), so each file stays about one thing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.nudge.timer import Answer, Nudge, SittingTimer
from coach.core.session.counting import NO_DAY
from coach.core.settings.model import Settings
from coach.core.storage.errors import StoreError
from coach.core.time.days import training_day

if TYPE_CHECKING:  # the module loads in the thread that opens the log, off the first frame
    from coach.core.nudge.log import (
        DayFigures,
        NudgeLog,
        NudgeRecord,
        StretchEnd,
        StretchRecord,
        TimerState,
    )
    from coach.core.nudge.shared import SharedClock
    from coach.nudger.idle import AwayWatch
    from coach.ui.app import CoachApp


def open_nudge_log(folder: Path) -> NudgeLog:
    from coach.core.nudge.log import NudgeLog

    return NudgeLog(folder)


_COPIES = itertools.count(1)  # names two apps of one process apart (tests run them so)
SETTINGS_RECHECK_S = 30.0


class NudgeRecords:
    """Needs what NudgeDesk.__init__ sets up: the app, the timer, the log once it is open."""

    app: CoachApp
    timer: SittingTimer
    nudge_log: NudgeLog | None
    shared: SharedClock | None
    away: AwayWatch

    def tick(self) -> None:  # NudgeDesk's: after a record changes what the pane shows
        raise NotImplementedError

    def start_asked(self) -> None:  # NudgeDesk's: the routine `backcoach start` named
        raise NotImplementedError

    def _init_records(self) -> None:
        self._unsaved: tuple[list[NudgeRecord], list[StretchRecord]] = ([], [])
        self._save_lock = threading.Lock()
        self.shared = None
        self.breaks_today = 0
        self.streak_days = 0
        self._disk_settings: Settings | None = None  # as last read from the file
        self._settings_checked = self.app.clock.monotonic()

    # -- records -----------------------------------------------------------------------------

    def _nudge_record(self, nudge: Nudge, answer: Answer) -> NudgeRecord:
        from coach.core.nudge.log import nudge_record

        return nudge_record(nudge, answer, self.app.zone, self.app.settings.day_start_hour)

    def _stretch(self, ended_by: StretchEnd, seconds: float) -> StretchRecord:
        from coach.core.nudge.log import stretch_record

        return stretch_record(self.app.clock.now(), seconds, ended_by,
                              self.app.settings.nudge_minutes * 60, self.app.zone,
                              self.app.settings.day_start_hour)

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
        """In a thread, once the store has opened: the log, and the machine's clock."""
        from coach.core.nudge.shared import SharedClock, clock_kept

        assert self.app.store is not None  # started only beside a store
        log = open_nudge_log(self.app.store.folder)
        shared = SharedClock(log, self.timer, f"app {os.getpid()}.{next(_COPIES)}")
        kept = clock_kept(log)  # before this copy joins in
        shared.alive.hold()
        self.app.call_from_thread(self._nudge_log_opened, log, shared, log.timer(), kept)

    def _nudge_log_opened(self, log: NudgeLog, shared: SharedClock, state: TimerState | None,
                          kept: bool) -> None:
        self.nudge_log = log
        self.shared = shared
        self.away.breaks.shared = shared  # one break per absence, whichever copy sees it
        self._join_clock(state, kept)
        self.start_asked()
        self._refresh_figures()
        self._record()  # anything answered before the log was open

    def _join_clock(self, state: TimerState | None, kept: bool) -> None:
        """Another copy keeping the clock: this one goes by it. Otherwise a restart within
        away_minutes of the last run goes on with its stretch; a longer gap was time away."""
        assert self.shared is not None
        from coach.core.nudge.away import gap_break
        from coach.core.nudge.shared import last_heard

        now = self.app.clock.now()
        day = partial(training_day, zone=self.app.zone, day_start_hour=self.app.settings.day_start_hour)
        heard = last_heard(self.shared.log, state) if state is not None else now
        go_on, left = gap_break(state, kept, heard, now, self.app.settings.away_minutes * 60)
        if go_on and (kept or state is not None and day(state.since) == day(now)):
            self.shared.pull()
        if left is not None:  # nothing ran through the gap: it was time away (away.py)
            self._record(*left.records(self.app.settings, self.app.zone))
        self._sync_clock(push=True)
        self.tick()

    def _figures_read(self, breaks: int, streak: int) -> None:
        self.breaks_today, self.streak_days = breaks, streak

    def days(self, count: int) -> tuple[dt.date, dict[dt.date, DayFigures]]:
        """Today's training day and the figures of the last `count` days; call it in a thread."""
        today = training_day(self.app.clock.now(), self.app.zone, self.app.settings.day_start_hour)
        if self.nudge_log is None:
            return today, {}
        return today, self.nudge_log.days(today - dt.timedelta(days=count - 1), today)

    def days_between(self, first: dt.date, last: dt.date) -> dict[dt.date, DayFigures]:
        """The figures of the days first..last (none before the log is open); in a thread."""
        return {} if self.nudge_log is None else self.nudge_log.days(first, last)

    def _sync_clock(self, push: bool = False, force: bool = False) -> bool:
        """Pull what another copy changed, or push this copy's change; True when pulled.
        A file that cannot be read or written leaves this copy counting on its own."""
        if self.shared is None:
            return False
        try:
            if push:
                self.shared.push(force)
                return False
            return self.shared.pull()
        except (StoreError, OSError):
            return False

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
