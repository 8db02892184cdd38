"""The `log ROUTINE` command: record a session done away from the app, marked as logged."""

from __future__ import annotations

import argparse
import datetime as dt

from coach.commands.common import UserError, say, shipped_library
from coach.paths import data_dir


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "log", help="record a session you did away from the app",
        description="Record a session you did away from the app. It is marked as logged by "
        "hand wherever sessions are shown, and counts for the streak and the weekly goal.")
    parser.add_argument("routine", metavar="ROUTINE",
                        help="a routine id or name from `backcoach routines` (yours too)")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the day you did it (default: today); never a day to come")
    parser.add_argument("--minutes", metavar="N",
                        help="how long it took (default: the routine's length)")


def cmd_log(args: argparse.Namespace) -> int:
    from coach.core.content.loading import with_user_routines
    from coach.core.session.logged import (
        LogProblem,
        find_routine,
        logged_record,
        parse_day,
        parse_minutes,
        usual_minutes,
    )
    from coach.core.storage.store import Store, StoreError
    from coach.core.text import duration_text
    from coach.core.time.days import local_zone_name, training_day

    store = Store(data_dir(args.data_dir))
    now, zone = dt.datetime.now(dt.UTC), local_zone_name()
    try:
        library, _ = with_user_routines(shipped_library(), store.user_routines())
        settings = store.settings()
        today = training_day(now, zone, settings.day_start_hour)
        # Every argument checked before the store is opened for writing.
        info = find_routine(library.routines, args.routine)
        day = today if args.date is None else parse_day(args.date, today)
        minutes = usual_minutes(info) if args.minutes is None else parse_minutes(args.minutes)
        record = logged_record(info, day, minutes, now, zone, settings.day_start_hour,
                               settings.break_counts_for_streak)
        store.open()
        store.save_session(record)
    except (LogProblem, StoreError) as exc:
        raise UserError(f"log: {exc}" if isinstance(exc, LogProblem) else str(exc)) from None
    say(f"Logged {record.routine_name}, {duration_text(minutes * 60)}, on {day} "
        "(marked as logged by hand).")
    return 0
