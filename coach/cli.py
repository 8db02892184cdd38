"""The backcoach command: the TUI by default, and small commands for scripts and authors.

Every user error is one line on stderr and exit status 2; no traceback reaches a user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import string
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach import __version__
from coach.core.content import (
    ARTICLES,
    ContentError,
    Library,
    check,
    load_library,
    with_user_routines,
)
from coach.core.days import local_zone_name, training_day
from coach.core.engine import step_phases
from coach.core.progress import WeekGoal, streaks, weekly_goal
from coach.core.records import SessionRecord
from coach.core.text import dosing_text, duration_text
from coach.paths import content_dir, data_dir

if TYPE_CHECKING:
    from coach.core.models import Routine
    from coach.core.store import Store

USER_ERROR = 2
MAX_ROUTINE_BYTES = 2**20  # a routine of 40 steps is about 2 KB; more is the wrong file


class UserError(Exception):
    """A mistake the user can fix; its message is the one line they see."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="backcoach", description="A terminal coach for the back pain that sitting causes."
    )
    parser.add_argument("--version", action="version", version=f"backcoach {__version__}")
    parser.add_argument(
        "--data-dir", metavar="PATH", help="where sessions are kept (or $BACKCOACH_DATA_DIR)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser("exercises", help="list the exercise library")
    ex.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ro = sub.add_parser(
        "routines",
        help="list the routines (yours too); export or import one",
        usage="%(prog)s [-h] [--json] | %(prog)s export ID [--output FILE] | %(prog)s import FILE",
    )
    ro.add_argument("--json", action="store_true", help="print JSON instead of a table")
    # Optional actions: plain `routines [--json]` lists, as it always has.
    ro_sub = ro.add_subparsers(dest="routines_command", metavar="ACTION")
    ro_exp = ro_sub.add_parser("export", help="write a routine (built-in or yours) as TOML")
    ro_exp.add_argument("id", metavar="ID", help="a routine id from `backcoach routines`")
    ro_exp.add_argument("--output", metavar="FILE", type=Path, help="write here (default: stdout)")
    ro_imp = ro_sub.add_parser("import", help="add a routine from a TOML file as one of yours")
    ro_imp.add_argument("file", metavar="FILE", help="a routine file, e.g. from `routines export`")
    st = sub.add_parser("status", help="print the streak and the last session on one line")
    shape = st.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print JSON instead of a line")
    shape.add_argument(
        "--format",
        metavar="TEMPLATE",
        help="fill a template instead, e.g. '{today_mark} {streak}d {week}'; fields: "
        + ", ".join("{" + f + "}" for f in STATUS_FIELDS),
    )
    exp = sub.add_parser("export", help="write every session as JSON or CSV")
    exp.add_argument("--format", choices=("json", "csv"), default="json", help="default: json")
    exp.add_argument("--output", metavar="FILE", type=Path, help="write here (default: stdout)")
    imp = sub.add_parser("import", help="add the sessions of a JSON export (by uuid, no dupes)")
    imp.add_argument("file", metavar="FILE", help="a file `backcoach export` wrote")
    ch = sub.add_parser("check", help="validate content files or folders (default: shipped)")
    ch.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    return parser


def _library() -> Library:
    try:
        return load_library(content_dir())
    except ContentError as exc:
        raise UserError(
            "the shipped content is broken; reinstall backcoach:\n" + "\n".join(exc.problems)
        ) from None


def _exercise_json(library: Library) -> list[dict]:
    return [
        {
            "id": ex.id,
            "name": ex.name,
            "aka": list(ex.aka),
            "position": ex.position,
            "equipment": list(ex.equipment),
            "targets": list(ex.targets),
            "kind": ex.kind,
            "dosing": ex.dosing.model_dump(exclude_none=True),
            "dosing_text": dosing_text(ex.dosing),
            "source_dosing": {
                k: d.model_dump(exclude_none=True) for k, d in ex.source_dosing.items()
            },
            "sources": [{"id": s, "title": ARTICLES[s]} for s in ex.sources],
            "estimated_seconds": sum(p.seconds for p in step_phases(0, ex.dosing)),
        }
        for ex in library.exercises.values()
    ]


def _routine_json(library: Library) -> list[dict]:
    return [
        {
            "id": info.routine.id,
            "name": info.routine.name,
            "builtin": info.builtin,
            "description": info.routine.description,
            "positions": list(info.positions),
            "equipment": list(info.equipment),
            "places": sorted(info.places),
            "estimated_seconds": info.seconds,
            "sources": list(info.routine.sources),
            "steps": [
                {
                    "exercise": s.exercise.id,
                    "name": s.exercise.name,
                    "dosing": s.dosing.model_dump(exclude_none=True),
                    "dosing_text": dosing_text(s.dosing),
                    "rest_after_s": s.rest_after_s,
                }
                for s in info.steps
            ],
        }
        for info in library.routines.values()
    ]


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row, widths)] + [row[-1]]
        print("  ".join(cells).rstrip())


def cmd_exercises(args: argparse.Namespace) -> int:
    library = _library()
    if args.json:
        print(json.dumps(_exercise_json(library), indent=2, ensure_ascii=False))
        return 0
    rows = [("ID", "NAME", "POSITION", "DOSING")]
    rows += [(e.id, e.name, e.position, dosing_text(e.dosing)) for e in library.exercises.values()]
    _print_table(rows)
    return 0


def _user_routines(args: argparse.Namespace) -> list[Routine]:
    """The user's routines, read without creating anything in the data folder."""
    from coach.core.store import Store, StoreError

    try:
        return Store(data_dir(args.data_dir)).user_routines()
    except StoreError as exc:
        raise UserError(str(exc)) from None


def _one_line(problems: list[str]) -> str:
    more = len(problems) - 1
    return problems[0] + (f" (and {more} more problem{'' if more == 1 else 's'})" if more else "")


def cmd_routines(args: argparse.Namespace) -> int:
    if args.routines_command == "export":
        return cmd_routines_export(args)
    if args.routines_command == "import":
        return cmd_routines_import(args)
    library, problems = with_user_routines(_library(), _user_routines(args))
    for line in problems:  # the others still list; the broken one is named with its fix
        print(f"backcoach: {line}", file=sys.stderr)
    if args.json:
        print(json.dumps(_routine_json(library), indent=2, ensure_ascii=False))
        return 0
    rows = [("ID", "NAME", "LENGTH", "MINE", "WHERE")]
    rows += [
        (
            i.routine.id,
            i.routine.name,
            duration_text(i.seconds),
            "" if i.builtin else "yes",
            ", ".join(i.positions),
        )
        for i in library.routines.values()
    ]
    _print_table(rows)
    return 0


def cmd_routines_export(args: argparse.Namespace) -> int:
    from coach.core.routine_files import routine_to_toml

    # The user's first: a stored routine is exportable even when it no longer plans (an
    # exercise gone), and exporting is how one whose id a new built-in took gets a new id.
    mine = {r.id: r for r in _user_routines(args)}
    builtin = {key: info.routine for key, info in _library().routines.items()}
    routine = mine.get(args.id) or builtin.get(args.id)
    if routine is None:
        raise UserError(
            f"routines export: no routine {args.id!r}; `backcoach routines` lists the ids"
        )
    data = routine_to_toml(routine).encode()
    if args.output is None:
        _write_stdout(data)
    else:
        _write_file(args.output, data)
        print(f"{routine.name!r} written to {args.output}")
    return 0


def _read_routine_file(file: str) -> str:
    path = Path(file)
    try:
        if path.is_dir():
            raise UserError(f"{file}: is a folder; give the routine's .toml file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_ROUTINE_BYTES + 1)
    except FileNotFoundError:
        raise UserError(f"{file}: no such file") from None
    except OSError as exc:
        raise UserError(f"{file}: cannot be read ({exc.strerror}); check its permissions") from None
    if len(raw) > MAX_ROUTINE_BYTES:
        raise UserError(f"{file}: is over 1 MB; a routine file is a few KB, is it the right file?")
    try:
        return raw.decode("utf-8-sig")  # -sig: some editors start UTF-8 files with a BOM
    except UnicodeDecodeError:
        raise UserError(f"{file}: not UTF-8 text; save it as UTF-8") from None


def cmd_routines_import(args: argparse.Namespace) -> int:
    from coach.core.routine_files import new_routine_id, routine_from_toml
    from coach.core.store import Store, StoreError

    text = _read_routine_file(args.file)
    library = _library()
    store = Store(data_dir(args.data_dir))

    def checked() -> Routine:
        mine = store.user_routines()
        names = {i.routine.name for i in library.routines.values()} | {r.name for r in mine}
        routine = routine_from_toml(text, args.file, library, names)
        ids = set(library.routines) | {r.id for r in mine}
        if routine.id in ids:  # its name is free, so it is another routine: give it its own id
            routine = routine.model_copy(update={"id": new_routine_id(routine.name, ids)})
        return routine

    try:
        # First against the store as it is, read-only: a bad file creates and changes nothing.
        checked()
        store.open()
        with store.locked():
            routine = checked()  # again under the lock: another copy may have saved meanwhile
            store.save_routine(routine)
    except ContentError as exc:
        raise UserError(_one_line(exc.problems)) from None
    except StoreError as exc:
        raise UserError(str(exc)) from None
    print(f"imported {routine.name!r} as {routine.id}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    shipped = content_dir()
    problems = check(args.paths or [shipped], shipped)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        return USER_ERROR
    print("content OK")
    return 0


@dataclass(frozen=True)
class _Status:
    streak: int
    longest: int
    today: dt.date
    today_done: bool
    last: SessionRecord | None
    sessions_total: int
    week: WeekGoal


def _read_status(folder: Path) -> _Status:
    """The status, read without writing or creating anything in the data folder."""
    from coach.core.store import Store, StoreError  # filelock and tinydb only when needed

    store = Store(folder)  # no open(): it creates the folder and may migrate files
    try:
        settings = store.settings()
        days = store.session_days()
        now = dt.datetime.now(dt.timezone.utc)
        today = training_day(now, local_zone_name(), settings.day_start_hour)
        last = _last_session(store, max(days)) if days else None
    except StoreError as exc:
        raise UserError(str(exc)) from None
    current, longest = streaks(days, today)
    total = sum(count for count, _ in days.values())
    week = weekly_goal(days, today, settings.weekly_goal_days)
    return _Status(current, longest, today, today in days, last, total, week)


def _last_session(store: Store, day: dt.date) -> SessionRecord | None:
    # The summary counts only sessions that did some work; pick the latest of those.
    worked = [r for r in store.sessions_between(day, day) if r.seconds > 0]
    return max(worked, key=lambda r: r.started_at, default=None)


def _when(record: SessionRecord, today: dt.date) -> str:
    try:
        zone = ZoneInfo(record.zone)  # the clock the user saw when they started
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo(local_zone_name())
    clock = record.started_at.astimezone(zone).strftime("%H:%M")
    if record.day == today:
        return f"today {clock}"
    if record.day == today - dt.timedelta(days=1):
        return f"yesterday {clock}"
    return f"{record.day.isoformat()} {clock}"


def _status_line(status: _Status) -> str:
    unit = "day" if status.streak == 1 else "days"
    parts = [f"streak {status.streak} {unit}", f"longest {status.longest}"]
    if status.last is None:
        parts.append("no sessions yet")
    else:
        when = _when(status.last, status.today)
        parts.append(f"last session {when} ({status.last.routine_name})")
    parts.append("today: done" if status.today_done else "today: not yet")
    return " · ".join(parts)


def _status_json(status: _Status) -> dict:
    last = status.last
    return {
        "streak": status.streak,
        "longest": status.longest,
        "today_done": status.today_done,
        "last_session": None
        if last is None
        else {
            "routine": last.routine_name,
            "started_at": last.started_at.isoformat(),
            "day": last.day.isoformat(),
        },
        "sessions_total": status.sessions_total,
        "week": {
            "days": status.week.days_this_week,
            "goal": status.week.goal,
            "met": status.week.met,
        },
        "week_streak": status.week.streak_weeks,
    }


STATUS_FIELDS = (
    "streak",
    "longest",
    "today",
    "today_mark",
    "week",
    "week_streak",
    "last",
    "sessions",
)


def _unknown_field(name: str) -> UserError:
    known = ", ".join("{" + f + "}" for f in STATUS_FIELDS)
    return UserError(f"status --format: unknown field {{{name}}}; known fields: {known}")


def _check_template(template: str) -> None:
    # Checked before the store is read, so a typo in a tmux config says so even on a new machine.
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:  # "{streak" or a lone "}"
        raise UserError(f"status --format: {exc}; write {{{{ or }}}} for a brace itself") from None
    for name in names:
        if name not in STATUS_FIELDS:
            raise _unknown_field(name)


def _status_fields(status: _Status) -> dict[str, object]:
    return {
        "streak": status.streak,
        "longest": status.longest,
        "today": "done" if status.today_done else "not yet",
        "today_mark": "✓" if status.today_done else "·",
        "week": f"{status.week.days_this_week}/{status.week.goal}",
        "week_streak": status.week.streak_weeks,
        "last": status.last.routine_name if status.last else "",
        "sessions": status.sessions_total,
    }


def _fill(template: str, status: _Status) -> str:
    try:
        return template.format_map(_status_fields(status))
    except KeyError as exc:  # a field named inside a format spec, "{streak:{width}}"
        raise _unknown_field(str(exc.args[0])) from None
    except (ValueError, TypeError, IndexError) as exc:  # "{streak:q}", "{streak:{}}"
        raise UserError(f"status --format: {exc}") from None


def cmd_status(args: argparse.Namespace) -> int:
    if args.format is not None:
        _check_template(args.format)
    status = _read_status(data_dir(args.data_dir))
    if args.format is not None:
        print(_fill(args.format, status))
    elif args.json:
        print(json.dumps(_status_json(status), ensure_ascii=False))
    else:
        print(_status_line(status))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from coach.core.store import Store, StoreError
    from coach.core.transfer import export_csv, export_json

    store = Store(data_dir(args.data_dir))  # no open(): exporting reads, and creates nothing
    try:
        records = store.sessions()
    except StoreError as exc:
        raise UserError(str(exc)) from None
    if args.format == "csv":
        text = export_csv(records)
    else:
        text = export_json(records, dt.datetime.now(dt.timezone.utc))
    if args.output is None:
        _write_stdout(text.encode())
    else:
        _write_file(args.output, text.encode())
        print(f"{len(records)} session{'' if len(records) == 1 else 's'} written to {args.output}")
    return 0


def _write_stdout(data: bytes) -> None:
    # Bytes, so a non-UTF-8 terminal locale cannot make a routine name fail half-way.
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # `backcoach export | head`: the reader has what it wanted
        devnull = open(os.devnull, "w")  # noqa: SIM115 - stdout must stay open until exit
        os.dup2(devnull.fileno(), sys.stdout.fileno())


def _write_file(path: Path, data: bytes) -> None:
    from coach.core.datafile import write_atomic

    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name for the export")
    if not path.parent.is_dir():
        raise UserError(f"{path}: the folder {path.parent} does not exist; create it first")
    try:
        # Temp file beside it, fsync, rename: never half an export. Private (0600) like the
        # data folder, since it holds pain scores.
        write_atomic(path, data)
    except OSError as exc:
        raise UserError(
            f"{path}: cannot be written ({exc.strerror}); check the disk space and permissions"
        ) from None


def cmd_import(args: argparse.Namespace) -> int:
    from coach.core.transfer import TransferError, read_export

    try:
        records = read_export(Path(args.file), args.file)  # everything checked before a write
    except TransferError as exc:
        raise UserError(str(exc)) from None
    from coach.core.store import Store, StoreError

    store = Store(data_dir(args.data_dir))
    try:
        store.open()
        added, present = store.import_sessions(records)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    print(f"{added} added, {present} already present")
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    library = _library()
    from coach.ui.app import CoachApp  # the UI loads only when it is wanted

    from coach.core.store import Store

    app = CoachApp(library=library, store=Store(data_dir(args.data_dir)))
    app.run()
    return app.return_code or 0


COMMANDS = {
    "exercises": cmd_exercises,
    "routines": cmd_routines,
    "check": cmd_check,
    "status": cmd_status,
    "export": cmd_export,
    "import": cmd_import,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS.get(args.command, cmd_tui)(args)
    except UserError as exc:
        print(f"backcoach: {exc}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        return 130
