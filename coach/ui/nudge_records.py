"""What the nudges leave behind: answers and sitting stretches saved by the one writer (kept
and retried when a save fails), the day's figures, the machine's sitting clock that every copy
and `backcoach status` read, and settings changed from another window.

Owned by Nudges (nudging.py), which decides when; this keeps the files. Every call on a file
of the store's folder, the nudge log's included, is a job of the App's one StoreWriter, and
its answer comes back on the UI thread.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.history.progress import streaks
from coach.core.nudge.timer import Answer, Nudge, SittingTimer
from coach.core.session.counting import NO_DAY
from coach.core.settings.model import Settings
from coach.core.storage.errors import StoreError
from coach.core.text import terminal_safe
from coach.core.time.days import training_day
from coach.ui.context import Running

if TYPE_CHECKING:  # the module loads in the writer's thread that opens the log, off the first frame
    from coach.core.nudge.log import (
        DayFigures,
        NudgeLog,
        NudgeRecord,
        StretchEnd,
        StretchRecord,
        TimerState,
    )
    from coach.core.nudge.shared import SharedClock


def open_nudge_log(folder: Path) -> NudgeLog:
    from coach.core.nudge.log import NudgeLog

    return NudgeLog(folder)


_COPIES = itertools.count(1)  # names two apps of one process apart (tests run them so)
SETTINGS_RECHECK_S = 30.0

Opened = tuple["NudgeLog", "SharedClock", "TimerState | None", bool]


class NudgeRecords:
    def __init__(self, parts: Running, timer: SittingTimer, joined: Callable[[], None]) -> None:
        self.parts, self.lent, self.timer = parts, parts.lent, timer
        self.joined = joined  # once the log is open and the clock joined: the nudges go on
        self.nudge_log: NudgeLog | None = None  # opened by the writer once the store has opened
        self.shared: SharedClock | None = None
        self.unsaved: tuple[list[NudgeRecord], list[StretchRecord]] = ([], [])
        self._save_lock = threading.Lock()  # the writer's thread, or the UI's at quit
        self.breaks_today = 0
        self.streak_days = 0
        self.disk_settings: Settings | None = None  # as last read from the file
        self._settings_checked = parts.clock.monotonic()

    # -- records -----------------------------------------------------------------------------

    def nudge(self, nudge: Nudge, answer: Answer) -> NudgeRecord:
        from coach.core.nudge.log import nudge_record

        return nudge_record(nudge, answer, self.parts.zone, self.parts.settings().day_start_hour)

    def stretch(self, ended_by: StretchEnd, seconds: float) -> StretchRecord:
        from coach.core.nudge.log import stretch_record

        settings = self.parts.settings()
        return stretch_record(self.parts.clock.now(), seconds, ended_by,
                              settings.nudge_minutes * 60, self.parts.zone,
                              settings.day_start_hour)

    def record(self, nudges: Iterable[NudgeRecord] = (),
               stretches: Iterable[StretchRecord] = ()) -> None:
        """Keep these, and save what is kept once the log is open."""
        self.unsaved[0].extend(nudges)
        self.unsaved[1].extend(stretches)
        if self.nudge_log is not None:
            self.lent.writer.write("save the nudge record", self.write_now, self._saved)

    def _saved(self, problem: str | None) -> None:
        if problem:
            self.lent.notify(f"Could not save the nudge record, kept to try again: {problem}",
                             severity="error", timeout=10)
        self.refresh_figures()

    def write_now(self) -> str | None:
        """Save what is kept, here and now; what fails stays kept and goes with the next save."""
        with self._save_lock:
            nudges, stretches = list(self.unsaved[0]), list(self.unsaved[1])
            if not nudges and not stretches:
                return None
            if self.nudge_log is None:
                return None  # kept: the log opens once the store has
            try:
                self.nudge_log.add(nudges, stretches)
            except (StoreError, OSError) as exc:
                return str(exc)
            del self.unsaved[0][: len(nudges)], self.unsaved[1][: len(stretches)]
            return None

    # -- the day's figures -------------------------------------------------------------------

    def refresh_figures(self) -> None:
        if self.nudge_log is not None:  # a figure that cannot be read keeps the last one shown
            self.lent.writer.write("read today's breaks", self._read_figures, self._figures_read,
                                   lambda problem: None)

    def _read_figures(self) -> tuple[int, int]:
        today, store = self.parts.today(), self.lent.store
        if store is None:
            return 0, 0
        # Breaks as the sessions count them (counting.py), as Progress and `status` do.
        breaks = store.day_counts().get(today, NO_DAY).breaks
        return breaks, streaks(store.session_days(), today)[0]

    def _figures_read(self, figures: tuple[int, int]) -> None:
        self.breaks_today, self.streak_days = figures

    def days(self, count: int) -> tuple[dt.date, dict[dt.date, DayFigures]]:
        """Today's training day and the figures of the last `count` days; call it in a thread."""
        today = self.parts.today()
        if self.nudge_log is None:
            return today, {}
        return today, self.nudge_log.days(today - dt.timedelta(days=count - 1), today)

    def days_between(self, first: dt.date, last: dt.date) -> dict[dt.date, DayFigures]:
        """The figures of the days first..last (none before the log is open); in a thread."""
        return {} if self.nudge_log is None else self.nudge_log.days(first, last)

    # -- the log and the machine's clock -----------------------------------------------------

    def open_log(self) -> None:
        """Once the store has opened: the log, and the machine's clock, in the writer."""
        if self.lent.store is not None:
            self.lent.writer.write("open the nudge log", self._open_log, self._log_opened)

    def _open_log(self) -> Opened:
        from coach.core.nudge.shared import SharedClock, clock_kept

        assert self.lent.store is not None  # started only beside a store
        log = open_nudge_log(self.lent.store.folder)
        shared = SharedClock(log, self.timer, f"app {os.getpid()}.{next(_COPIES)}")
        kept = clock_kept(log)  # before this copy joins in
        shared.alive.hold()
        return log, shared, log.timer(), kept

    def _log_opened(self, opened: Opened) -> None:
        self.nudge_log, self.shared, state, kept = opened
        if self.shared.alive.problem:  # a FIFO at clock.alive: `status` cannot see this copy
            self.lent.notify(terminal_safe(self.shared.alive.problem), severity="warning",
                             timeout=15, markup=False)
        self._join_clock(state, kept)
        self.joined()
        self.refresh_figures()
        self.record()  # anything answered before the log was open

    def open_now(self) -> None:
        """At quit, when the log's job never ran: open it here and now (never beside a store
        that did not open)."""
        store = self.lent.store
        if self.nudge_log is None and store is not None and self.parts.gate.is_open:
            self.nudge_log = open_nudge_log(store.folder)

    def _join_clock(self, state: TimerState | None, kept: bool) -> None:
        """Another copy keeping the clock: this one goes by it. Otherwise a restart within
        away_minutes of the last run goes on with its stretch; a longer gap was time away."""
        assert self.shared is not None
        from coach.core.nudge.away import gap_break
        from coach.core.nudge.shared import last_heard

        now, settings = self.parts.clock.now(), self.parts.settings()
        day = partial(training_day, zone=self.parts.zone, day_start_hour=settings.day_start_hour)
        heard = last_heard(self.shared.log, state) if state is not None else now
        go_on, left = gap_break(state, kept, heard, now, settings.away_minutes * 60)
        if go_on and (kept or state is not None and day(state.since) == day(now)):
            self.shared.pull(kept)
        if left is not None:  # nothing ran through the gap: it was time away (away.py)
            self.record(*left.records(settings, self.parts.zone))
        self.sync_clock(push=True)

    def sync_clock(self, push: bool = False, force: bool = False) -> bool:
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

    def recheck_settings(self) -> None:
        """Every half minute: `backcoach settings set` in another pane reaches this one."""
        now = self.parts.clock.monotonic()
        store = self.lent.store
        if (store is None or self.disk_settings is None
                or now - self._settings_checked < SETTINGS_RECHECK_S):
            return
        self._settings_checked = now
        # The store's own screens say what is wrong with the file: nothing said here.
        self.lent.writer.write("read your settings", store.settings, self._settings_on_disk,
                               lambda problem: None)

    def _settings_on_disk(self, settings: Settings) -> None:
        # Only a change on disk is applied: a change made here whose save failed stays.
        # What this window saved itself reads back the same, and says nothing.
        if settings != self.disk_settings:
            self.disk_settings = settings
            if settings != self.parts.settings():
                self.parts.adopt_settings(settings)
                self.lent.notify("Settings changed in another window; using them now.", timeout=4)
