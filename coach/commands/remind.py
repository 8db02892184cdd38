"""`backcoach remind`: a routine at a time of day on chosen days, delivered by the nudger."""

from __future__ import annotations

import argparse

from coach.commands.common import UserError, say
from coach.paths import data_dir


def add_parser(sub: argparse._SubParsersAction) -> None:
    rm = sub.add_parser(
        "remind", help="remind of a routine at a time of day (the nudger delivers it)",
        description="Remind of a routine at a time of day on chosen days, e.g. `remind "
        "after-work-reset 18:30 mon-fri`. `backcoach nudger` brings it up (a tmux popup: "
        "Enter starts, l asks again in 10 min, s skips; a desktop notification).",
        usage="%(prog)s [-h] ROUTINE HH:MM [DAYS] | --list | --remove ROUTINE")
    rm.add_argument("routine", metavar="ROUTINE", nargs="?", help="a routine id")
    rm.add_argument("at", metavar="HH:MM", nargs="?", help="the time of day, e.g. 18:30")
    rm.add_argument("days", metavar="DAYS", nargs="?", default="mon-sun",
                    help="e.g. mon-fri or mon,wed,fri (default: every day)")
    rm.add_argument("--list", action="store_true", help="list the reminders")
    rm.add_argument("--remove", metavar="ROUTINE", help="remove the routine's reminder")


def cmd_remind(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from coach.commands.start import routine_to_start
    from coach.core.content.errors import describe
    from coach.core.nudge.log import NudgeLog
    from coach.core.nudge.reminders import Reminder, Reminders, put, without
    from coach.core.storage.errors import StoreError

    reminders = Reminders(NudgeLog(data_dir(args.data_dir)))
    try:
        if args.list:
            found = reminders.read()
            for r in found:
                say(f"{r.routine}  {r.at}  {','.join(r.days)}")
            if not found:
                say("No reminders; add one with `backcoach remind ROUTINE HH:MM [DAYS]`.")
            return 0
        if args.remove:
            gone = [r for r in reminders.read() if r.routine == args.remove]
            if not gone:
                raise UserError(f"remind: no reminder for {args.remove!r}; see `remind --list`")
            reminders.change(lambda old: without(old, args.remove))
            say(f"Removed the reminder for {args.remove}.")
            return 0
        if not args.routine or not args.at:
            raise UserError("remind: give ROUTINE and HH:MM (e.g. `remind micro-break 10:30 "
                            "mon-fri`), or --list, or --remove ROUTINE")
        try:
            routine_to_start(args)  # an id that exists, or the list of ids
        except UserError as exc:
            raise UserError(str(exc).replace("start:", "remind:", 1)) from None
        try:
            new = Reminder(routine=args.routine, at=args.at, days=args.days)
        except ValidationError as exc:
            raise UserError(describe("remind", exc)[0]) from None
        reminders.change(lambda old: put(old, new))
    except StoreError as exc:
        raise UserError(str(exc)) from None
    say(f"Reminder: {new.routine} at {new.at} on {','.join(new.days)} "
        "(delivered while `backcoach nudger` runs).")
    return 0
