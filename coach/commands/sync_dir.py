"""`backcoach doctor --sync-dir PATH`: make PATH this machine's data folder, bringing along what
this machine kept in the old one (history, routines, settings, break log), or refusing and
saying why. A copy still running follows at its next read or save (DataFolder.follow)."""

from __future__ import annotations

import os
from pathlib import Path

from coach.commands.common import UserError
from coach.core.storage.machine import machine_file
from coach.core.text import terminal_safe
from coach.paths import DATA_DIR_ENV, data_dir


def shown(text: object) -> str:
    """A path or name as a terminal may show it: control, escape and bidi characters as
    harmless symbols (the CLI's one rule for text, coach.core.text)."""
    return terminal_safe(str(text))


def set_sync_dir(path: Path, data_dir_arg: str | None) -> int:
    from coach.core.storage.errors import StoreError
    from coach.core.storage.folder import DataFolder
    from coach.core.storage.machine import local_machine_id, read_machine_file, write_machine_file
    from coach.core.storage.moving import count_sessions
    from coach.core.storage.witness import is_witness

    target = path.expanduser().resolve()
    old = data_dir(data_dir_arg)
    if target.exists() and not target.is_dir():
        raise UserError(f"{shown(target)}: is a file; give the folder your sync tool keeps")
    here = old.expanduser().resolve()
    if target == here:
        raise UserError(f"{shown(target)} is already this machine's data folder")
    try:
        me = local_machine_id(machine_file())  # made first, so the id is never lost by this write
        place = DataFolder(old, me)
        inside = here / "machines" / me
        if target.is_relative_to(inside) or inside.is_relative_to(target):
            raise UserError(f"{shown(target)}: is inside this machine's folder of "
                            f"{shown(here)} (or holds it); give a folder beside it")
        moved = place.move_to(target) if old.is_dir() else None
        data = read_machine_file(machine_file()) | {"sync_dir": str(target)}
        write_machine_file(machine_file(), data)
    except StoreError as exc:
        raise UserError(f"{exc}; nothing was noted, {shown(here)} is still in use") from None
    if moved is None or not moved.files:
        print(f"nothing of this machine's was in {shown(here)}, so nothing was moved")
    else:
        kinds = {p.relative_to(target / "machines" / me).parts[0].split(".")[0].split(" ")[0]
                 for p in moved.files}
        what = [f"{count_sessions(moved.files)} sessions"] + [
            label for name, label in (("routines", "your routines"), ("settings", "settings"),
                                      ("deleted", "deletes"), ("nudges", "the break log"))
            if name in kinds]
        files = [p for p in moved.files if not is_witness(p.name)]
        print(f"moved {', '.join(what)} ({len(files)} files) from {shown(here)} "
              f"to {shown(target / 'machines' / me)}")
        if moved.beside:
            print(f"  {len(moved.beside)} of them had a namesake there (this machine's, from "
                  "before): kept beside it as a conflict copy, and both are read as one")
    print(f"this machine keeps its history in {shown(target)} from now on "
          f"(noted in {shown(machine_file())}, outside that folder); a backcoach still "
          "running follows within half a minute")
    if os.environ.get(DATA_DIR_ENV) and not data_dir_arg:
        print(f"${DATA_DIR_ENV} is set and wins over the sync folder: backcoach follows the "
              f"note left in {shown(here)}, but set ${DATA_DIR_ENV}={shown(target)} or unset it")
    return 0
