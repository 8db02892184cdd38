"""The app's side of user routines: new, edit, copy, delete, and routine files.

Kept apart from app.py so the app file stays about sessions and navigation.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from coach.core.content.editing import Draft, copy_name, draft_of
from coach.core.content.loading import (
    ContentError,
    RoutineInfo,
    user_routine_info,
    with_user_routines,
)
from coach.core.content.models import Routine
from coach.core.content.routine_files import new_routine_id, routine_from_toml, routine_to_toml
from coach.core.storage.datafile import write_atomic
from coach.core.storage.store import StoreError
from coach.ui.gate import after_store_opens
from coach.ui.lazy import LazyScreen
from coach.ui.screens.dialogs import Confirm, PathPrompt

if TYPE_CHECKING:
    from coach.ui.screens.editor import EditorScreen

Editor = LazyScreen("coach.ui.screens.editor", "EditorScreen")  # loaded when first opened

DRAFT_ID = "draft"  # a placeholder for checking; a new routine gets its id when first saved


class RoutineEditing:
    """Mixed into CoachApp: needs self.store, self.base_library, self.library."""

    def refresh_routines(self: App) -> None:
        """Rebuild the library with the user's routines and show it in the picker."""
        if self.store is None:
            return
        try:
            mine = self.store.user_routines()
        except StoreError as exc:
            self.notify(f"Your routines can't be read: {exc}", severity="error", timeout=10)
            return
        self.library, problems = with_user_routines(self.base_library, mine)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=10)
        from coach.ui.screens.picker import PickerScreen

        for screen in self.screen_stack:
            if isinstance(screen, PickerScreen):
                screen.library = self.library
                screen.refresh_list()

    def _names(self: App) -> set[str]:
        return {info.routine.name for info in self.library.routines.values()}

    def _open_editor(self: App, draft: Draft) -> None:
        exercises = sorted(self.library.exercises.values(), key=lambda e: e.name)
        self.push_screen(Editor(draft, draft.routine_id or DRAFT_ID, self._names(), exercises))

    @after_store_opens
    def new_routine(self: App) -> None:
        self._open_editor(Draft())

    @after_store_opens
    def edit_routine(self: App, info: RoutineInfo) -> None:
        if not info.builtin:
            self._open_editor(draft_of(info, self.library))
            return
        mine = copy_name(info.routine.name, self._names())
        self.push_screen(
            Confirm(f"Built-in routines stay as they are. Make your own copy, {mine!r}?",
                    "copy it and edit the copy", "not now"),
            lambda yes: yes and self._open_editor(draft_of(info, self.library, mine)),
        )

    @after_store_opens
    def duplicate_routine(self: App, info: RoutineInfo) -> None:
        draft = draft_of(info, self.library, copy_name(info.routine.name, self._names()))
        from coach.core.content.editing import check

        checked = check(draft, DRAFT_ID, self._names())
        if checked.routine is not None and self.save_user_routine(checked.routine, new=True):
            self.notify(f"Saved a copy: {checked.routine.name}", timeout=4)

    @after_store_opens
    def delete_routine(self: App, info: RoutineInfo) -> None:
        if info.builtin:
            self.notify("Built-in routines can't be deleted; copy one (d) to make it yours.",
                        timeout=5)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.store.delete_routine(info.routine.id)
                self.refresh_routines()
                self.notify(f"Deleted {info.routine.name}. Past sessions keep its name.",
                            timeout=4)

        self.push_screen(Confirm(f"Delete your routine {info.routine.name!r}?", "delete it",
                                 "keep it"), answer)

    def save_user_routine(self: App, routine: Routine, new: bool) -> bool:
        """Store a routine from the editor; a new one gets a stable id from its name."""
        if self.store is None:
            return False
        try:
            if new:
                # Stored but broken routines are not in the library; their ids are still taken.
                taken = set(self.library.routines) | {r.id for r in self.store.user_routines()}
                routine = routine.model_copy(update={"id": new_routine_id(routine.name, taken)})
            self.store.save_routine(routine)
        except StoreError as exc:
            self.notify(f"Could not save: {exc}", severity="error", timeout=10)
            return False
        self.refresh_routines()
        return True

    def export_routine_file(self: App, routine: Routine | None) -> None:
        if routine is None:
            self.notify("Fix the problems shown first; only a valid routine is written.",
                        severity="warning", timeout=5)
            return

        def write(path: str | None) -> None:
            if not path:
                return
            target = Path(path).expanduser()
            try:
                write_atomic(target, routine_to_toml(routine).encode("utf-8"))
            except OSError as exc:
                self.notify(f"{target}: {exc.strerror or exc}", severity="error", timeout=8)
                return
            self.notify(f"Wrote {target}", timeout=4)

        name = routine.id if routine.id != DRAFT_ID else new_routine_id(routine.name, set())
        self.push_screen(PathPrompt("Export this routine to which file?", f"{name}.toml"), write)

    def import_routine_file(self: App, editor: EditorScreen) -> None:
        def read(path: str | None) -> None:
            if not path:
                return
            target = Path(path).expanduser()
            taken = self._names() - {editor.draft.original_name or ""}
            try:
                text = target.read_text(encoding="utf-8")
                routine = routine_from_toml(text, str(target), self.base_library, taken)
                info = user_routine_info(routine, self.library.exercises)
            except ContentError as exc:
                self.notify(exc.problems[0], severity="error", timeout=10)
                return
            except (OSError, UnicodeDecodeError) as exc:
                self.notify(f"{target}: cannot read it ({exc})", severity="error", timeout=8)
                return
            editor.load(draft_of(info, self.library, routine.name))

        self.push_screen(PathPrompt("Import a routine from which file?"), read)
