"""Kinds of damage to a data folder, generated: each file's bytes, each record's fields, the
folder's shape. Each kind damages a fresh folder and returns the path it changed.

The history ends on LAST_DAY in the newest month file, and the record damaged is the one of
that day, so `status` (which reads the newest day) and `export` (which reads every month) both
meet it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from coach.core.content.models import Dosing, Routine
from coach.core.session.records import SessionRecord, StepResult
from coach.core.settings.model import Settings
from coach.core.storage.store import Store

UTC = dt.UTC
FIRST_DAY = dt.date(2026, 10, 1)
LAST_DAY = dt.date(2026, 11, 18)
MONTH = "sessions/2026-11.json"
DAYS = "days/2026.json"
SETTINGS = "settings.json"
ROUTINES = "routines.json"
TOTALS = "totals/2026.json"
DELETED = "deleted.json"
NUDGES = "nudges/2026-11.json"  # the nudge log: only a hint for status, never reported
RAW = "__raw__"  # a placeholder replaced by JSON text json.dumps cannot write (1e400)


def record(day: dt.date) -> SessionRecord:
    started = dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC)
    steps = tuple(
        StepResult(exercise_id="cat-cow", exercise_name="Cat-cow",
                   planned=Dosing(mode="hold", hold_s=10), outcome="done", seconds=40, reps=2)
        for _ in range(2)
    )
    return SessionRecord(
        uuid=f"00000000-0000-4000-8000-{day.toordinal():012d}", routine_id="office-break",
        routine_name="Office break", started_at=started, zone="Europe/Berlin", day=day,
        status="completed", ended_at=started + dt.timedelta(minutes=5), steps=steps,
        pain_before=4, pain_after=2,
    )


def own(folder: Path) -> Path:
    """This machine's folder in the data folder: where its files are, and what damage hits."""
    return Store(folder).home


def build(folder: Path) -> Store:
    """A history from FIRST_DAY to LAST_DAY, settings, and one routine of the user's."""
    store = Store(folder)
    store.open()
    day = FIRST_DAY
    records = []
    while day <= LAST_DAY:
        records.append(record(day))
        day += dt.timedelta(days=1)
    store.import_sessions(records)
    store.save_settings(Settings(safety_acknowledged=True, pain_checkin=False, bell=False))
    store.save_routine(Routine.model_validate(
        {"id": "mine", "name": "Mine", "description": "d", "steps": [{"exercise": "cat-cow"}]}
    ))
    return store


Damage = Callable[[Path], Path]


def _bytes(name: str, change: Callable[[bytes], bytes]) -> Damage:
    def damage(folder: Path) -> Path:
        path = own(folder) / name
        path.write_bytes(change(path.read_bytes()))
        return path

    return damage


def _tables(name: str, change: Callable[[dict[str, Any]], Any]) -> Damage:
    def damage(folder: Path) -> Path:
        path = own(folder) / name
        path.write_text(json.dumps(change(json.loads(path.read_text()))))
        return path

    return damage


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


def _tables_as_lists(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v if k == "meta" else list(v.values()) for k, v in data.items()}


def _entries_as_lists(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v if k == "meta" else {e: [1] for e in v} for k, v in data.items()}


FILE_DAMAGE: dict[str, Callable[[bytes], bytes] | Callable[[dict[str, Any]], Any]] = {
    "truncated": lambda data: data[: len(data) // 2],
    "zeroed": lambda data: b"\0" * len(data),
    "empty": lambda data: b"",
    "latin-1": lambda data: data.replace(b"}", "\xe9}".encode("latin-1"), 1),
    "garbage": lambda data: b"\x89PNG\r\n\x1a\n" + data[:40],
    "huge-int": lambda data: b'{"meta": {"1": {"schema": ' + b"9" * 5000 + b"}}}",
    "deep-nesting": lambda data: b"[" * 100_000 + b"]" * 100_000,
    "deep-table": lambda data: data[:-1] + b',"x":' + b'{"a":' * 100_000 + b"1" + b"}" * 100_001,
}
SHAPE_DAMAGE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "json-array": lambda data: [data],
    "json-string": lambda data: "sessions",
    "no-meta": lambda data: _without(data, "meta"),
    "newer-schema": lambda data: data | {"meta": {"1": {"schema": 99}}},
    "schema-text": lambda data: data | {"meta": {"1": {"schema": "1"}}},
    "tables-as-lists": _tables_as_lists,
    "entries-as-lists": _entries_as_lists,
}


def _record(change: Callable[[dict[str, Any]], None]) -> Damage:
    def damage(folder: Path) -> Path:
        path = own(folder) / MONTH
        data = json.loads(path.read_text())
        key = record(LAST_DAY).uuid
        doc = data["sessions"].pop(key)
        change(doc)
        data["sessions"][doc.pop("__key__", key)] = doc
        text = json.dumps(data).replace(f'"{RAW}"', "1e400")
        path.write_text(text)
        return path

    return damage


def _set(field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda doc: doc.__setitem__(field, value)


def _set_step(field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda doc: doc["steps"][0].__setitem__(field, value)


RECORD_DAMAGE: dict[str, Callable[[dict[str, Any]], None]] = {
    "no-uuid": lambda doc: doc.pop("uuid"),
    "key-not-uuid": _set("__key__", "someone-else"),
    "pain-99": _set("pain_before", 99),
    "pain-huge": _set("pain_after", int("9" * 4000)),
    "naive-start": _set("started_at", "2026-11-18T09:30:00"),
    "extra-field": _set("mood", "fine"),
    "negative-seconds": _set_step("seconds", -5),
    "infinite-seconds": _set_step("seconds", RAW),
    "zone-mars": _set("zone", "Mars/Olympus"),
    "zone-path": _set("zone", "/etc/passwd"),
    "zone-dotdot": _set("zone", "../../../etc/localtime"),
    "day-0001": _set("day", "0001-01-01"),
    "day-9999": _set("day", "9999-12-31"),
    "start-year-1": _set("started_at", "0001-01-01T00:00:00+00:00"),
    "ended-before-started": _set("ended_at", "2026-11-18T08:00:00+00:00"),
    "surrogate-name": _set("routine_name", "Office \ud800 break"),
    "surrogate-step": _set_step("exercise_name", "\udcff"),
    "status-unknown": _set("status", "exploded"),
    "steps-not-list": _set("steps", {"a": 1}),
    "day-not-date": _set("day", "yesterday"),
    "outcome-null": _set_step("outcome", None),
}
# The field each record damage must be named by, for the user to find it.
RECORD_FIELDS = {
    "no-uuid": " uuid:", "key-not-uuid": "says its uuid", "pain-99": " pain_before:",
    "pain-huge": " pain_after:", "naive-start": " started_at:", "extra-field": " mood:",
    "negative-seconds": " steps[0].seconds:", "infinite-seconds": " steps[0].seconds:",
    "zone-mars": " zone:", "zone-path": " zone:", "zone-dotdot": " zone:", "day-0001": " day:",
    "day-9999": " day:", "start-year-1": " started_at:", "ended-before-started": " ended_at:",
    "surrogate-name": " routine_name:", "surrogate-step": " steps[0].exercise_name:",
    "status-unknown": " status:", "steps-not-list": " steps:", "day-not-date": " day:",
    "outcome-null": " steps[0].outcome:",
}


def _replace_with_folder(name: str) -> Damage:
    def damage(folder: Path) -> Path:
        path = own(folder) / name
        path.unlink()
        path.mkdir()
        return path

    return damage


def _replace_with_file(name: str) -> Damage:
    def damage(folder: Path) -> Path:
        path = own(folder) / name
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
        path.write_text("not a folder")
        return path

    return damage


def _dangling(name: str) -> Damage:
    def damage(folder: Path) -> Path:
        path = own(folder) / name
        path.unlink()
        os.symlink(folder / "gone" / path.name, path)
        return path

    return damage


class Hung(Exception):
    """What runs under no_hang() blocked."""


@contextmanager
def no_hang(seconds: int = 10) -> Iterator[None]:
    """Fail, instead of waiting for ever, when what runs inside blocks (a FIFO with no writer)."""

    def hung(signum, frame):  # not TimeoutError: that is an OSError, which readers catch
        raise Hung(f"still waiting after {seconds} s: something blocked")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def special(kind: str, path: Path, outside: Path) -> Path:
    """Put a special file where a file is read: 'fifo', 'zero' (a link to /dev/zero),
    'dangling' (a link to nowhere) or 'outside' (a link to a real file out of the folder)."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        os.symlink("/dev/zero", path)
    elif kind == "dangling":
        os.symlink(path.parent / "gone" / path.name, path)
    else:
        outside.write_text('{"planted": "from outside the folder"}')
        os.symlink(outside, path)
    return path


SPECIAL = ("fifo", "zero", "dangling", "outside")


def _special(name: str, kind: str) -> Damage:
    """This machine's file in its own folder; OTHER's (name under machines/) where it says."""
    def damage(folder: Path) -> Path:
        where = folder if name.startswith(OTHER) else own(folder)
        return special(kind, where / name, folder.parent / "outside.json")

    return damage


OTHER = "machines/evil-t/"  # another machine's folder, as a sync tool delivers it
FOLDER_DAMAGE: dict[str, Damage] = {
    "sessions-is-a-file": _replace_with_file("sessions"),
    "days-is-a-file": _replace_with_file("days"),
    "lock-is-a-folder": _replace_with_folder(".lock"),
    "month-is-a-folder": _replace_with_folder(MONTH),
    "settings-is-a-folder": _replace_with_folder(SETTINGS),
    "routines-is-a-folder": _replace_with_folder(ROUTINES),
    "month-dangling-link": _dangling(MONTH),
    "days-dangling-link": _dangling(DAYS),
    "settings-dangling-link": _dangling(SETTINGS),
}


def kinds() -> dict[str, Damage]:
    """Every kind of damage by name: '<file>:<damage>', 'record:<damage>', 'folder:<damage>'."""
    out: dict[str, Damage] = {}
    for name in (MONTH, DAYS, SETTINGS, ROUTINES):
        for kind, change in FILE_DAMAGE.items():
            out[f"{name}:{kind}"] = _bytes(name, change)  # type: ignore[arg-type]
        for kind, shape in SHAPE_DAMAGE.items():
            out[f"{name}:{kind}"] = _tables(name, shape)
    out.update((f"record:{kind}", _record(change)) for kind, change in RECORD_DAMAGE.items())
    out.update((f"folder:{kind}", damage) for kind, damage in FOLDER_DAMAGE.items())
    for kind in SPECIAL:  # files that are not files: they must not block, run away or lead out
        for name in (MONTH, DAYS, SETTINGS, ROUTINES, TOTALS, DELETED, NUDGES):
            if kind != "dangling" or name not in (MONTH, DAYS, SETTINGS):  # folder:* above
                out[f"{name}:{kind}"] = _special(name, kind)
        for name in (MONTH, DAYS, TOTALS, SETTINGS, ROUTINES, DELETED, NUDGES):
            out[f"{OTHER}{name}:{kind}"] = _special(OTHER + name, kind)
    return out


KINDS = kinds()


def read_by(kind: str) -> set[str]:
    """The commands that read what this kind damaged, so must report it (exit 2)."""
    if kind.startswith(("record:", f"{MONTH}:")) or kind in (
        "folder:sessions-is-a-file", "folder:month-is-a-folder", "folder:month-dangling-link"
    ):
        return {"status", "export"}
    if kind.startswith(f"{DELETED}:"):  # the deletes apply to every month
        return {"status", "export"}
    if kind.startswith((f"{DAYS}:", f"{SETTINGS}:", f"{TOTALS}:")) or kind in (
        "folder:days-is-a-file", "folder:settings-is-a-folder", "folder:days-dangling-link",
        "folder:settings-dangling-link",
    ):
        return {"status"}
    # Another machine's files: a sync tool may still be delivering one, so a file that cannot
    # be read is skipped (doctor lists it), and the history reads as it was.
    return set()  # the user's routines and the lock: neither command reads them


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under folder: a file's bytes, a link's target, or 'folder'."""
    out: dict[str, object] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            key = str(path.relative_to(folder))
            if path.is_symlink():
                out[key] = f"-> {os.readlink(path)}"
            elif path.is_dir():
                out[key] = "folder"
            elif path.is_fifo():  # reading it would wait for a writer
                out[key] = "fifo"
            else:
                out[key] = path.read_bytes()
    return out

