"""Shape routines by keys: new, reorder, dose, save, reopen, play; copy; delete; validation."""

from __future__ import annotations

from textual.widgets import Input, Static

from coach.core.storage.store import Store
from coach.core.text import duration_text
from coach.core.time.clock import ManualClock
from coach.paths import routine_files_dir
from coach.ui.app import CoachApp
from coach.ui.screens.chooser import ExerciseChooser
from coach.ui.screens.dialogs import Confirm
from coach.ui.screens.editor import EditorScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.session import SessionScreen
from tests.notices import record_notices


def make(library, data_dir):
    return CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                    animate=False)


def shown(screen, selector) -> str:
    return str(screen.query_one(selector, Static).render())


async def add(pilot, query: str) -> None:
    """a, type a filter (the filter has focus at once), Enter adds the highlighted match."""
    await pilot.press("a")
    assert isinstance(pilot.app.screen, ExerciseChooser)
    await pilot.press(*query, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_create_reorder_dose_save_reopen_and_play(library, data_dir, ready_store, settle):
    app = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press("n")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.query_one("#name", Input).has_focus
        await pilot.press(*"Evening back", "tab", *"Short floor work", "tab")
        await add(pilot, "cobra")
        await add(pilot, "knees to chest")
        await add(pilot, "prone press")
        assert [s.exercise.id for s in editor.draft.steps] == [
            "cobra", "knees-to-chest", "prone-press-up"]
        await pilot.press("K")  # the press-up moves up one
        assert [s.exercise.id for s in editor.draft.steps] == [
            "cobra", "prone-press-up", "knees-to-chest"]
        await pilot.press("k")  # up to cobra
        assert editor.current().exercise.id == "cobra"
        # Dose: four holds of 40 s instead of three of 25 (Enter, then Tab through the form).
        await pilot.press("enter", "tab", "tab")
        await pilot.press("end", "backspace", "4", "tab")
        await pilot.press("end", "backspace", "backspace", *"40")
        assert editor.draft.steps[0].changes == {"reps": 4, "hold_s": 40}
        assert "*" in str(editor.query_one("#l-hold_s").render())
        estimate = shown(editor, "#estimate")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        assert "Evening back" in {i.routine.name for i in app.library.routines.values()}
    # A new app on the same folder: the routine is there, intact, and plays.
    again = make(library, data_dir)
    async with again.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.pause()
        [info] = [i for i in again.library.routines.values() if i.routine.name == "Evening back"]
        assert not info.builtin and info.routine.description == "Short floor work"
        assert [s.exercise.id for s in info.steps] == [
            "cobra", "prone-press-up", "knees-to-chest"]
        assert (info.steps[0].dosing.reps, info.steps[0].dosing.hold_s) == (4, 40)
        assert duration_text(info.seconds) in estimate  # the editor's estimate was exact
        picker = again.screen
        index = [i.routine.id for i in picker.shown].index(info.routine.id)
        await pilot.press(*["j"] * index, "enter")
        assert isinstance(again.screen, SessionScreen)
        assert again.screen.run.info.routine.id == info.routine.id


async def test_editing_a_builtin_makes_a_copy(library, data_dir, ready_store, settle):
    app = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press("e")  # the first routine is a built-in
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        original = app.screen_stack[-2].shown[0]
        assert editor.draft.name == f"{original.routine.name} (mine)"
        await pilot.press("ctrl+s")
        await settle(pilot)
        names = {i.routine.name: i for i in app.library.routines.values()}
        assert original.routine.name in names and names[original.routine.name].builtin
        mine = names[f"{original.routine.name} (mine)"]
        assert not mine.builtin and mine.seconds == original.seconds


async def test_duplicate_then_delete_with_confirm(library, data_dir, ready_store, settle):
    app = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.pause()
        picker = app.screen
        first = picker.shown[0]
        await pilot.press("d")
        copy = f"{first.routine.name} (mine)"
        assert copy in {r.name for r in ready_store.user_routines()}
        index = [i.routine.name for i in picker.shown].index(copy)
        picker.query_one("#routines").highlighted = index
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert len(ready_store.user_routines()) == 1
        await pilot.press("delete", "y")
        assert ready_store.user_routines() == []
        assert copy not in {i.routine.name for i in app.library.routines.values()}
        await pilot.press("delete")  # a built-in: refused with a notice, nothing asked
        assert isinstance(app.screen, PickerScreen)


async def test_every_validation_message_by_keys(library, data_dir, ready_store, settle):
    app = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press("n")
        editor = app.screen
        await pilot.press("ctrl+s")  # nothing yet
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert "at least 2 characters" in shown(editor, "#err-name")
        assert "add at least one exercise" in shown(editor, "#err-steps")
        await pilot.press(*"Five desk stretches")  # a built-in's name
        assert "exists; pick another name" in shown(editor, "#err-name")
        await pilot.press("tab", "tab")
        await add(pilot, "cobra")
        await pilot.press("enter", "tab", "tab", "tab")  # into the dose: mode, sets, reps, hold
        assert editor.query_one("#f-hold_s", Input).has_focus
        await pilot.press("end", "backspace", "backspace", "0")
        assert "positive number of seconds, got 0" in shown(editor, "#err-hold_s")
        await pilot.press("shift+tab", "shift+tab")
        assert editor.query_one("#f-sets", Input).has_focus
        await pilot.press("end", "backspace", *"500")
        assert "at most 10, got 500" in shown(editor, "#err-sets")
        assert "fix step 1" in shown(editor, "#err-steps")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)  # refused
        assert ready_store.user_routines() == []
        await pilot.press("escape")  # unsaved changes: asks
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        assert isinstance(app.screen, PickerScreen)
        assert ready_store.user_routines() == []


async def test_opening_and_leaving_asks_nothing_and_a_copy_marks_nothing(
        library, data_dir, ready_store, settle):
    app = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("e", "y")  # copy a built-in
        editor = app.screen
        assert isinstance(editor, EditorScreen) and not editor.dirty
        def rows() -> list[str]:
            listing = editor.query_one("#steps")
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

        assert rows() and not any("*" in r for r in rows())  # nothing changed yet
        # each side reads as text, not colour
        box = str(editor.query_one("#f-per_side").render())
        assert "[ ]" in box or "[x]" in box
        editor.query_one("#name").focus()
        await pilot.press("end", "x")
        assert editor.dirty
        await pilot.press("backspace")  # reverted: back to what was opened
        assert not editor.dirty
        editor.query_one("#steps").focus()
        await pilot.press("enter", "tab", "tab", "end", "9")  # a dose changed: marked
        assert rows()[0].startswith("*") and not rows()[1].startswith("*")
        await pilot.press("backspace")
        assert not any("*" in r for r in rows()) and not editor.dirty
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)  # nothing to discard, nothing asked


async def test_the_palette_offers_our_commands_only(library, data_dir, ready_store, settle):
    app = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert names[0] == "Progress"
        assert not {"Keys", "Maximize", "Screenshot"} & set(names)


async def test_the_palettes_commands_run_the_apps_actions(library, data_dir, ready_store, settle):
    """Chosen in the palette as a user does: the App's action runs, as its key would."""
    from coach.ui.screens.library import LibraryScreen
    from coach.ui.screens.progress import ProgressScreen

    app = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        for name, screen in [("Progress", ProgressScreen), ("Exercise library", LibraryScreen)]:
            await pilot.press("ctrl+p", *name, "enter")
            await settle(pilot)
            assert isinstance(app.screen, screen), name
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)


async def test_export_names_the_file_and_its_id_after_the_routine(library, data_dir, ready_store,
                                                                  settle, tmp_path):
    app = make(library, data_dir)
    target = tmp_path / "out.toml"
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Evening back", "tab", "tab")
        await add(pilot, "cobra")
        await pilot.press("ctrl+e")
        field = app.screen.query_one("#path", Input)
        assert field.value == str(routine_files_dir() / "evening-back.toml")
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    written = target.read_text()
    assert 'id = "evening-back"' in written and '"draft"' not in written


async def test_import_of_a_missing_file_says_so_in_words(library, data_dir, ready_store, settle,
                                                         tmp_path):
    app = make(library, data_dir)
    said_now = record_notices(app)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("n", "ctrl+o")
        app.screen.query_one("#path", Input).value = str(tmp_path / "nope.toml")
        await pilot.press("enter")
        await settle(pilot)  # the file is read off the UI thread
        said = " ".join(n.message for n in said_now)
        assert "no such file" in said and "[Errno" not in said
