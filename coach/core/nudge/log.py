"""Breaks as data: every nudge and what the user did about it, and every sitting stretch.

Layout, inside this machine's own folder of the data folder (the top one for the machine that
owns it, machines/<id>/ for every other; see coach/core/storage/folder.py):

    nudges/2026-11.json   the nudges and stretches whose training day is in that month
    nudges/timer.json     this machine's sitting clock in wall time: every open copy, the
                          nudger and `backcoach status` read it (coach/core/nudge/shared.py)
    nudges/.lock          held while a nudges file is written
    nudges/clock.alive    each running copy holds a shared lock on it (is anyone keeping time?)
    nudges/nudger.lock    the headless nudger's, so it never runs twice for one machine

Each machine writes only its own nudges folder and reads everyone's: the figures are the union
of every machine's month files and of any conflict copy a sync tool left, each record once.
A month file is small (a few hundred entries), so an answer rewrites one of them; the atomic
write and the checks come from datafile, and a file that cannot be read is never written over.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import AwareDatetime, Field, ValidationError

from coach.core.content.errors import describe
from coach.core.disk import make_folder, write_atomic
from coach.core.nudge.timer import Answer, Nudge
from coach.core.session.records import Record
from coach.core.storage.errors import StoreError, bad_file
from coach.core.storage.files import read_bytes
from coach.core.storage.folder import DataFolder
from coach.core.storage.listing import data_files_in
from coach.core.storage.locking import FolderLock
from coach.core.storage.witness import after_write, before_write
from coach.core.time.days import training_day

FOLDER = "nudges"
TIMER_FILE = "timer.json"
LOCK_FILE = ".lock"
NUDGES_SCHEMA = 1
ANSWER_GRACE_S = 120  # a stretch ended this soon after its nudge still moved on time

M = TypeVar("M", bound=Record)
StretchEnd = Literal["break", "session", "quit", "away"]
# How a break was noticed: taken in backcoach, or the user was away (no input in tmux, the
# desktop idle or locked, the machine asleep).
Noticed = Literal["", "tmux", "desktop", "sleep"]


class NudgeRecord(Record):
    """One nudge and what the user did: started a break, snoozed, skipped, or no answer."""

    at: AwareDatetime
    day: dt.date
    answer: Answer
    sitting_s: int = Field(ge=0)
    insistent: bool = False


class StretchRecord(Record):
    """One sitting stretch, from a break (or the app's start) to the next break or session."""

    ended_at: AwareDatetime
    day: dt.date
    seconds: int = Field(ge=0)
    ended_by: StretchEnd
    limit_s: int = Field(ge=60)  # the nudge interval then
    noticed: Noticed = ""  # for an "away" break: what saw the user leave

    @property
    def on_time(self) -> bool:
        """The user got up within the interval (and a moment to answer)."""
        return self.ended_by != "quit" and self.seconds <= self.limit_s + ANSWER_GRACE_S


class NudgeMonth(Record):
    schema_version: int = NUDGES_SCHEMA
    nudges: tuple[NudgeRecord, ...] = ()
    stretches: tuple[StretchRecord, ...] = ()


class TimerState(Record):
    """This machine's sitting clock as wall times: since the last break, and the next nudge.

    Every copy that keeps time writes it when the clock changes course, with rev one up and
    its own name, and adopts what another copy wrote (see coach/core/nudge/shared.py).
    """

    since: AwareDatetime
    due: AwareDatetime | None  # None only in files from before the clock was shared
    written_at: AwareDatetime
    rev: int = Field(0, ge=0)
    writer: str = Field("", max_length=80)
    snoozes: int = Field(0, ge=0, le=1000)
    pending_at: AwareDatetime | None = None  # a nudge came up then, and waits for an answer
    number: int = Field(0, ge=0)  # nudges so far, for the posture tip
    in_session: bool = False
    away_since: AwareDatetime | None = None  # the user went away then (a natural break)
    away_noticed: Noticed = ""
    ended: bool = False  # the last copy to close recorded the stretch so far (a "quit")


@dataclass(frozen=True)
class DayFigures:
    nudges: int = 0
    breaks: int = 0  # micro-breaks taken, from a nudge or not
    snoozed: int = 0
    skipped: int = 0
    unanswered: int = 0
    longest_s: int = 0  # the longest sitting stretch
    stretches: int = 0
    on_time: int = 0  # stretches ended by moving within the interval


def day_figures(month: NudgeMonth) -> dict[dt.date, DayFigures]:
    """Per training day: nudges and answers, breaks, the longest stretch, stretches on time."""
    days: dict[dt.date, dict[str, int]] = {}
    answer_field = {"snooze": "snoozed", "skip": "skipped", "no answer": "unanswered"}
    for nudge in month.nudges:
        day = days.setdefault(nudge.day, {})
        day["nudges"] = day.get("nudges", 0) + 1
        if nudge.answer in answer_field:
            name = answer_field[nudge.answer]
            day[name] = day.get(name, 0) + 1
    for stretch in month.stretches:
        day = days.setdefault(stretch.day, {})
        day["stretches"] = day.get("stretches", 0) + 1
        day["breaks"] = day.get("breaks", 0) + (stretch.ended_by in ("break", "away"))
        day["on_time"] = day.get("on_time", 0) + stretch.on_time
        day["longest_s"] = max(day.get("longest_s", 0), stretch.seconds)
    return {day: DayFigures(**values) for day, values in sorted(days.items())}


def nudge_record(nudge: Nudge, answer: Answer, zone: str, day_start_hour: int) -> NudgeRecord:
    """What a nudge and its answer leave in the log (the app and the nudger alike)."""
    day = training_day(nudge.at, zone, day_start_hour)
    return NudgeRecord(at=nudge.at, day=day, answer=answer, sitting_s=round(nudge.sitting_s),
                       insistent=nudge.insistent)


def stretch_record(ended_at: dt.datetime, seconds: float, ended_by: StretchEnd, limit_s: float,
                   zone: str, day_start_hour: int, noticed: Noticed = "") -> StretchRecord:
    """One sitting stretch, ended by a break, a session, quitting, or the user going away."""
    return StretchRecord(ended_at=ended_at, day=training_day(ended_at, zone, day_start_hour),
                         seconds=max(0, round(seconds)), ended_by=ended_by,
                         limit_s=max(60, round(limit_s)), noticed=noticed)


def _month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


class NudgeLog:
    """The nudges kept in one data folder. Reads create nothing; writes are atomic and locked,
    and go only to this machine's own folder."""

    def __init__(self, data_folder: Path, machine: str | None = None) -> None:
        self.place = DataFolder(Path(data_folder), machine)
        self._lock: FolderLock | None = None

    @property
    def folder(self) -> Path:
        """This machine's nudges folder, the only one it writes."""
        return self.place.home / FOLDER

    def reading_dir(self) -> Path:
        """The same folder for reading, which claims nothing."""
        return self._own()

    def _own(self) -> Path:
        """Where this machine's nudges are now, for reading (an old folder's top until its
        next write moves them)."""
        return self.place.own_dir() / FOLDER

    def add(self, nudges: Iterable[NudgeRecord] = (), stretches: Iterable[StretchRecord] = ()) -> None:
        """Append to the month files; every file is read and checked before the first write."""
        by_month: dict[str, tuple[list[NudgeRecord], list[StretchRecord]]] = {}
        for nudge in nudges:
            by_month.setdefault(_month_of(nudge.day), ([], []))[0].append(nudge)
        for stretch in stretches:
            by_month.setdefault(_month_of(stretch.day), ([], []))[1].append(stretch)
        if not by_month:
            return
        with self.locked():
            old = {month: self.month(month) for month in by_month}
            for month, (new_nudges, new_stretches) in sorted(by_month.items()):
                merged = old[month].model_copy(update={
                    "nudges": old[month].nudges + tuple(new_nudges),
                    "stretches": old[month].stretches + tuple(new_stretches),
                })
                before_write(self._path(month))  # see witness.py
                write_atomic(self._path(month), merged.model_dump_json().encode())
                after_write(self._path(month))

    def month(self, month: str) -> NudgeMonth:
        """This machine's file of one month ('2026-11'); an empty month when there is none."""
        return _read_month(self._own() / f"{month}.json")

    def days(self, first: dt.date, last: dt.date) -> dict[dt.date, DayFigures]:
        """Figures for the training days from first to last, over every machine's files of
        their months. Another machine's file that cannot be read (half synced, from a newer
        backcoach) is left out; this machine's own must read, as before any write."""
        low, high = _month_of(first), _month_of(last)
        nudges: list[NudgeRecord] = []
        stretches: list[StretchRecord] = []
        own = self._own()
        for _, home in self.place.source_dirs():
            try:
                files = _month_files(home / FOLDER, low, high)
            except StoreError:  # a link where another machine's folder should be: not read
                if home / FOLDER == own:
                    raise
                files = []
            for path, copy in files:
                try:
                    found = _read_month(path)
                except StoreError:
                    if path.parent == own and not copy:
                        raise
                    continue
                if copy:  # mostly what its own file holds: only what that one lacks counts
                    found = found.model_copy(update={
                        "nudges": tuple(set(found.nudges) - set(nudges)),
                        "stretches": tuple(set(found.stretches) - set(stretches)),
                    })
                nudges += found.nudges
                stretches += found.stretches
        union = NudgeMonth(nudges=tuple(nudges), stretches=tuple(stretches))
        return {d: f for d, f in day_figures(union).items() if first <= d <= last}

    def save_timer(self, state: TimerState) -> None:
        with self.locked():
            write_atomic(self.folder / TIMER_FILE, state.model_dump_json().encode())

    def timer(self) -> TimerState | None:
        """The timer the app last wrote, or None (no app has run, or the file is unreadable:
        it is only a hint for the status line, rewritten at the next answer)."""
        try:
            raw = read_bytes(self._own() / TIMER_FILE)
        except StoreError:
            return None
        if raw is None:
            return None
        try:
            return TimerState.model_validate_json(raw)
        except ValidationError:
            return None

    def _path(self, month: str) -> Path:
        return self.folder / f"{month}.json"

    @contextmanager
    def locked(self) -> Iterator[None]:
        try:
            with self.place.locked():  # follows a move, and moves an old folder's top files
                folder = self.folder
                make_folder(folder)
                if self._lock is None or self._lock.path != folder / LOCK_FILE:
                    self._lock = FolderLock(folder / LOCK_FILE)  # the store's kind, its own file
            with self._lock.held():
                yield
        except OSError as exc:
            path = Path(exc.filename) if exc.filename else self.folder
            raise StoreError(f"{path}: cannot be written ({exc.strerror}); check the disk space "
                             "and the permissions", path) from None


def _month_files(folder: Path, low: str, high: str) -> list[tuple[Path, bool]]:
    """(file, is a conflict copy) for a nudges folder's month files from low to high, each
    month's own file before its copies; temp files, set-aside files and the rest are not read."""
    return [(path, path.name != f"{month}.json")
            for month, paths in sorted(data_files_in(folder, len("2026-11")).items())
            if low <= month <= high for path in paths]


def _read_month(path: Path) -> NudgeMonth:
    return read_checked(path, NudgeMonth, NUDGES_SCHEMA, "nudges") or NudgeMonth()


def read_checked(path: Path, model: type[M], schema: int, what: str) -> M | None:
    """A JSON file of the nudges folder, checked: None when there is none; a StoreError naming
    the file and the fix when it is not JSON, is from a newer backcoach, or does not fit."""
    raw = read_bytes(path)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise bad_file(path, "is not valid JSON") from None
    if isinstance(data, dict) and data.get("schema_version", 0) > schema:
        raise StoreError(f"{path} was written by a newer backcoach; upgrade backcoach", path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise bad_file(path, describe(what, exc)[0].removeprefix(f"{what}: ")) from None
