"""Drive the picker and the library the way a user does: keys in, screen and state out."""

from __future__ import annotations

from textual.widgets import Input, Static

from coach.core.content.loading import ARTICLES
from coach.core.figure.render import Frame, render
from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.exercise import ExerciseScreen
from coach.ui.screens.help import HelpScreen
from coach.ui.screens.library import LibraryScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.preview import RoutineScreen
from coach.ui.screens.safety import SafetyScreen
from coach.ui.screens.session import SessionScreen
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.navlist import NavList


def make_app(library, data_dir):
    return CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), animate=False)


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_picker_lists_routines_and_previews_the_highlighted_one(library, data_dir, settle):
    app = make_app(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        routines = screen.query_one("#routines", NavList)
        assert routines.option_count == len(library.routines)
        first = screen.shown[0]
        assert first.routine.name in text_of(screen.query_one("#preview", Static))
        await pilot.press("j")
        second = screen.shown[1]
        assert routines.highlighted == 1
        preview = text_of(screen.query_one("#preview", Static))
        assert second.routine.name in preview
        assert second.steps[0].exercise.name in preview
        await pilot.press("k")
        assert routines.highlighted == 0
        await pilot.press("down", "down")
        assert routines.highlighted == 2


async def test_where_and_time_filters_narrow_the_list(library, data_dir, settle):
    app = make_app(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("w")  # desk
        assert screen.filter.place == "desk"
        shown = {i.routine.id for i in screen.shown}
        assert "office-break" in shown and "after-work" not in shown
        assert screen.query_one("#routines", NavList).option_count == len(shown)
        await pilot.press("w")  # floor
        assert {i.routine.id for i in screen.shown} >= {"after-work", "sitting-antidote"}
        await pilot.press("w", "w")  # standing, then back to any
        assert len(screen.shown) == len(library.routines)
        await pilot.press("t")  # five minutes or less
        assert screen.shown and all(i.seconds <= 300 for i in screen.shown)
        assert "≤5m" in text_of(screen.query_one("#filters", Static))


async def test_search_filters_and_escape_clears(library, data_dir, settle):
    app = make_app(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"cobra")
        assert [i.routine.id for i in screen.shown] == ["after-work"]
        await pilot.press("enter")
        assert screen.query_one("#routines", NavList).has_focus
        await pilot.press("slash", *"zzz")
        assert screen.shown == []
        assert "No routine fits" in text_of(screen.query_one("#preview", Static))
        await pilot.press("escape")
        assert len(screen.shown) == len(library.routines)


async def test_p_previews_every_step_and_escape_returns(library, data_dir, settle):
    app = make_app(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        picked = app.screen.shown[0]
        await pilot.press("p")
        assert isinstance(app.screen, RoutineScreen)
        assert app.screen.info is picked
        diagrams = app.screen.query(Diagram)
        assert len(diagrams) == len(picked.steps)
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_library_browse_search_and_detail(library, data_dir, settle):
    app = make_app(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        listing = screen.query_one("#exercises", NavList)
        assert listing.option_count == len(library.exercises)
        await pilot.press("slash", *"cobra", "enter")
        assert [e.id for e in screen.shown] == ["cobra"]
        cobra = library.exercises["cobra"]
        head = text_of(screen.query_one("#head", Static))
        assert cobra.name in head and cobra.cue in head and "3 × 25 s hold" in head
        assert f"dose from “{ARTICLES['000']}”" in head  # the article, by name, not [000]
        assert "3 × 25 s hold" in head
        about = text_of(screen.query_one("#about", Static))
        assert cobra.steps[0] in about and "[000]" in about
        await pilot.press("enter")  # the exercise in full, its picture big
        assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == "cobra"
        assert cobra.steps[-1] in text_of(app.screen.query_one("#exercise-about", Static))
        await pilot.press("escape")
        assert app.screen is screen and listing.has_focus
        diagram = screen.query_one("#diagram", Diagram)
        width, height = diagram.content_size
        key = render(cobra.figure, Frame(len(cobra.figure.keys) - 1.0), width, height, diagram.mode)
        assert text_of(diagram) == "\n".join(key) and text_of(diagram).strip()
        await pilot.press("escape")  # clears the search first
        assert listing.option_count == len(library.exercises)
        await pilot.press("j")
        assert screen.shown[1].name in text_of(screen.query_one("#head", Static))
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_help_lists_keys_and_says_not_medical_advice(library, data_dir, settle):
    app = make_app(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = text_of(app.screen.query_one(Static))
        assert "Where" in shown and "Library" in shown and "Quit" in shown
        assert "not medical advice" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_q_quits(library, data_dir, settle):
    app = make_app(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_mouse_click_starts_the_clicked_routine(library, data_dir, settle):
    app = make_app(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        first = app.screen.shown[0]
        await pilot.press("j", "j")
        await pilot.click("#routines", offset=(3, 1))  # just below the border: the first one
        assert isinstance(app.screen, SafetyScreen)  # the first session asks this once
        await pilot.press("enter", "s")  # agree; skip the pain check-in
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.run.info is first
