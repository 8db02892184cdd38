"""The Diagram widget: draws at its size, and touches the screen only when a character changes."""

from __future__ import annotations

from textual.app import App, ComposeResult

from coach.core.figure.render import Frame, render
from coach.ui.widgets.diagram import Diagram


class One(App):
    CSS = "Diagram { width: 1fr; height: 1fr; }"

    def __init__(self, figure) -> None:
        super().__init__()
        self.figure = figure

    def compose(self) -> ComposeResult:
        yield Diagram(self.figure, mode="braille", id="d")


async def test_redraws_only_when_the_picture_changes(library):
    figure = library.exercises["cobra"].figure
    app = One(figure)
    async with app.run_test(size=(60, 20)) as pilot:
        diagram = app.query_one(Diagram)
        await pilot.pause()
        before = diagram.draws
        for n in range(50):  # a hold: the same moment asked for again and again
            diagram.frame = Frame(1.0 + n * 1e-9)
        await pilot.pause()
        assert diagram.draws == before
        diagram.frame = Frame(0.0)
        await pilot.pause()
        assert diagram.draws == before + 1
        width, height = diagram.content_size
        assert str(diagram.render()) == "\n".join(render(figure, Frame(0.0), width, height,
                                                         "braille"))


async def test_the_picture_grows_with_its_space(library):
    figure = library.exercises["standing-back-arch"].figure
    app = One(figure)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        small = str(app.query_one(Diagram).render())
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        big = str(app.query_one(Diagram).render())
    assert len(big.splitlines()) == 48 and len(small.splitlines()) == 12
    inked = [sum(c not in " \n" for c in text) for text in (small, big)]
    assert inked[1] > 2 * inked[0]


async def test_nothing_to_show_is_blank(library):
    app = One(None)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert str(app.query_one(Diagram).render()) == ""
