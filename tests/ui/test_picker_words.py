"""The picker tells the same story as the commands: lengths, places, hints, keys."""

from __future__ import annotations

from textual.style import Style
from textual.visual import Visual
from textual.widgets import Static

from coach.cli import main
from coach.core.text import duration_text
from coach.ui.screens.help import HelpScreen, keys_text
from coach.ui.widgets.navlist import NavList


def row_lines(listing: NavList, routine_id: str) -> list[str]:
    """A row as the list draws it, at the list's width."""
    option = listing.get_option(routine_id)
    strips = Visual.to_strips(listing, option.prompt, listing.scrollable_content_region.width,
                              None, Style())
    return [strip.text for strip in strips]


async def test_the_micro_break_is_as_long_in_the_picker_as_in_the_command(
        library, data_dir, ready_store, open_app, capsys):
    main(["routines"])
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("micro-break ")]
    assert "1 min 30 s" in line  # ninety seconds, as the routine's own text says
    async with open_app((80, 24)) as (app, pilot):
        first = row_lines(app.screen.query_one("#routines", NavList), "micro-break")[0]
        assert first.rstrip().endswith(" 1 min 30 s") and "2 min" not in first


async def test_at_60_columns_a_name_and_its_length_do_not_run_together(library, data_dir,
                                                                     ready_store, open_app):
    async with open_app((60, 20)) as (app, pilot):
        listing = app.screen.query_one("#routines", NavList)
        for info in app.screen.shown:
            first = row_lines(listing, info.routine.id)[0].rstrip()
            note = duration_text(info.seconds)
            assert first.endswith(note) and first[: -len(note)].endswith(" "), first
        filters = str(app.screen.query_one("#filters", Static).render())
        assert "≤30m" in filters  # the time filter is whole, on a line of its own


async def test_from_the_search_box_the_empty_list_says_what_works_there(library, data_dir,
                                                                      ready_store, open_app):
    async with open_app((80, 24)) as (app, pilot):
        await pilot.press("slash", *"zzzz")
        hint = str(app.screen.query_one("#preview", Static).render())
        assert "Press w or t" not in hint and "Esc" in hint
        await pilot.press("enter")  # back in the list: there w and t do widen the filters
        hint = str(app.screen.query_one("#preview", Static).render())
        assert "Press w or t" in hint


async def test_help_in_the_picker_shows_ctrl_p_without_scrolling(library, data_dir, ready_store,
                                                                 open_app):
    async with open_app((80, 24)) as (app, pilot):
        picker = app.screen
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = keys_text(picker).plain.splitlines()
        assert any("ctrl+p" in line for line in lines[:4])


async def test_the_library_shows_whole_names_where_the_window_has_room(library, data_dir,
                                                                      ready_store, open_app):
    async with open_app((120, 40)) as (app, pilot):
        await pilot.press("l")
        listing = app.screen.query_one("#exercises", NavList)
        for exercise in library.exercises.values():
            assert row_lines(listing, exercise.id)[0].rstrip() == exercise.name
