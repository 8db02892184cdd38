"""The `start ROUTINE` command: open the app straight into a routine (for a tmux key binding)."""

from __future__ import annotations

import argparse

from coach.commands.common import UserError, shipped_library
from coach.paths import data_dir


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("start", help="open backcoach straight into a routine",
                            description="Open the app straight into a routine, e.g. from a "
                            "tmux key binding.")
    parser.add_argument("routine", metavar="ROUTINE", help="a routine id from `backcoach routines`")


def routine_to_start(args: argparse.Namespace) -> str:
    """The id to start, checked against the shipped routines and the user's own."""
    from coach.core.content.loading import with_user_routines
    from coach.core.storage.store import Store, StoreError

    library = shipped_library()
    try:
        library, _ = with_user_routines(library, Store(data_dir(args.data_dir)).user_routines())
    except StoreError:
        pass  # the app says what is wrong with the file once it opens
    if args.routine not in library.routines:
        raise UserError(f"start: no routine {args.routine!r}; the ids are: "
                        + ", ".join(sorted(library.routines)))
    return args.routine
