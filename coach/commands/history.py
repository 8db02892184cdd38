"""The history commands: `export` every session as JSON or CSV, and `import` an export."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coach.commands.common import UserError, say, write_file, write_stdout
from coach.core.text import json_escaped
from coach.paths import data_dir


def cmd_export(args: argparse.Namespace) -> int:
    from coach.core.history.transfer import export_csv, export_json
    from coach.core.session.counting import listing_text
    from coach.core.storage.store import Store, StoreError

    store = Store(data_dir(args.data_dir))  # no open(): exporting reads, and creates nothing
    try:
        records = store.sessions()
    except StoreError as exc:
        raise UserError(str(exc)) from None
    if args.format == "csv":
        # On stdout a cell's controls are shown, never obeyed; a file keeps them (quoted).
        text = export_csv(records, for_terminal=args.output is None)
    else:
        text = json_escaped(export_json(records, dt.datetime.now(dt.UTC)))  # still lossless
    if args.output is None:
        write_stdout(text.encode())
    else:
        write_file(args.output, text.encode())
        say(f"{listing_text(records)}: written to {args.output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from coach.core.history.transfer import TransferError, read_export

    try:
        records = read_export(Path(args.file), args.file)  # everything checked before a write
    except TransferError as exc:
        raise UserError(str(exc)) from None
    from coach.core.storage.store import Store, StoreError

    store = Store(data_dir(args.data_dir))
    try:
        store.open()
        added, present = store.import_sessions(records)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    back = f" ({store.revived} of them deleted before, now brought back)" if store.revived else ""
    print(f"{added} added{back}, {present} already present")
    return 0
