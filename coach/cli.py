"""The backcoach command: the TUI by default, and small commands for scripts and authors.

Every user error is one line on stderr and exit status 2; no traceback reaches a user.
The commands themselves live in coach.commands; this module parses and dispatches.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coach import __version__
from coach.commands.common import USER_ERROR, UserError, shipped_library
from coach.commands.doctor import cmd_doctor
from coach.commands.history import cmd_export, cmd_import
from coach.commands.library import cmd_check, cmd_exercises, cmd_routines
from coach.commands.status import STATUS_FIELDS, cmd_status
from coach.paths import data_dir

__all__ = ["USER_ERROR", "UserError", "cmd_tui", "main"]


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
    doc = sub.add_parser("doctor", help="which machines wrote this data folder, and what is wrong")
    doc.add_argument("--sync-dir", metavar="PATH",
                     help="keep this machine's history in PATH (a synced folder) from now on")
    ch = sub.add_parser("check", help="validate content files or folders (default: shipped)")
    ch.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    return parser


def cmd_tui(args: argparse.Namespace) -> int:
    library = shipped_library()
    from coach.core.storage.store import Store
    from coach.ui.app import CoachApp  # the UI loads only when it is wanted

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
    "doctor": cmd_doctor,
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
