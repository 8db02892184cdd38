"""Deletes as marks every machine reads: tombstones, their undoing ("revived" by the machine that
deleted, "restored" by the user for another machine's), and the checked read they all use."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from coach.core.storage.datafile import FileStorage
from coach.core.storage.errors import StoreError
from coach.core.storage.folder import DELETED_FILE, DataFolder
from coach.core.storage.listing import named_files
from coach.core.storage.schema import Kind, Tables
from coach.core.storage.stamps import NEVER, Stamp, next_mark, stamp_of

REVIVED = "revived"
RESTORED = "restored"  # key -> {machine: the latest of its deletes undone}: `doctor --restore`


class Marks(DataFolder):
    """Every machine's deletes, and the file reads that note what they could not read."""

    def __init__(self, folder: Path, machine: str | None = None) -> None:
        super().__init__(folder, machine)
        self.unread: dict[Path, str] = {}  # a conflict copy or another's summary: path -> why

    def read_tables(self, path: Path, kind: Kind, strict: bool) -> Tables:
        """A file's tables ({} when missing). strict raises StoreError; otherwise the problem is
        kept in `unread` (for `doctor`) and the file counts as empty."""
        try:  # through the one safe read (files.read_file): a link, a FIFO, a device refused
            return FileStorage(path, kind).read() or {}
        except StoreError as exc:
            if strict:
                raise
            self.unread[path] = str(exc)
            return {}

    def bury(self, table_name: str, *keys: str, extra: dict[str, Any] | None = None,
             after: Iterable[Stamp] = ()) -> None:
        """Note keys as deleted (or revived) now in this machine's deleted.json; one write.
        Each mark is stamped later than every mark of its key seen, and than `after` (the
        saves the caller saw), so it wins over them whatever the clocks say (stamps.py)."""
        file = FileStorage(self.deleted_path, "deleted")
        tables = dict(file.read() or {})
        marks = self._marks()
        seen = list(after)
        table = dict(tables.get(table_name, {}))
        for key in keys:
            known = [st for found in marks.values() for st in found.get(key, {}).values()]
            table[key] = {**next_mark(seen + known), "by": self.machine, **(extra or {})}
        tables[table_name] = table
        file.write(tables)

    def tombstones(self) -> dict[str, dict[str, Stamp]]:
        """Table ("sessions", "routines") -> key -> when it was deleted (its stamp), from every
        machine."""
        return {table: {key: max(by.values()) for key, by in found.items()}
                for table, found in self.deletes().items()}

    def deletes(self) -> dict[str, dict[str, dict[str, Stamp]]]:
        """Table -> key -> machine -> when that machine deleted it, for the deletes that stand.

        A machine that saves or imports a session again after deleting it undoes its own
        delete ("revived", newer than its tombstone); another machine's delete stands until
        the user restores it (`doctor --restore`, or importing the session again): a restore
        names each delete it undoes, so a forged clock far ahead cannot outlast it.
        """
        marks = self._marks()
        out: dict[str, dict[str, dict[str, Stamp]]] = {"sessions": {}, "routines": {}}
        for table, found in out.items():
            for key, by_machine in marks[table].items():
                revived = marks[REVIVED].get(key, {}) if table == "sessions" else {}
                undone = marks[RESTORED].get(f"{table}:{key}", {})
                live = {by: at for by, at in by_machine.items()
                        if at > revived.get(by, NEVER) and at > undone.get(by, NEVER)}
                if live:
                    found[key] = live
        return out

    def restore(self, table: str, undo: dict[str, dict[str, Stamp]]) -> None:
        """Undo deletes: key -> {machine: stamp} as deletes() gave them; one write."""
        if not undo:
            return
        with self.locked():
            file = FileStorage(self.deleted_path, "deleted")
            tables = dict(file.read() or {})
            found = dict(tables.get(RESTORED, {}))
            for key, machines in undo.items():
                old = found.get(f"{table}:{key}", {}).get("undo", {})
                old = old if isinstance(old, dict) else {}
                merged = {m: _as_doc(max(stamp_of(old.get(m)), machines.get(m, NEVER)))
                          for m in {**old, **machines}}
                found[f"{table}:{key}"] = {**next_mark([]), "by": self.machine, "undo": merged}
            tables[RESTORED] = found
            file.write(tables)

    def my_deletes(self) -> dict[str, Stamp]:
        """The sessions this machine deleted and has not saved again since: uuid -> when."""
        marks, me = self._marks(), self.machine
        return {key: by_machine[me] for key, by_machine in marks["sessions"].items()
                if me in by_machine and by_machine[me] > marks[REVIVED].get(key, {}).get(me, NEVER)}

    def _marks(self) -> dict[str, dict[str, dict[str, Stamp]]]:
        """Table -> key -> machine -> its latest mark, over every deleted.json and its conflict
        copies. A mark names the machine that made it ("by"); one made before marks did counts
        as the folder's. By name, because the folder a machine writes in can change under it:
        two machines that started apart each took the top, and the sync tool kept one owner."""
        out: dict[str, dict[str, dict[str, Stamp]]] = {
            "sessions": {}, "routines": {}, REVIVED: {}, RESTORED: {}}
        own = self.own_dir() / DELETED_FILE
        for machine, folder in self.source_dirs():
            for path in named_files(folder, DELETED_FILE):
                strict = path == own
                tables = self.read_tables(path, "deleted", strict)
                for table, found in out.items():
                    for key, doc in tables.get(table, {}).items():
                        if not isinstance(doc, dict):
                            continue
                        # In a machine folder every mark is that machine's: a file planted
                        # there cannot speak for another. Only the old top names its writer.
                        by = str(doc.get("by") or machine) if folder == self.folder else machine
                        marks = found.setdefault(key, {})
                        if table == RESTORED:
                            undo = doc.get("undo")
                            for m, when in (undo.items() if isinstance(undo, dict) else ()):
                                marks[str(m)] = max(marks.get(str(m), NEVER), stamp_of(when))
                        else:
                            marks[by] = max(marks.get(by, NEVER), stamp_of(doc))
        return out


def _as_doc(stamp: Stamp) -> dict[str, Any]:
    """A stamp as a mark stores it, for stamp_of to read back."""
    return {"hlc": stamp[0].isoformat(), "n": stamp[1]}
