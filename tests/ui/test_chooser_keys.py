"""The editor's add dialog: arrows move the highlight, Enter adds the highlighted match."""

from __future__ import annotations

from textual.widgets import Input

from coach.ui.screens.chooser import ExerciseChooser
from coach.ui.screens.editor import EditorScreen


async def test_arrows_move_and_enter_adds_the_highlighted_match(library, data_dir, ready_store,
                                                                 open_app):
    async with open_app((100, 32)) as (app, pilot):
        await pilot.press("n", *"Shoulders", "tab", "tab", "a")
        chooser = app.screen
        assert isinstance(chooser, ExerciseChooser)
        await pilot.press(*"retraction")
        assert chooser.query_one("#filter", Input).value == "retraction"
        matches = [e.id for e in chooser.shown]
        assert len(matches) >= 2
        await pilot.press("down")  # crashed: 'NavList' object has no attribute 'action_down'
        await pilot.press("down", "up", "pagedown", "pageup", "down")
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert [s.exercise.id for s in editor.draft.steps] == [matches[1]]
        assert editor.draft.name == "Shoulders"  # the unsaved draft is still there
