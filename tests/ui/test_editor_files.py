"""The editor's files and its round trip to the picker: where exports go, what ctrl+o asks,
step numbers that stay put, the cursor after saving, routines imported from the shell."""

from __future__ import annotations

from textual.widgets import Input

from coach.cli import main
from coach.ui.screens.chooser import ExerciseChooser
from coach.ui.screens.dialogs import Confirm, PathPrompt
from coach.ui.screens.editor import EditorScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.widgets.navlist import NavList
from coach.ui.widgets.step_list import StepList


async def new_routine(pilot, name: str, *exercises: str) -> EditorScreen:
    await pilot.press("n", *name, "tab", "tab")
    for query in exercises:
        await pilot.press("a")
        assert isinstance(pilot.app.screen, ExerciseChooser)
        await pilot.press(*query, "enter")
        await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, EditorScreen)
    return editor


async def test_export_offers_the_documents_folder_and_names_the_full_path(
        library, data_dir, ready_store, settle, open_app, tmp_path, monkeypatch):
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    async with open_app((100, 32)) as (app, pilot):
        editor = await new_routine(pilot, "Evening back", "cobra")
        editor.query_one("#name", Input).focus()  # from a field too (its ctrl+e is `end`)
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, PathPrompt)
        field = app.screen.query_one("#path", Input)
        assert field.value == str(documents / "evening-back.toml")  # not a bare name in cwd
        field.value = "mine.toml"  # a bare name goes in the folder the prompt named
        await pilot.press("enter")
        await pilot.pause()
        said = " ".join(n.message for n in app._notifications)
    assert (documents / "mine.toml").is_file()
    assert f"Wrote {documents / 'mine.toml'}" in said


async def test_ctrl_o_asks_before_replacing_unsaved_work(ready_store, open_app):
    async with open_app((100, 32)) as (app, pilot):
        editor = await new_routine(pilot, "Evening back", "cobra")
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing: the draft is as it was
        assert app.screen is editor and editor.draft.name == "Evening back"
        await pilot.press("ctrl+o", "y")
        assert isinstance(app.screen, PathPrompt)


async def test_a_changed_step_keeps_its_number_where_it_was(ready_store, open_app):
    async with open_app((100, 32)) as (app, pilot):
        editor = await new_routine(pilot, "Evening back", "cobra", "knees to chest")
        editor.take_snapshot()  # as if opened saved: a change now marks its step
        steps = editor.query_one("#steps", StepList)
        steps.highlighted = 0
        await pilot.pause()
        before = str(steps.get_option_at_index(0).prompt)
        await pilot.press("enter", "tab", "tab", "end", "backspace", "4")
        await pilot.pause()
        after = str(steps.get_option_at_index(0).prompt)
        assert after.startswith("*") and not before.startswith("*")
        assert after.index("1.") == before.index("1.")
        assert str(steps.get_option_at_index(1).prompt).index("2.") == before.index("1.")


async def test_after_saving_the_cursor_is_on_the_saved_routine(ready_store, settle, open_app):
    async with open_app((100, 32)) as (app, pilot):
        await new_routine(pilot, "Zz long evening", "cobra", "knees to chest", "prone press")
        await pilot.press("ctrl+s")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert picker.selected().routine.name == "Zz long evening"
        index = picker.query_one("#routines", NavList).highlighted
        assert index is not None and index > 0


async def test_a_routine_imported_from_the_shell_appears_without_a_restart(
        library, data_dir, ready_store, settle, open_app, tmp_path, capsys):
    source = tmp_path / "desk.toml"
    assert main(["routines", "export", "desk-five", "--output", str(source)]) == 0
    source.write_text(source.read_text().replace("Five desk stretches", "From the shell")
                      .replace('id = "desk-five"', 'id = "from-shell"'))
    async with open_app((100, 32)) as (app, pilot):
        app.routines.look()  # the look the app takes every couple of seconds
        await settle(pilot)
        assert main(["routines", "import", str(source)]) == 0  # another process, in effect
        app.routines.look()
        await settle(pilot)
        await pilot.pause()
        assert "From the shell" in {i.routine.name for i in app.screen.shown}
