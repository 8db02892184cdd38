"""`backcoach doctor`: the data folder as every machine sharing it has left it.

Which machines wrote here and when, whose deletes stand, which files could not be read and why,
the conflict copies a sync tool made (merged into the history), the files it has not finished
delivering (ignored), every other file and why it is not read, and whose settings are in use.
`--sync-dir PATH` makes PATH this machine's data folder; `--restore MACHINE` undoes another
machine's deletes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from coach.commands.common import UserError
from coach.commands.sync_dir import set_sync_dir, shown
from coach.core.storage.machine import machine_file
from coach.core.storage.stamps import Stamp
from coach.core.storage.store import Store, StoreError
from coach.core.wording import count
from coach.paths import DATA_DIR_ENV, data_dir


def _when(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def cmd_doctor(args: argparse.Namespace) -> int:
    if args.sync_dir:
        return set_sync_dir(Path(args.sync_dir), args.data_dir)
    folder = data_dir(args.data_dir)
    try:
        if args.restore:
            return _restore(Store(folder), args.restore)
        return _report(folder, args.data_dir)
    except StoreError as exc:  # a machine file, owner.json, this machine's own file
        raise UserError(str(exc)) from None


def _restore(store: Store, machine: str) -> int:
    """Undo the deletes `machine` made that still stand (sessions and routines)."""
    deletes = store.deletes()
    counts = []
    for table, found in deletes.items():
        undo = {key: {machine: by[machine]} for key, by in found.items() if machine in by}
        store.restore(table, undo)
        counts.append(count(len(undo), table.removesuffix("s")))
    if counts == ["0 session", "0 routine"]:
        who = sorted({m for found in deletes.values() for by in found.values() for m in by})
        others = f"; deletes stand from: {', '.join(map(shown, who))}" if who else ""
        print(f"{shown(machine)} has no deletes that stand here{others}")
        return 0
    print(f"brought back what {shown(machine)} deleted: {' and '.join(counts)} "
          "(a delete it makes from now on still counts)")
    return 0


def _report(folder: Path, data_dir_arg: str | None) -> int:
    from coach.commands.doctor_files import survey
    from coach.core.storage.folder import MACHINES, SESSIONS
    from coach.core.storage.listing import data_files_in

    why = ("--data-dir" if data_dir_arg else f"${DATA_DIR_ENV}" if os.environ.get(DATA_DIR_ENV)
           else "this machine's sync_dir or the default")
    print(f"data folder: {shown(folder)} ({why})")
    if not folder.is_dir():
        print("nothing has been written there yet")
        return 0
    store = Store(folder)
    me = store.machine
    store.owner()  # a broken owner.json is said at once, as every other command says it
    print(f"this machine: {me} (its id is kept in {shown(machine_file())})")
    try:
        deletes = store.deletes()
    except StoreError as exc:  # this machine's deleted.json: listed below with the rest
        store.unread[exc.path] = str(exc)
        deletes = {"sessions": {}, "routines": {}}
    found = survey(store)
    print("machines that have written here:")
    for machine, where in store.source_dirs():
        uuids: set[str] = set()
        for paths in data_files_in(where / SESSIONS, len("2026-11")).values():
            for path in paths:
                uuids |= set(store.read_tables(path, "sessions", strict=False).get("sessions", {}))
        sessions = count(len(uuids - deletes["sessions"].keys()), "session")
        label = f"{machine}{' (this machine)' if machine == me else ''}"
        place = "top of the folder" if where == folder else f"{MACHINES}/{machine}"
        last = found.last_write.get(where)
        when = f"last write {_when(last)}" if last else "nothing written"
        print(f"  {shown(label)}: {sessions}, {when} ({shown(place)})")
    _deletes(deletes)
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
    _listed("conflict copies found (merged, unless listed as unreadable below)", found.copies,
            folder)
    _listed("files a sync tool has not finished (ignored until it does)", found.unfinished,
            folder)
    print(f"other files, not read: {len(found.not_read) or 'none'}")
    for path, reason in sorted(found.not_read.items()):
        print(f"  {shown(path.relative_to(folder))}: {reason}")
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


def _deletes(deletes: dict[str, dict[str, dict[str, Stamp]]]) -> None:
    """Whose deletes hide what: a forged deletes file hides sessions, and this says whose."""
    by_machine: dict[str, dict[str, list[Stamp]]] = {}
    for table, found in deletes.items():
        for by in found.values():
            for machine, at in by.items():
                by_machine.setdefault(machine, {}).setdefault(table, []).append(at)
    if not by_machine:
        print("deletes: none")
        return
    print("deletes that stand (hidden on every machine):")
    for machine, tables in sorted(by_machine.items()):
        what = " and ".join(count(len(ats), table.removesuffix("s"))
                            for table, ats in sorted(tables.items(), reverse=True))
        latest = max(at for ats in tables.values() for at in ats)[0].isoformat()[:16].replace("T", " ")
        print(f"  {shown(machine)} deleted {what}, the latest on {shown(latest)}; "
              f"`backcoach doctor --restore {shown(machine)}` brings them back")


def _listed(title: str, paths: list[Path], folder: Path) -> None:
    print(f"{title}: {len(paths) or 'none'}")
    for path in sorted(paths):
        print(f"  {shown(path.relative_to(folder))}")
