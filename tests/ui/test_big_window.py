"""A 160x48 window is used: pictures fill the room the text leaves in picker and library."""

from __future__ import annotations

from coach.ui.widgets.diagram import Diagram


async def test_picker_and_library_fill_a_big_window(library, data_dir, ready_store, open_app):
    async with open_app((160, 48)) as (app, pilot):
        picker = app.screen
        figure = picker.query_one("#preview-figure", Diagram)
        assert figure.display and figure.region.height >= 20
        assert figure.figure is picker.selected().steps[0].exercise.figure
        await pilot.press("l")
        await pilot.pause()
        assert app.screen.query_one("#diagram", Diagram).region.height >= 20
        await pilot.press("escape")
        await pilot.resize_terminal(80, 24)  # no room to spare: the preview is text alone
        await pilot.pause()
        assert not picker.query_one("#preview-figure", Diagram).display
