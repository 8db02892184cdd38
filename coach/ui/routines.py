"""The user's routines on the UI side: new, edit, copy, delete, save, and routine files.

The App owns one RoutineBook and hands it what screens ask for (PickerScreen.RoutineAsked,
EditorScreen.SaveAsked, EditorScreen.FileAsked), once the store is open. The book holds what
the App lent it (coach/ui/context.py), not the App: every store call, the look for routines
saved elsewhere included, goes through the one writer, and a changed library goes up to the
App as LibraryChanged, which shows it in the picker.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message

from coach.core.content.editing import Draft, check, copy_name, draft_of
from coach.core.content.loading import (
    ContentError,
    Library,
    RoutineInfo,
    user_routine_info,
    with_user_routines,
)
from coach.core.content.models import Exercise, Routine
from coach.core.content.routine_files import (  # DRAFT_ID: a new routine's id until saved
    DRAFT_ID,
    new_routine_id,
    read_routine_text,
    routine_from_toml,
    routine_to_toml,
)
from coach.core.disk import write_atomic
from coach.paths import routine_files_dir
from coach.ui.context import Lent
from coach.ui.lazy import LazyScreen
from coach.ui.screens.dialogs import Confirm, PathPrompt
from coach.ui.storage import problem_text

if TYPE_CHECKING:
    from coach.ui.screens.editor import EditorScreen

Editor = LazyScreen("coach.ui.screens.editor", "EditorScreen")  # loaded when first opened


def in_folder(typed: str, folder: Path) -> Path:
    """A typed path in full: ~ expanded, and a bare name in the folder the prompt named."""
    path = Path(typed).expanduser()
    return path if path.is_absolute() else folder / path


def quoted(name: str) -> Text:
    """A user's name inside our sentence, never read as markup."""
    return Text(f"“{name}”")


class LibraryChanged(Message):
    """The user's routines changed: show this library, the cursor on `select` if given."""

    def __init__(self, library: Library, select: str | None = None) -> None:
        super().__init__()
        self.library, self.select = library, select


class RoutineBook:
    def __init__(self, lent: Lent, library: Library) -> None:
        self.lent, self.writer, self.store = lent, lent.writer, lent.store
        self.base_library = library  # what ships; self.library adds the user's own routines
        self.library = library
        self.stamp: tuple | None = None  # the routine files as last seen (see look)

    def notify(self, message: str, **kwargs) -> None:
        self.lent.notify(message, markup=False, **kwargs)

    def refresh(self, select: str | None = None) -> None:
        """Rebuild the library with the user's routines and send it up for the picker, its
        cursor on the routine `select` (one just saved) or where it was."""
        if self.store is None:
            return
        mine = self.writer.read(self.store.user_routines, None)
        if mine is None:
            return
        self.library, problems = with_user_routines(self.base_library, mine)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=10)
        self.lent.post(LibraryChanged(self.library, select))

    def look(self) -> None:
        """Notice routines another copy of the app or the shell (`backcoach routines import`)
        saved, with no restart: stat the routine files in the writer's thread (a synced folder
        may be slow); when they changed since the last look, read them again and show them."""
        store = self.store
        if store is not None:
            # A look that fails is only a look missed: no notice, and it never ends the app.
            self.writer.write("look for new routines", store.routines_stamp, self._seen,
                              lambda problem: None)

    def _seen(self, stamp: tuple) -> None:
        changed = self.stamp is not None and stamp != self.stamp
        self.stamp = stamp
        if changed:
            self.refresh()

    def rebase(self, base: Library) -> None:
        """The checked library in place of what ships: the user's routines stay as read."""
        self.base_library = base
        mine = {key: info for key, info in self.library.routines.items() if not info.builtin}
        self.library = Library(base.exercises, base.routines | mine, base.safety)

    def names(self) -> set[str]:
        return {info.routine.name for info in self.library.routines.values()}

    def exercises(self) -> list[Exercise]:
        return sorted(self.library.exercises.values(), key=lambda e: e.name)

    def answer(self, verb: str, info: RoutineInfo | None) -> None:
        if verb == "new":
            self.new()
        elif info is not None:
            {"edit": self.edit, "copy": self.duplicate, "delete": self.delete}[verb](info)

    def new(self) -> None:
        self._open(Draft())

    def _open(self, draft: Draft) -> None:
        self.lent.push_screen(Editor(draft, draft.routine_id or DRAFT_ID, self.names(),
                                    self.exercises()))

    def edit(self, info: RoutineInfo) -> None:
        if not info.builtin:
            self._open(draft_of(info, self.library))
            return
        mine = copy_name(info.routine.name, self.names())
        question = Text("Built-in routines stay as they are. Make your own copy, ")
        question.append_text(quoted(mine)).append("?")
        self.lent.push_screen(Confirm(question, "copy it and edit the copy", "not now"),
                             lambda yes: self._open(draft_of(info, self.library, mine)) if yes else None)

    def duplicate(self, info: RoutineInfo) -> None:
        draft = draft_of(info, self.library, copy_name(info.routine.name, self.names()))
        checked = check(draft, DRAFT_ID, self.names())
        if checked.routine is not None:
            self.save(checked.routine, new=True)

    def delete(self, info: RoutineInfo) -> None:
        if info.builtin:
            self.notify("Built-in routines can't be deleted; copy one (d) to make it yours.",
                        timeout=5)
            return
        store = self.store
        if store is None:
            return

        def deleted(_: object) -> None:
            self.refresh()
            self.notify(f"Deleted {info.routine.name}. Past sessions keep its name.", timeout=4)

        def answer(yes: bool | None) -> None:
            if yes:
                self.writer.write("delete the routine",
                                  lambda: store.delete_routine(info.routine.id), deleted)

        question = Text("Delete your routine ").append_text(quoted(info.routine.name))
        self.lent.push_screen(Confirm(question.append("?"), "delete it", "keep it"), answer)

    def save(self, routine: Routine, new: bool, editor: EditorScreen | None = None) -> None:
        """Store a routine; a new one gets a stable id from its name, under the store's lock."""
        store = self.store
        if store is None:
            return
        builtin = set(self.base_library.routines)

        def write() -> Routine:
            if new:  # the id is chosen under the store's lock, from the ids stored then
                return store.add_routine(routine, builtin | {DRAFT_ID})
            store.save_routine(routine)
            return routine

        def saved(mine: Routine) -> None:
            self.refresh(select=mine.id)  # the cursor on it, not back at the top
            if editor is not None:
                editor.saved()
            else:
                self.notify(f"Saved a copy: {mine.name}", timeout=4)

        self.writer.write("save the routine", write, saved)

    def file(self, verb: str, editor: EditorScreen) -> None:
        if verb == "export":
            self.export(editor.checked.routine)
        else:
            self.import_into(editor)

    def export(self, routine: Routine | None) -> None:
        if routine is None:
            self.notify("Fix the problems shown first; only a valid routine is written.",
                        severity="warning", timeout=5)
            return

        name = routine.id if routine.id != DRAFT_ID else new_routine_id(routine.name, set())
        named = routine.model_copy(update={"id": name})  # never the placeholder id "draft"

        folder = routine_files_dir()

        def write(path: str | None) -> None:
            if not path:
                return
            target = in_folder(path, folder)
            try:
                write_atomic(target, routine_to_toml(named).encode("utf-8"))
            except OSError as exc:
                self.notify(problem_text(exc), severity="error", timeout=8)
                return
            self.notify(f"Wrote {target}", timeout=4)

        self.lent.push_screen(PathPrompt("Export this routine to which file?",
                                        str(folder / f"{name}.toml"), folder), write)

    def import_into(self, editor: EditorScreen) -> None:
        folder = routine_files_dir()

        def read(path: str | None) -> None:
            if not path:
                return
            target = in_folder(path, folder)
            taken = self.names() - {editor.draft.original_name or ""}
            try:
                text = read_routine_text(target, str(target))
                routine = routine_from_toml(text, str(target), self.base_library, taken)
                info = user_routine_info(routine, self.library.exercises)
            except ContentError as exc:
                self.notify(exc.problems[0], severity="error", timeout=10)
                return
            editor.load(draft_of(info, self.library, routine.name))

        self.lent.push_screen(PathPrompt("Import a routine from which file?",
                                        f"{folder}{os.sep}", folder), read)
