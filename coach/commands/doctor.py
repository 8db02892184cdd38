"""`backcoach doctor`: the data folder as every machine sharing it has left it.

Which machines wrote here and when, which files could not be read and why, the conflict copies
a sync tool made (merged into the history), the files it has not finished delivering (ignored),
and whose settings are in use. `--sync-dir PATH` makes PATH this machine's data folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from coach.commands.common import UserError
from coach.core.text import terminal_safe
from coach.paths import DATA_DIR_ENV, data_dir, machine_file


def shown(text: object) -> str:
    """A path or name as a terminal may show it: control, escape and bidi characters as
    harmless symbols (the CLI's one rule for text, coach.core.text)."""
    return terminal_safe(str(text))


def _when(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _files(folder: Path, skip: Path | None = None) -> list[Path]:
    out = []
    for root, dirs, names in os.walk(folder):
        if skip is not None and Path(root) == folder:
            dirs[:] = [d for d in dirs if folder / d != skip]
        out += [Path(root) / name for name in names]
    return out


def _set_sync_dir(path: Path) -> int:
    from coach.core.storage.errors import StoreError
    from coach.core.storage.machine import local_machine_id, read_machine_file, write_machine_file

    target = path.expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise UserError(f"{shown(target)}: is a file; give the folder your sync tool keeps")
    try:
        local_machine_id(machine_file())  # made first, so the id is never lost by this write
        data = read_machine_file(machine_file()) | {"sync_dir": str(target)}
        write_machine_file(machine_file(), data)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    print(f"this machine keeps its history in {shown(target)} from now on "
          f"(noted in {shown(machine_file())}, outside that folder)")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    if args.sync_dir:
        return _set_sync_dir(Path(args.sync_dir))
    from coach.core.storage.errors import StoreError
    from coach.core.storage.folder import MACHINES
    from coach.core.storage.machine import data_name
    from coach.core.storage.store import Store

    folder = data_dir(args.data_dir)
    why = ("--data-dir" if args.data_dir else f"${DATA_DIR_ENV}" if os.environ.get(DATA_DIR_ENV)
           else "this machine's sync_dir or the default")
    print(f"data folder: {shown(folder)} ({why})")
    if not folder.is_dir():
        print("nothing has been written there yet")
        return 0
    store = Store(folder)
    try:
        me = store.machine
    except StoreError as exc:
        raise UserError(str(exc)) from None
    print(f"this machine: {me} (its id is kept in {shown(machine_file())})")
    try:
        deleted = store.tombstones()["sessions"]
    except StoreError as exc:
        store.unread[exc.path] = str(exc)
        deleted = {}
    print("machines that have written here:")
    for machine, where in store.source_dirs():
        files = _files(where, skip=folder / MACHINES if where == folder else None)
        mine = [p for p in files if data_name(p.name) and p.suffix == ".json"]
        uuids: set[str] = set()
        for path in mine:
            if path.parent.name == "sessions":
                tables = store.read_tables(path, "sessions", strict=False)
                uuids |= set(tables.get("sessions", {})) - deleted.keys()
        last = max((p.stat().st_mtime for p in mine), default=None)
        label = f"{machine}{' (this machine)' if machine == me else ''}"
        place = "top of the folder" if where == folder else f"{MACHINES}/{machine}"
        when = f"last write {_when(last)}" if last else "nothing written"
        count = f"{len(uuids)} session{'' if len(uuids) == 1 else 's'}"
        print(f"  {label}: {count}, {when} ({place})")
    every = _files(folder)
    copies = [p for p in every if (data_name(p.name) or ("", False))[1]]
    unfinished = [p for p in every if p.name.endswith((".tmp", ".partial", ".part"))
                  and not p.name.startswith(".lock")]
    try:
        settings = store.all_settings()
        store.all_routines()
    except StoreError as exc:
        store.unread[exc.path] = str(exc)
        settings = []
    if len(settings) > 1:
        at, path, _ = settings[0]
        print(f"settings in use: saved {at[:16]} in {shown(path.relative_to(folder))}; "
              "older ones kept in:")
        for at, path, _ in settings[1:]:
            print(f"  {shown(path.relative_to(folder))} (saved {at[:16] or 'before sync'})")
    _listed("conflict copies found (merged, unless listed as unreadable below)", copies, folder)
    _listed("files a sync tool has not finished (ignored until it does)", unfinished, folder)
    problems = sorted(store.unread.items())
    print(f"files it could not read: {len(problems) or 'none'}")
    own = store.own_dir()
    for path, problem in problems:
        if path.parent not in (own, own / "sessions", own / "days", own / "totals"):
            # Not this machine's to fix: it waits for the sync tool (or the other machine).
            problem = f"{problem.rsplit('; ', 1)[0]}; skipped until the sync tool delivers it whole"
        print(f"  {shown(problem)}")
    _natural_breaks()
    return 0


def _natural_breaks() -> None:
    from coach.nudger.idle import signal_note
    from coach.nudger.tmux import Tmux

    print(signal_note(Tmux(os.environ.get("BACKCOACH_TMUX_SOCKET"))))


def _listed(title: str, paths: list[Path], folder: Path) -> None:
    print(f"{title}: {len(paths) or 'none'}")
    for path in sorted(paths):
        print(f"  {shown(path.relative_to(folder))}")
