"""A cover that asks for a bigger window when a screen has too little room to be used.

It sits on top of the screen (absolute, an overlay, out of the layout) and cannot take focus, so the
screen's keys keep working underneath: Esc or q still leaves, a session still pauses.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widgets import Static


class SizeGuard(Static):
    """A cover over the whole screen, shown while the window is under `width` x `height`.

    Args:
        width, height: the smallest window its screen can be used in.
    Call `fit(size)` with the window's size (the App does on each resize); it shows or hides
    itself by the `-too-small` class. No reactives; posts no messages.
    """

    DEFAULT_CSS = """
    SizeGuard {
        position: absolute;
        overlay: screen;
        layer: size-guard;  /* app.tcss gives every screen this layer, above the footer */
        width: 100%;
        height: 100%;
        visibility: hidden;
        background: $background;
        content-align: center middle;
        text-align: center;
    }
    SizeGuard.-too-small {
        visibility: visible;
    }
    """

    def __init__(self, width: int, height: int) -> None:
        super().__init__(Text(f"Make the window at least {width}x{height}"), markup=False)
        self.need = (width, height)

    def on_mount(self) -> None:
        self.fit(self.screen.size)

    def fit(self, size: Size) -> None:
        """Called on mount and by the App on every resize of the terminal."""
        self.set_class(size.width < self.need[0] or size.height < self.need[1], "-too-small")
