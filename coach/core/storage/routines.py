"""The routines the user made or imported: routines.json, keyed by routine id."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Final

from pydantic import ValidationError

from coach.core.content.errors import describe
from coach.core.content.models import Routine
from coach.core.content.routine_files import new_routine_id
from coach.core.storage.datafile import StoreDB, replace
from coach.core.storage.errors import bad_file
from coach.core.storage.folder import DataFolder
from coach.core.storage.summaries import shown_key
from coach.core.text import STORED

ROUTINES: Final = "routines"


class RoutineFile(DataFolder):
    """The Store's user routines."""

    def user_routines(self) -> list[Routine]:
        """The routines the user made or imported, sorted by name; reads only, creates nothing."""
        return self._routines_from(StoreDB(self.routines_path, ROUTINES))

    def save_routine(self, routine: Routine) -> None:
        """Insert the routine, or replace the one with its id; atomic and locked."""
        with self.locked():
            table = StoreDB(self.routines_path, ROUTINES).table(ROUTINES)
            # exclude_none: a step's dosing keeps only the fields it changes, as in a TOML file.
            replace(table, routine.id, routine.model_dump(mode="json", exclude_none=True))

    def add_routine(self, routine: Routine, reserved: Iterable[str]) -> Routine:
        """Store a new routine: under its own id when that is free, else a new id made from its
        name. `reserved` are ids taken elsewhere (the built-in ones). Returns it as stored.

        The ids in use are read under the same lock as the write, so two copies adding at the
        same moment cannot both take one id.
        """
        with self.locked():
            db = StoreDB(self.routines_path, ROUTINES)
            # Stored but broken routines are not in any library; their ids are still taken.
            taken = set(reserved) | {str(doc.doc_id) for doc in db.table(ROUTINES).all()}
            if routine.id in taken:
                routine = routine.model_copy(update={"id": new_routine_id(routine.name, taken)})
            self.save_routine(routine)
        return routine

    def delete_routine(self, routine_id: str) -> None:
        """Remove the user's routine with this id if it is stored; atomic and locked."""
        with self.locked():
            table = StoreDB(self.routines_path, ROUTINES).table(ROUTINES)
            if table.contains(doc_id=routine_id):  # type: ignore[arg-type]
                table.remove(doc_ids=[routine_id])  # type: ignore[list-item]

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
