"""The content commands: `exercises`, `routines` (list, export, import) and `check`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coach.commands.common import (
    USER_ERROR,
    UserError,
    json_text,
    say,
    shipped_library,
    write_file,
    write_stdout,
)
from coach.core.content.loading import ARTICLES, ContentError, Library, check, with_user_routines
from coach.core.content.phrases import dosing_text
from coach.core.content.planning import step_phases
from coach.core.text import duration_text, terminal_safe
from coach.core.wording import count
from coach.paths import content_dir, data_dir

if TYPE_CHECKING:
    from coach.core.content.models import Routine

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


def _print_table(table: Sequence[tuple[str, ...]]) -> None:
    rows = [tuple(terminal_safe(cell) for cell in row) for row in table]  # one line each
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row, widths)] + [row[-1]]
        say("  ".join(cells).rstrip())


def cmd_exercises(args: argparse.Namespace) -> int:
    library = shipped_library()
    if args.json:
        print(json_text(_exercise_json(library), indent=2))
        return 0
    rows = [("ID", "NAME", "POSITION", "DOSING")]
    rows += [(e.id, e.name, e.position, dosing_text(e.dosing)) for e in library.exercises.values()]
    _print_table(rows)
    return 0


def _user_routines(args: argparse.Namespace) -> list[Routine]:
    """The user's routines, read without creating anything in the data folder."""
    from coach.core.storage.store import Store, StoreError

    try:
        return Store(data_dir(args.data_dir)).user_routines()
    except StoreError as exc:
        raise UserError(str(exc)) from None


def _one_line(problems: list[str]) -> str:
    more = len(problems) - 1
    return problems[0] + (f" (and {count(more, 'more problem')})" if more else "")


def cmd_routines(args: argparse.Namespace) -> int:
    if args.routines_command == "export":
        return cmd_routines_export(args)
    if args.routines_command == "import":
        return cmd_routines_import(args)
    library, problems = with_user_routines(shipped_library(), _user_routines(args))
    for line in problems:  # the others still list; the broken one is named with its fix
        say(f"backcoach: {line}", err=True)
    if args.json:
        print(json_text(_routine_json(library), indent=2))
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
    from coach.core.content.routine_files import routine_to_toml

    # The user's first: a stored routine is exportable even when it no longer plans (an
    # exercise gone), and exporting is how one whose id a new built-in took gets a new id.
    mine = {r.id: r for r in _user_routines(args)}
    builtin = {key: info.routine for key, info in shipped_library().routines.items()}
    routine = mine.get(args.id) or builtin.get(args.id)
    if routine is None:
        raise UserError(
            f"routines export: no routine {args.id!r}; `backcoach routines` lists the ids"
        )
    data = routine_to_toml(routine).encode()
    if args.output is None:
        write_stdout(data)
    else:
        write_file(args.output, data)
        say(f"{routine.name!r} written to {args.output}")
    return 0


def cmd_routines_import(args: argparse.Namespace) -> int:
    from coach.core.content.routine_files import (
        read_routine_text,
        routine_from_toml,
    )
    from coach.core.storage.store import Store, StoreError

    try:
        text = read_routine_text(Path(args.file), args.file)
    except ContentError as exc:
        raise UserError(_one_line(exc.problems)) from None
    library = shipped_library()
    store = Store(data_dir(args.data_dir))

    def checked() -> Routine:
        mine = store.user_routines()
        names = {i.routine.name for i in library.routines.values()} | {r.name for r in mine}
        return routine_from_toml(text, args.file, library, names)

    try:
        # First against the store as it is, read-only: a bad file creates and changes nothing.
        checked()
        store.open()
        with store.locked():
            # Again under the lock: another copy may have saved meanwhile. A taken id (the name
            # is free, so it is another routine) gets one of its own, under the same lock.
            routine = store.add_routine(checked(), library.routines)
    except ContentError as exc:
        raise UserError(_one_line(exc.problems)) from None
    except StoreError as exc:
        raise UserError(str(exc)) from None
    say(f"imported {routine.name!r} as {routine.id}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    shipped = content_dir()
    problems = check(args.paths or [shipped], shipped)
    for line in problems:
        say(f"backcoach: {line}", err=True)
    if problems:
        return USER_ERROR
    print("content OK")
    return 0
