"""A session in a small pane has a layout of its own; paused, the footer offers Resume; the
countdown says its unit."""

from __future__ import annotations

from textual.widgets import Static

from coach.ui.screens.session import SessionScreen
from coach.ui.widgets.countdown import Countdown
from coach.ui.widgets.diagram import Diagram
from coach.ui.widgets.key_footer import KeyFooter


def inside(widget, size) -> bool:
    region = widget.region
    return (region.width > 0 and region.height > 0 and region.right <= size[0]
            and region.bottom <= size[1])


def drawn(figure: Diagram) -> int:
    """How many cells of the picture have ink: a figure, not an empty box."""
    return sum(ch not in " \u2800" for ch in str(figure.render()))


async def test_a_small_pane_shows_countdown_phase_and_name_and_leaves_when_it_grows(
        library, data_dir, ready_store, open_app):
    async with open_app((40, 12), start="desk-five") as (app, pilot):
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        figure = screen.query_one("#figure", Diagram)
        # A small picture beside the text (there was none below 56x16), the text still first.
        assert figure.display and inside(figure, (40, 12))
        assert 12 <= figure.region.width <= 14 and figure.region.height >= 8
        assert drawn(figure) >= 20
        for selector in ("#ex-name", "#phase-label", "#countdown", "#next-up"):
            assert inside(screen.query_one(selector), (40, 12)), selector
        name = screen.query_one("#ex-name", Static)
        assert name.region.width >= 22  # was 2 columns: "St / an / d / up"
        assert "Standing back arch" in str(name.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert figure.display and figure.region.width >= 36
        await pilot.resize_terminal(80, 14)  # wide but short: the picture keeps its width
        await pilot.pause()
        assert figure.display and figure.region.width >= 36 and drawn(figure) >= 20
        await pilot.resize_terminal(60, 20)  # the full layout, the text not squeezed to 21
        await pilot.pause()
        assert figure.display and figure.region.width >= 24
        assert name.region.width >= 28 and name.region.height == 1
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert figure.display and figure.region.width <= 14


def footer_labels(app) -> list[str]:
    return [entry.description for entry in app.screen.query_one(KeyFooter).shown]


async def test_paused_the_footer_offers_resume_and_space_resumes(library, data_dir, ready_store,
                                                                 open_app):
    async with open_app((80, 24), start="desk-five") as (app, pilot):
        screen = app.screen
        assert "Pause" in footer_labels(app) and "Resume" not in footer_labels(app)
        await pilot.press("space")
        await pilot.pause()
        assert screen.run.player.paused
        assert "Resume" in footer_labels(app) and "Pause" not in footer_labels(app)
        await pilot.press("space")
        await pilot.pause()
        assert not screen.run.player.paused
        assert "Pause" in footer_labels(app)


async def test_the_countdown_says_seconds(library, data_dir, ready_store, open_app):
    async with open_app((80, 24), start="desk-five") as (app, pilot):
        await pilot.press("n")  # into rep 1/5 of the arch: a count of seconds, not of reps
        await pilot.pause()
        clock = app.screen.query_one("#countdown", Countdown)
        assert clock.unit == "s"
        assert str(clock.render()).splitlines()[-1].endswith(" s")
