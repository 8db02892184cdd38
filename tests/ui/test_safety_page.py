"""The safety page offers "↓ read on" only when some of its text is out of view."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from coach.ui.screens.safety import SafetyPage


@pytest.mark.parametrize(("size", "read_on"), [((120, 40), False), ((60, 20), True)])
async def test_read_on_only_when_the_text_does_not_fit(library, data_dir, ready_store, open_app,
                                                       size, read_on):
    async with open_app(size) as (app, pilot):
        await pilot.press("question_mark", "w")
        await pilot.pause()
        await pilot.pause()
        page = app.screen
        assert isinstance(page, SafetyPage)
        keys = str(page.query_one(".dialog-keys", Static).render())
        assert ("read on" in keys) == read_on
        assert "close" in keys
