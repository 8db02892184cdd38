"""The backcoach command: the TUI by default, and small commands for scripts and authors.

Every user error is one line on stderr and exit status 2; no traceback reaches a user.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach import __version__
from coach.core.content import ARTICLES, ContentError, Library, check, load_library
from coach.core.engine import step_phases
from coach.core.text import dosing_text, duration_text
from coach.paths import content_dir, data_dir

USER_ERROR = 2


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
    ro = sub.add_parser("routines", help="list the routines")
    ro.add_argument("--json", action="store_true", help="print JSON instead of a table")
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


def cmd_routines(args: argparse.Namespace) -> int:
    library = _library()
    if args.json:
        print(json.dumps(_routine_json(library), indent=2, ensure_ascii=False))
        return 0
    rows = [("ID", "NAME", "LENGTH", "WHERE")]
    rows += [
        (i.routine.id, i.routine.name, duration_text(i.seconds), ", ".join(i.positions))
        for i in library.routines.values()
    ]
    _print_table(rows)
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


def cmd_tui(args: argparse.Namespace) -> int:
    library = _library()
    from coach.ui.app import CoachApp  # the UI loads only when it is wanted

    CoachApp(library=library, data_dir=data_dir(args.data_dir)).run()
    return 0


COMMANDS = {"exercises": cmd_exercises, "routines": cmd_routines, "check": cmd_check}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS.get(args.command, cmd_tui)(args)
    except UserError as exc:
        print(f"backcoach: {exc}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        return 130
