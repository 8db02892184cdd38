"""The routines the user made or imported: routines.json, keyed by routine id, one per machine.

When two machines saved one routine id, the latest save wins (by its stamp, stamps.py: never by
clocks alone) and the other stays in its machine's file; a delete is a tombstone, undone by a
later save of that id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from pydantic import ValidationError

from coach.core.content.errors import describe
from coach.core.content.models import Routine
from coach.core.content.routine_files import new_routine_id
from coach.core.storage.datafile import StoreDB
from coach.core.storage.errors import StoreError, bad_file
from coach.core.storage.folder import ROUTINES_FILE
from coach.core.storage.stamps import NEVER, Stamp, next_mark, stamp_of
from coach.core.storage.summaries import shown_key
from coach.core.storage.union import Everyone, named_files
from coach.core.text import STORED

ROUTINES: Final = "routines"
SAVED: Final = "saved"  # routine id -> when this machine saved it


class RoutineFile(Everyone):
    """The Store's user routines."""

    def user_routines(self) -> list[Routine]:
        """The routines the user made or imported on any machine, sorted by name; reads only.
        Of one id's copies the latest (by its stamp, stamps.py) wins; a delete made after it
        hides it."""
        deleted = self.tombstones()[ROUTINES]
        newest: dict[str, tuple[Stamp, Routine]] = {}
        for at, _, routine in self.all_routines():
            if at > deleted.get(routine.id, NEVER) and (
                    routine.id not in newest or at > newest[routine.id][0]):
                newest[routine.id] = (at, routine)
        return sorted((r for _, r in newest.values()), key=lambda r: (r.name.casefold(), r.id))

    def all_routines(self) -> list[tuple[Stamp, Path, Routine]]:
        """(its save's stamp, file, routine) for every machine's copy of every routine."""
        out = []
        for _, folder in self.source_dirs():
            for path in named_files(folder, ROUTINES_FILE):
                strict = path == self.folder / ROUTINES_FILE
                db = StoreDB(path, ROUTINES)
                try:
                    routines = self._routines_from(db)
                except StoreError as exc:  # another machine's, or a conflict copy
                    if strict:
                        raise
                    self.unread[path] = str(exc)
                    continue
                saved = db.table(SAVED)
                for routine in routines:
                    doc = saved.get(doc_id=routine.id)  # type: ignore[call-overload]
                    out.append((stamp_of(doc), path, routine))
        return out

    def _stamps_of(self, routine_id: str) -> list[Stamp]:
        """Every machine's saves and deletes of the routine: what a change now comes after."""
        seen = [at for at, _, routine in self.all_routines() if routine.id == routine_id]
        return seen + [st for key, st in self.tombstones()[ROUTINES].items() if key == routine_id]

    def save_routine(self, routine: Routine) -> None:
        """Insert the routine, or replace the one with its id; atomic and locked. Stamped after
        every copy and delete of it seen, so it is the one in use whatever the clocks say."""
        with self.locked():
            db = StoreDB(self.routines_path, ROUTINES)
            tables = dict(db.file.read() or {})
            # exclude_none: a step's dosing keeps only the fields it changes, as in a TOML file.
            doc = routine.model_dump(mode="json", exclude_none=True)
            mark = next_mark(self._stamps_of(routine.id))
            tables[ROUTINES] = dict(tables.get(ROUTINES, {})) | {routine.id: doc}
            tables[SAVED] = dict(tables.get(SAVED, {})) | {routine.id: mark}
            db.file.write(tables)  # one write: the routine and when, together

    def add_routine(self, routine: Routine, reserved: Iterable[str]) -> Routine:
        """Store a new routine: under its own id when that is free, else a new id made from its
        name. `reserved` are ids taken elsewhere (the built-in ones). Returns it as stored.

        The ids in use are read under the same lock as the write, so two copies adding at the
        same moment cannot both take one id.
        """
        with self.locked():
            db = StoreDB(self.routines_path, ROUTINES)
            # Stored but broken routines are not in any library; their ids are still taken.
            # So are those of any machine's routines.
            taken = set(reserved) | {str(doc.doc_id) for doc in db.table(ROUTINES).all()}
            taken |= {routine.id for _, _, routine in self.all_routines()}
            if routine.id in taken:
                routine = routine.model_copy(update={"id": new_routine_id(routine.name, taken)})
            self.save_routine(routine)
        return routine

    def delete_routine(self, routine_id: str) -> None:
        """Remove the user's routine with this id if it is stored; atomic and locked. A
        tombstone takes it out of the other machines' files too."""
        with self.locked():
            table = StoreDB(self.routines_path, ROUTINES).table(ROUTINES)
            stored = any(r.id == routine_id for _, _, r in self.all_routines())
            if table.contains(doc_id=routine_id):  # type: ignore[arg-type]
                table.remove(doc_ids=[routine_id])  # type: ignore[list-item]
            if stored:
                self.bury(ROUTINES, routine_id, after=self._stamps_of(routine_id))

    def _routines_from(self, db: StoreDB) -> list[Routine]:
        routines = []
        for doc in db.table(ROUTINES).all():
            key = shown_key(str(doc.doc_id))
            try:
                routine = Routine.model_validate(doc, context=STORED)  # shown neutralised
                _printable_json(doc)
            except ValidationError as exc:
                raise bad_file(db.file.path, describe(f"routine {key}", exc)[0]) from None
            except UnicodeEncodeError:
                raise bad_file(db.file.path, f"routine {key} holds a broken character") from None
            if routine.id != doc.doc_id:  # the key is what save and delete go by; they must agree
                raise bad_file(db.file.path, f"routine {key} says its id is {routine.id}")
            routines.append(routine)
        return sorted(routines, key=lambda r: (r.name.casefold(), r.id))


def _printable_json(doc: object) -> None:
    """UnicodeEncodeError when doc holds a lone surrogate, which no output can carry."""
    json.dumps(doc, ensure_ascii=False).encode()
