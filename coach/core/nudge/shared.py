"""One sitting clock per machine, shared by every open copy, the headless nudger and `status`.

The clock lives in this machine's own nudges folder (timer.json, wall times: no file there is
written by another machine). A copy that changes the clock's course (an answer, a break, a
session, a sleep) writes it with the revision one up and its own name; every copy looks at the
file each tick (a stat; a read only when it changed) and adopts a revision another copy wrote,
so a break taken in one copy resets the stretch in all of them within a tick.

A nudge that comes due is delivered once, whoever delivers it: the copy that sees it first
claims it under the nudges lock (pending_at set); the others see it waiting and stay quiet.
While the headless nudger runs (it holds nudger.lock), the apps leave the delivering to it.

Each copy that keeps time holds a shared lock on clock.alive; `status` tries the exclusive one
to learn whether anybody is keeping time now, and so whether the stretch in the file is still
being counted or ended when the last copy closed.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import stat
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

from coach.core.disk import NotAFile, make_folder, open_lock_file
from coach.core.nudge.log import NudgeLog, TimerState
from coach.core.nudge.timer import Away, SittingTimer, WallView
from coach.core.storage.errors import write_error
from coach.core.storage.locking import lock_file_problem

ALIVE_FILE = "clock.alive"
NUDGER_FILE = "nudger.lock"
HEARTBEAT_S = 60.0  # each copy stamps clock.alive this often: when it was last seen running
SESSION_STALE_S = 3 * 3600  # a copy that died in a session must not silence the rest for ever


class Presence:
    """A lock held while this process runs: shared (one of many copies) or exclusive (the
    only nudger). The kernel drops it when the process dies, so nothing goes stale."""

    def __init__(self, path: Path, exclusive: bool = False) -> None:
        self.path = path
        self.exclusive = exclusive
        self._fd: int | None = None
        # Why the last hold() failed when it was not another holder: a line naming the fix.
        self.problem: str | None = None

    def hold(self) -> bool:
        """Take it; False when another process holds it (exclusive) or it cannot be made (then
        `problem` says why: a FIFO or a folder there is no other nudger)."""
        if self._fd is not None:
            return True
        self.problem = None
        try:
            make_folder(self.path.parent)
            fd = open_lock_file(self.path)
        except (IsADirectoryError, NotAFile) as exc:
            self.problem = str(lock_file_problem(exc, self.path))
            return False
        except OSError as exc:
            self.problem = str(write_error(exc, self.path))
            return False
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        if self.exclusive:
            with suppress(OSError):
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return True

    def beat(self, at: dt.datetime) -> None:
        """Stamp the file's time with `at`: the last time this copy was seen keeping time."""
        if self._fd is not None:
            stamp = at.timestamp()
            with suppress(OSError, NotImplementedError):
                os.utime(self._fd if os.utime in os.supports_fd else self.path, (stamp, stamp))

    def release(self) -> None:
        if self._fd is not None:
            with suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def held_by_someone(path: Path) -> bool:
    """Whether any process holds a lock on the file (tried without waiting, never created)."""
    try:  # without waiting: a FIFO put there (by hand, a sync tool) blocked `status` for ever
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO or a device is no lock of ours
        os.close(fd)
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops a lock this probe took
    return False


def nudger_running(log: NudgeLog) -> bool:
    return held_by_someone(log.reading_dir() / NUDGER_FILE)


def clock_kept(log: NudgeLog) -> bool:
    """Whether some copy (an app, a compact pane, the nudger) is keeping the clock now."""
    return held_by_someone(log.reading_dir() / ALIVE_FILE)


def last_heard(log: NudgeLog, state: TimerState) -> dt.datetime:
    """When a copy was last seen keeping the clock: its last write, or its last heartbeat."""
    try:
        beat = dt.datetime.fromtimestamp(os.stat(log.reading_dir() / ALIVE_FILE).st_mtime,
                                         dt.UTC)
    except (OSError, OverflowError, ValueError):
        return state.written_at
    return max(state.written_at, beat)


def view_of(state: TimerState, now: dt.datetime, interval_s: float) -> WallView:
    in_session = state.in_session and (now - state.written_at).total_seconds() < SESSION_STALE_S
    due = state.due or state.since + dt.timedelta(seconds=interval_s)
    return WallView(state.since, due, state.snoozes, state.pending_at, state.number, in_session)


class SharedClock:
    """A copy's side of the machine's clock: pull what others wrote, push its own changes."""

    def __init__(self, log: NudgeLog, timer: SittingTimer, who: str) -> None:
        self.log = log
        self.timer = timer
        self.who = who[:80]
        self._seen: tuple[int, str] | None = None  # the revision adopted or written last
        self._stat: tuple[int, int, int] | None = None
        self._course: tuple | None = None
        self.alive = Presence(self.log.folder / ALIVE_FILE)
        self.ended = False  # set as the last copy closes, having recorded the stretch so far
        self._beat_at: float | None = None

    def _file(self) -> Path:
        return self.log.reading_dir() / "timer.json"

    def _file_stat(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self._file())
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def state(self) -> TimerState | None:
        return self.log.timer()

    def pull(self, kept: bool = True) -> bool:
        """Adopt a revision another copy wrote since the last look; True when one was.
        kept=False (no copy keeps the clock now, see clock_kept): a session in the file is
        one whose copy died (killed, its terminal lost), so it holds no nudge back; adopted
        as it was, it said "after the one under way" for as long as this copy ran."""
        stat = self._file_stat()
        if stat is None or stat == self._stat:
            return False
        self._stat = stat
        state = self.log.timer()
        if state is None or not state.writer or (state.rev, state.writer) == self._seen:
            return False
        self._adopt(state, kept)
        return True

    def _adopt(self, state: TimerState, kept: bool = True) -> None:
        self._seen = (state.rev, state.writer)
        view = view_of(state, self.timer.clock.now(), self.timer.rules.interval_s)
        dead = not kept and view.in_session
        self.timer.adopt(replace(view, in_session=False) if dead else view)
        self.timer.away = (Away(state.away_since, state.away_noticed) if state.away_since
                           else None)
        self._course = None if dead else self.timer.course()  # a dead session: push says so

    def changed(self) -> bool:
        return self.timer.course() != self._course

    def hold_back(self) -> None:
        """Leave a nudge that came up here to the nudger: its claim writes it, not this."""
        self._course = self.timer.course()

    def push(self, force: bool = False) -> None:
        """Write this copy's course when it changed (or when forced), one revision up."""
        mono = self.timer.clock.monotonic()
        if self._beat_at is None or mono - self._beat_at >= HEARTBEAT_S:
            self._beat_at = mono
            self.alive.beat(self.timer.clock.now())
        if not force and not self.changed():
            return
        with self.log.locked():
            self._write(self.log.timer())

    def claim(self) -> bool:
        """The nudge that just came up here: deliver it (True), or another copy already has
        one waiting (False, and this copy shows it waiting)."""
        with self.log.locked():
            current = self.log.timer()
            now = self.timer.clock.now()
            if (current is not None and current.writer and current.writer != self.who
                    and current.pending_at is not None
                    and (now - current.pending_at).total_seconds() < self.timer.rules.snooze_s):
                self._adopt(current)  # another copy's nudge, still waiting for its answer
                return False
            self._write(current)
            return True

    def leave(self, apply: Callable[[], None]) -> bool:
        """The user went away, seen here: apply it and write it (True), unless another copy
        saw it first (False, and this copy goes by that one): one break, whoever notices."""
        with self.log.locked():
            current = self.log.timer()
            if current is not None and current.away_since is not None and current.writer != self.who:
                self._adopt(current)
                return False
            apply()
            self._write(current)
            return True

    def _write(self, current: TimerState | None) -> None:
        view = self.timer.view()
        rev = (current.rev if current is not None else 0) + 1
        away = self.timer.away
        away_since, noticed = (away.since, away.noticed) if away else (None, "")
        state = TimerState(since=view.since, due=view.due, written_at=self.timer.clock.now(),
                           rev=rev, writer=self.who, snoozes=view.snoozes,
                           pending_at=view.pending_at, number=view.number,
                           in_session=view.in_session, away_since=away_since,
                           away_noticed=noticed,  # type: ignore[arg-type]
                           ended=self.ended)
        self.log.save_timer(state)
        self._seen = (rev, self.who)
        self._course = self.timer.course()
        self._stat = self._file_stat()
