"""The backcoach command: the TUI by default, and small commands for scripts and authors.

Every user error is one line on stderr and exit status 2; no traceback reaches a user.
The commands themselves live in coach.commands; this module parses and dispatches.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Mapping
from pathlib import Path

from coach import __version__
from coach.commands import nudger as nudger_command
from coach.commands import remind as remind_command
from coach.commands import settings as settings_command
from coach.commands import start as start_command
from coach.commands.common import USER_ERROR, UserError, first_library, say, stdout_closed
from coach.commands.doctor import cmd_doctor
from coach.commands.history import cmd_export, cmd_import
from coach.commands.library import cmd_check, cmd_exercises, cmd_routines
from coach.commands.log import add_parser as add_log_parser
from coach.commands.log import cmd_log
from coach.commands.serve import add_arguments as add_serve_arguments
from coach.commands.serve import cmd_serve, served_by_web_driver
from coach.commands.status import STATUS_FIELDS, cmd_status
from coach.core.text import terminal_safe
from coach.paths import data_dir

__all__ = ["USER_ERROR", "UserError", "cmd_tui", "main"]


class _Parser(argparse.ArgumentParser):
    # argparse echoes what was typed ("unrecognized arguments: ..."): shown, never obeyed.
    def _print_message(self, message: str, file=None) -> None:  # type: ignore[override]
        lines = message.split("\n")
        super()._print_message("\n".join(terminal_safe(line) for line in lines), file)

    commands: Mapping[str, argparse.ArgumentParser] = {}

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        # A word too many is named with the usage of the command it follows, not the top level's.
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            owner = self.commands.get(getattr(parsed, "command", None) or "", self)
            owner.error(f"unrecognized arguments: {' '.join(extra)}")
        return parsed


def _command(sub, name: str, summary: str, more: str = "", **kw) -> argparse.ArgumentParser:
    # The summary is the line `backcoach -h` lists; `backcoach NAME -h` shows it and more.
    description = summary[0].upper() + summary[1:] + "." + (f" {more}" if more else "")
    return sub.add_parser(name, help=summary, description=description, **kw)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="backcoach",
        description="A terminal coach for the back pain that sitting causes. "
        "With no COMMAND it opens the full-screen app (it needs a terminal).",
    )
    parser.add_argument("--version", action="version", version=f"backcoach {__version__}")
    parser.add_argument(
        "--data-dir", metavar="PATH", help="where sessions are kept (or $BACKCOACH_DATA_DIR)"
    )
    parser.add_argument("--compact", action="store_true",
                        help="the small-pane layout: next break, breaks today, streak")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = _command(sub, "exercises", "list the exercise library", "The ids are what routines use.")
    ex.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ro = _command(
        sub,
        "routines",
        "list the routines (yours too); export or import one",
        "With no ACTION it lists them; yours are marked in the MINE column.",
        usage="%(prog)s [-h] [--json]\n       %(prog)s export [-h] [--output FILE] ID"
        "\n       %(prog)s import [-h] FILE",
    )
    ro.add_argument("--json", action="store_true", help="print JSON instead of a table")
    # Optional actions: plain `routines [--json]` lists, as it always has. prog is given, or
    # argparse builds the actions' usage from the three-line usage above.
    ro_sub = ro.add_subparsers(dest="routines_command", metavar="ACTION", prog="backcoach routines")
    ro_exp = _command(
        ro_sub, "export", "write a routine (built-in or yours) as a TOML file",
        "Edit the file, then `backcoach routines import` it, or share it.",
    )
    ro_exp.add_argument("id", metavar="ID", help="a routine id from `backcoach routines`")
    ro_exp.add_argument("--output", metavar="FILE", type=Path, help="write here (default: stdout)")
    ro_imp = _command(
        ro_sub, "import", "add a routine from a TOML file as one of yours",
        "The file's name does not matter; its name field must differ from every routine's.",
    )
    ro_imp.add_argument("file", metavar="FILE", help="a routine file, e.g. from `routines export`")
    st = _command(
        sub, "status", "print the streak and the last session on one line",
        "Fast and read-only: made for a shell prompt or a tmux status line.",
    )
    shape = st.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print JSON instead of a line")
    shape.add_argument(
        "--format",
        metavar="TEMPLATE",
        help="fill a template instead, e.g. '{today_mark} {streak}d {week}'; fields: "
        + ", ".join("{" + f + "}" for f in STATUS_FIELDS),
    )
    exp = _command(sub, "export", "write every session as JSON or CSV",
                   "JSON is what `backcoach import` reads; CSV is for spreadsheets.")
    exp.add_argument("--format", choices=("json", "csv"), default="json", help="default: json")
    exp.add_argument("--output", metavar="FILE", type=Path, help="write here (default: stdout)")
    imp = _command(sub, "import", "add the sessions of a JSON export (by uuid, no dupes)",
                   "The whole file is checked before anything is stored.")
    imp.add_argument("file", metavar="FILE", help="a file `backcoach export` wrote")
    doc = _command(sub, "doctor", "which machines wrote this data folder, and what is wrong",
                   "Lists the machines, conflict copies, unfinished sync files and unreadable "
                   "files; --sync-dir points this machine at a synced folder.")
    doc.add_argument("--sync-dir", metavar="PATH",
                     help="keep this machine's history in PATH (a synced folder) from now on; "
                          "what it kept in the old folder moves along")
    doc.add_argument("--restore", metavar="MACHINE",
                     help="bring back the sessions and routines MACHINE deleted")
    ch = _command(
        sub, "check", "check content files or folders (default: the shipped content)",
        "Prints the problems, one a line, and exits 2; or 'content OK'.",
    )
    ch.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="a content folder (with exercises/ and routines/, each file named for its id) or "
        "an exercise or routine .toml file; a routine file is checked as `routines import` "
        "reads it, whatever its file name, against the shipped exercises and any given here",
    )
    sv = _command(
        sub, "serve", "open the app in a web browser (needs the web extra)",
        "Starts a web server for the app on this machine only (127.0.0.1) unless you give "
        "--host and --allow-remote. Anyone who can reach the port can use the app and read and "
        "change your history: there is no login.",
    )
    add_serve_arguments(sv)
    settings_command.add_parser(sub)
    start_command.add_parser(sub)
    add_log_parser(sub)
    nudger_command.add_parser(sub)
    remind_command.add_parser(sub)
    parser.commands = sub.choices
    return parser


def cmd_tui(args: argparse.Namespace, start: str | None = None) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()) and not served_by_web_driver():
        # Without a terminal the app would wait forever for keys no one can press.
        raise UserError(
            "the app needs a terminal (stdin and stdout are not one); run `backcoach` in a "
            "terminal, or a command such as `backcoach status` in a script"
        )
    library, check = first_library()
    from coach.core.storage.store import Store
    from coach.ui.app import CoachApp  # the UI loads only when it is wanted
    from coach.ui.terminal_watch import watch_terminal

    app = CoachApp(library=library, store=Store(data_dir(args.data_dir)), start=start,
                   compact=args.compact or None, check=check)
    # A terminal closed without SIGHUP (the app in its own session) becomes one, so it saves.
    stop_watching = watch_terminal([sys.stdin.fileno(), sys.stdout.fileno()])
    try:
        app.run()
    finally:
        stop_watching.set()
    return app.return_code or 0


COMMANDS = {
    "exercises": cmd_exercises,
    "routines": cmd_routines,
    "check": cmd_check,
    "status": cmd_status,
    "export": cmd_export,
    "import": cmd_import,
    "serve": cmd_serve,
    "settings": settings_command.cmd_settings,
    "start": lambda args: cmd_tui(args, start=start_command.routine_to_start(args)),
    "doctor": cmd_doctor,
    "log": cmd_log,
    "nudger": nudger_command.cmd_nudger,
    "nudge-prompt": nudger_command.cmd_nudge_prompt,
    "remind": remind_command.cmd_remind,
}


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit:  # -h, --version or a usage error: printed, maybe into a pipe
            sys.stdout.flush()
            raise
        if args.command not in (None, "start"):  # only the app turns it on again
            gc.enable()
        else:
            gc.disable()  # until the app's first frame (coach/ui/sweeps.py)
        status = COMMANDS.get(args.command, cmd_tui)(args)
        sys.stdout.flush()  # here, so a closed pipe is met inside this try and not at exit
        return status
    except BrokenPipeError:  # a closed pipe is the reader's choice, for every command: quiet
        stdout_closed()
        return 0
    except UserError as exc:  # it may quote a file name or a routine's: shown, never obeyed
        say(f"backcoach: {exc}", err=True)
        return USER_ERROR
    except OSError as exc:  # a path the system refuses (too long, a loop...): still one line
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"backcoach: {where}{exc.strerror or exc}; check the path", err=True)
        return USER_ERROR
    except KeyboardInterrupt:
        return 130
