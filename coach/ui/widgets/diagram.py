"""An exercise's ASCII diagram, stepping through its frames to show the movement."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static


class Diagram(Static):
    """Shows one frame at a time; `animate_every` seconds between frames, 0 holds still."""

    DEFAULT_CSS = """
    Diagram {
        width: auto;
        min-width: 34;
        height: auto;
        padding: 0 1;
        color: $text;
    }
    """

    frame = reactive(0)

    def __init__(self, frames: tuple[str, ...] = (), animate_every: float = 0, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self._frames = frames
        self._every = animate_every
        self._timer = None

    def on_mount(self) -> None:
        self.show(self._frames)

    def show(self, frames: tuple[str, ...]) -> None:
        """Draw these frames from the first; animate them if there is more than one."""
        self._frames = frames
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.frame = 0
        self.mutate_reactive(Diagram.frame)
        if self._every and len(frames) > 1:
            self._timer = self.set_interval(self._every, self._advance)

    def _advance(self) -> None:
        self.frame = (self.frame + 1) % len(self._frames)

    def watch_frame(self, frame: int) -> None:
        self.update(self._frames[frame] if self._frames else "")
