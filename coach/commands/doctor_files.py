"""What `backcoach doctor` says about each file in a data folder: read, or not read and why.

The folder is walked without following a link (a machine folder linked to /usr is one entry,
not a walk of /usr), and every file the union reader does not read is named with the reason,
so a session in a file under a name nobody knows is never silently left out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from coach.core.nudge.log import FOLDER as NUDGES
from coach.core.nudge.log import TIMER_FILE
from coach.core.nudge.reminders import FILE as REMINDERS_FILE
from coach.core.nudge.shared import ALIVE_FILE
from coach.core.storage.folder import (
    DAYS,
    DELETED_FILE,
    LOCK_FILE,
    MACHINES,
    OWNER_FILE,
    ROUTINES_FILE,
    SESSIONS,
    SETTINGS_FILE,
    TOTALS,
)
from coach.core.storage.listing import data_files_in, named_files
from coach.core.storage.machine import UNFINISHED, data_name, valid_id
from coach.core.storage.moving import MOVED_FILE
from coach.core.storage.store import Store
from coach.core.storage.witness import is_witness


@dataclass
class Survey:
    """Every file in the folder, sorted into what is read and what is not."""

    read: set[Path] = field(default_factory=set)
    copies: list[Path] = field(default_factory=list)  # conflict copies, read and merged
    unfinished: list[Path] = field(default_factory=list)  # a sync tool's temp files
    not_read: dict[Path, str] = field(default_factory=dict)  # path -> why
    last_write: dict[Path, float] = field(default_factory=dict)  # machine folder -> newest


def walk(folder: Path) -> tuple[list[Path], list[Path]]:
    """(files, links) under folder; links (to files or folders) are listed, never followed."""
    files: list[Path] = []
    links: list[Path] = []
    for root, dirs, names in os.walk(folder):  # os.walk does not descend into linked folders
        here = Path(root)
        links += [here / d for d in dirs if (here / d).is_symlink()]
        for name in names:
            (links if (here / name).is_symlink() else files).append(here / name)
    return files, links


def survey(store: Store) -> Survey:
    folder = store.folder
    out = Survey()
    for _, where in store.source_dirs():
        read: list[Path] = []
        for name in (SETTINGS_FILE, ROUTINES_FILE, DELETED_FILE):
            read += named_files(where, name)
        for sub, length in ((SESSIONS, 7), (NUDGES, 7), (DAYS, 4), (TOTALS, 4)):
            for paths in data_files_in(where / sub, length).values():
                summary = sub in (DAYS, TOTALS)
                read += paths[:1] if summary else paths
                for copy in paths[1:] if summary else ():
                    out.not_read[copy] = ("a copy of a summary: the summary is made again from "
                                          "the month files instead")
        kept = (where / NUDGES / TIMER_FILE, where / NUDGES / REMINDERS_FILE,
                where / NUDGES / ALIVE_FILE, where / MOVED_FILE)
        read += [p for p in kept if p.is_file()]
        out.read.update(read)
        out.copies += [p for p in read if (data_name(p.name) or ("", False))[1]]
        stamps = [p.lstat().st_mtime for p in read]
        out.last_write[where] = max(stamps, default=0.0)
    files, links = walk(folder)
    for link in links:
        out.not_read[link] = "a link: never followed, so nothing outside the folder is read"
    for path in files:
        if path in out.read or path in out.not_read or path.name == LOCK_FILE:
            continue
        if is_witness(path.name):
            continue  # the same as the file beside it (else read, and listed as a copy)
        if path == folder / OWNER_FILE:
            continue  # read: which machine the old top files belong to
        if path.name.endswith(UNFINISHED) or path.name.startswith(("~", ".syncthing")):
            out.unfinished.append(path)
        else:
            out.not_read[path] = _why(folder, path)
    return out


def _why(folder: Path, path: Path) -> str:
    parts = path.relative_to(folder).parts
    if parts[0] == MACHINES and len(parts) > 1 and not (folder / MACHINES / parts[1]).is_dir():
        return "not in a machine folder; not read"
    if ".broken-" in path.name:
        return "set aside by backcoach as unreadable: kept for you, not read"
    if ".bak" in path.name:
        return "a copy backcoach kept before it changed the file; not read"
    if path.name.startswith("."):
        return "a hidden file (a sync tool's or an editor's); not read"
    if parts[0] == MACHINES and len(parts) > 1 and parts[1] and not valid_id(parts[1]):
        return "its machine folder's name is not a machine id (a-z, 0-9, -); not read"
    return ("a name backcoach does not write and no sync tool it knows gives a copy; not read "
            "(if it holds sessions, rename it, or `backcoach import` an export of them)")

