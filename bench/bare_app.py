"""The yardsticks: the smallest Textual apps that do what a backcoach screen does.

    python bench/bare_app.py [bare|keys|countdown SECONDS]

bare: a Header, a Static and a Footer (startup, memory). keys: the same, answering the
arrow keys and Enter by changing its text (key to screen). countdown: only a Digits counting
down once a second (bytes a countdown must send).
"""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer, Header, Static


class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("bare app ready")
        yield Footer()


class BareKeys(Bare):
    """Every key it knows changes the Static: the least a key's reaction can cost."""

    BINDINGS = [("down", "press('down')", "Down"), ("up", "press('up')", "Up"),
                ("enter", "press('enter')", "Go"), ("q", "quit", "Quit")]

    def action_press(self, key: str) -> None:
        self.presses = getattr(self, "presses", 0) + 1
        self.query_one(Static).update(f"{key} pressed {self.presses} times")


class BareCountdown(App):
    def __init__(self, seconds: int = 60) -> None:
        super().__init__()
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        yield Digits(str(self.seconds))

    def on_mount(self) -> None:
        start = time.monotonic()

        def tick() -> None:
            left = str(max(0, self.seconds - int(time.monotonic() - start)))
            digits = self.query_one(Digits)
            if digits.value != left:  # the least a countdown can send: a change per second
                digits.update(left)

        self.set_interval(0.1, tick)


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "bare"
    if which == "keys":
        BareKeys().run()
    elif which == "countdown":
        BareCountdown(int(sys.argv[2])).run()
    else:
        Bare().run()
