"""Sessions the store could not save, kept in a side file until a later save succeeds.

A full disk or a read-only data folder must not cost the user a session: the record is written,
one JSON file per session, to the first of these that takes it, and read back at the next start:

    $XDG_STATE_HOME/backcoach/recovery/<folder key>/     the user's state folder (platformdirs)
    $XDG_RUNTIME_DIR/backcoach/recovery/<folder key>/    when set: memory, for a full disk

The folder key is a hash of the data folder's resolved path, so a session kept for one data
folder is never offered in another. Never a shared temp folder: another user could make the
folder first, or a link there. An older backcoach kept sessions in the data folder's recovery/;
those are still read (and removed once stored), never written.

Kept files are untrusted input, checked like an import; only what is newer than the store's
copy of the same session is offered (a kept copy is an older revision once a save succeeded).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import ValidationError

from coach.core.session.records import IMPORTED, SessionRecord
from coach.core.storage import private
from coach.core.storage.union import rank
from coach.core.text import terminal_safe
from coach.core.wording import count

FOLDER = "recovery"
APP_NAME = "backcoach"


def folder_key(data_folder: Path) -> str:
    """Which data folder kept sessions belong to: the same key for every path to it."""
    return hashlib.sha256(os.fsencode(Path(data_folder).resolve())).hexdigest()[:24]


def default_roots() -> list[Path]:
    """The user's state folder, then the session's runtime folder when there is one (tmpfs:
    it has room when the disk is full). platformdirs' own runtime fallback is /tmp: not used."""
    from platformdirs import user_state_dir

    roots = [Path(user_state_dir(APP_NAME, appauthor=False))]
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        roots.append(Path(runtime) / APP_NAME)
    return roots


def newer(kept: SessionRecord, stored: SessionRecord | None) -> bool:
    """Whether the kept copy is later than the stored one: its revision (for copies made before
    revisions, the finished one, then the later end and the more work), never equality."""
    if stored is None:
        return True
    return rank(kept.model_dump(mode="json"))[:-1] > rank(stored.model_dump(mode="json"))[:-1]


def described(record: SessionRecord) -> str:
    return f"{record.status}, {count(len(record.steps), 'step')}"


def difference(kept: SessionRecord, stored: SessionRecord | None) -> str:
    """One line: the kept session, and what your history holds of it."""
    where = ("not in your history" if stored is None
             else f"your history has: {described(stored)}")
    name = terminal_safe(kept.routine_name)[:40]
    return f"{name}, {kept.day}: {described(kept)} ({where})"


def offer_question(offers: list[tuple[SessionRecord, SessionRecord | None]]) -> tuple[str, str]:
    """The start's question about kept sessions (kept, stored copy), and its yes."""
    lines = [difference(*offer) for offer in offers[:3]]
    lines += [f"and {len(offers) - 3} more"] if len(offers) > 3 else []
    were, them = ("was", "it") if len(offers) == 1 else ("were", "them")
    return (f"{count(len(offers), 'session')} could not be saved last time and {were} kept "
            "aside:\n" + "\n".join(lines) + f"\nSave {them} now?"), f"save {them}"


class Recovery:
    """Unsaved sessions by uuid, kept per data folder in the user's private folders."""

    def __init__(self, data_folder: Path, *roots: Path) -> None:
        self.key = folder_key(data_folder)
        self.roots = list(roots) or default_roots()
        self.legacy = Path(data_folder) / FOLDER  # an older backcoach's: read, never written

    def keep(self, record: SessionRecord) -> Path | None:
        """Write the record where it can be written; the path, or None if no folder took it.

        A kept copy of a later revision of the session is never replaced by an earlier one."""
        data = record.model_dump_json(indent=1).encode("utf-8")
        name = f"{record.uuid}.json"
        for root in self.roots:
            try:
                with private.private_folder(root, FOLDER, self.key, create=True) as folder:
                    there = _record(folder, name)
                    if there is None or there.revision <= record.revision:
                        private.write_file(folder, name, data)
                    return root / FOLDER / self.key / name
            except OSError:
                continue
        return None

    def pending(self) -> list[SessionRecord]:
        """Every kept session (its latest revision), oldest first; a file that is not a session
        of this app's (a link, a FIFO, too big, not valid) is left alone."""
        found: dict[str, SessionRecord] = {}
        for root, names in self._places():
            try:
                with private.private_folder(root, *names, create=False) as folder:
                    for name in private.json_names(folder):
                        record = _record(folder, name)
                        if record is not None and (record.uuid not in found or
                                                   record.revision > found[record.uuid].revision):
                            found[record.uuid] = record
            except OSError:
                continue
        return sorted(found.values(), key=lambda r: r.started_at)

    def forget(self, uuid: str, up_to: int | None = None) -> None:
        """The session is in the store now (revision `up_to`, or any: None): its side files of
        that revision or earlier go; a later one stays, to be saved in its turn."""
        name = f"{uuid}.json"
        for root, names in self._places():
            try:
                with private.private_folder(root, *names, create=False) as folder:
                    there = _record(folder, name)
                    if there is not None and (up_to is None or there.revision <= up_to):
                        private.remove(folder, name)
            except OSError:
                continue

    def _places(self) -> list[tuple[Path, tuple[str, ...]]]:
        return [(root, (FOLDER, self.key)) for root in self.roots] + [(self.legacy, ())]


def _record(folder: int, name: str) -> SessionRecord | None:
    """The session in the folder's file `name`, checked like an import; None when it is not
    one (or is filed under another uuid's name: it would replace that session's copy)."""
    raw = private.read_file(folder, name)
    if raw is None:
        return None
    try:
        record = SessionRecord.model_validate_json(raw, context=IMPORTED)
    except (ValueError, ValidationError, RecursionError):
        return None
    return record if name == f"{record.uuid}.json" else None
