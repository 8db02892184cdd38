"""An exercise's picture: the figure drawn to the widget's size, redrawn only when it changes.

Outside a session it moves through its key positions on its own (`animate_every` > 0) or
shows the key position; in a session the screen sets `frame` from the session's clock.
"""

from __future__ import annotations

import os
import time

from rich.text import Text
from textual.geometry import Region
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from coach.core.figure.model import Figure
from coach.core.figure.modes import pick_mode
from coach.core.figure.raster import Mode
from coach.core.figure.render import Frame, render
from coach.core.session.motion import browse_frame

BROWSE_TICK_S = 0.1


class Diagram(Widget):
    """The figure of one exercise; `frame` says which moment to draw.

    Args:
        figure: the exercise's figure (None draws nothing); `show(figure)` changes it.
        animate_every: seconds between the figure's key positions when it moves by itself
            (0: still, or driven from outside through `frame`).
        mode: how to draw (braille, blocks, ASCII); by default what the terminal can show.
    Reactives:
        frame: which moment of the movement to draw (set by the session each tick).
    Posts no messages.
    """

    DEFAULT_CSS = """
    Diagram {
        width: 1fr;
        min-width: 20;
        height: 11;
        color: $text;
    }
    """

    frame: reactive[Frame] = reactive(Frame, always_update=False, layout=False, repaint=False)

    def __init__(self, figure: Figure | None = None, animate_every: float = 0,
                 mode: Mode | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.figure = figure
        self.moving = animate_every > 0  # not `animate`: that is Widget's own method
        self.mode: Mode = mode or pick_mode(os.environ)
        self._lines: list[str] = []
        self._shown_at = time.monotonic()
        self._timer: Timer | None = None
        self.draws = 0  # how many times the picture actually changed: tests and benches read it

    def on_mount(self) -> None:
        self.show(self.figure)

    def show(self, figure: Figure | None) -> None:
        """Draw this figure (None: nothing): its key position, or moving if animated."""
        self.figure = figure
        self._shown_at = time.monotonic()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if figure is not None and self.moving and len(figure.keys) > 1:
            self._timer = self.set_interval(BROWSE_TICK_S, self._browse)
            self.frame = browse_frame(0.0, len(figure.keys))
        elif figure is not None:
            self.frame = Frame(float(len(figure.keys) - 1))
        self._redraw()

    def _browse(self) -> None:
        if self.figure is not None:
            self.frame = browse_frame(time.monotonic() - self._shown_at, len(self.figure.keys))

    def watch_frame(self) -> None:
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        """Render at the current size; refresh the screen only if a character changed."""
        width, height = self.content_size
        if self.figure is None or width < 1 or height < 1:
            lines: list[str] = []
        else:
            lines = render(self.figure, self.frame, width, height, self.mode)
        if lines == self._lines:
            return
        old, self._lines = self._lines, lines
        self.draws += 1
        if len(old) != len(lines):
            self.refresh()
            return
        # Only the rows that changed: an arm moving is a few lines over SSH, not the whole box.
        self.refresh(*(Region(0, y, width, 1) for y, (a, b) in enumerate(zip(old, lines))
                       if a != b))

    def render(self) -> Text:
        return Text("\n".join(self._lines), no_wrap=True, overflow="crop")
