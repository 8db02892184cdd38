"""The small-pane layout (about 40x8): time to the next nudge, breaks today, the streak, the key.

Chosen when the terminal is that small, or with `backcoach --compact`. The app hands it plain
values each tick; the screen only draws them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from coach.core.nudge.wording import sitting_minutes
from coach.core.wording import count

COMPACT_MAX = (50, 12)  # a terminal at most this wide or this tall gets the compact layout


@dataclass(frozen=True)
class PaneStatus:
    next_in_s: float | None  # None: off hours, or in a session
    sitting_s: float
    breaks_today: int
    streak: int
    waiting: bool  # a nudge is waiting for an answer
    in_session: bool = False  # a break or session under way (here or in another copy)
    away: bool = False  # the user is away: a natural break (coach/core/nudge/away.py)


def clock_text(seconds: float) -> str:
    """Minutes and seconds to go, as a countdown reads: '17:05', '1:02:00'."""
    whole = max(0, int(seconds + 0.999))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def pane_text(status: PaneStatus) -> Text:
    text = Text()
    text.append("Next break ", "bold")
    if status.waiting:
        text.append("now: time to stand up\n", "bold reverse")
    elif status.away:
        text.append("after you are back: away is a break\n", "dim")
    elif status.in_session:
        text.append("after the one under way\n", "dim")
    elif status.next_in_s is None:
        text.append("off hours, no nudges\n", "dim")
    else:
        text.append(f"in {clock_text(status.next_in_s)}\n")
    text.append("Sitting    ", "bold")
    text.append(f"{sitting_minutes(status.sitting_s)} min\n")  # as the nudge rounds it
    text.append("Today      ", "bold")
    text.append(count(status.breaks_today, "break"))
    text.append(f" · streak {count(status.streak, 'day')}\n\n")
    text.append(" b ", "bold reverse")
    text.append(" break now  ")
    text.append(" ? ", "bold reverse")
    text.append(" help  ")
    text.append(" q ", "bold reverse")
    text.append(" quit")
    return text


class CompactScreen(Screen):
    DEFAULT_CSS = """
    CompactScreen #pane {
        padding: 0 1;
        height: auto;
    }
    """
    BINDINGS = [
        Binding("b", "app.nudge_break", "Break now", id="break_now"),
        Binding("f", "full", "Full layout", id="full_layout"),
    ]

    status: reactive[PaneStatus | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Static(id="pane")

    def on_mount(self) -> None:
        self.watch_status(self.status)

    def watch_status(self, status: PaneStatus | None) -> None:
        if status is not None and self.is_mounted:
            self.query_one("#pane", Static).update(pane_text(status))

    class FullAsked(Message):
        """The user wants the full layout back in this small pane."""

    def action_full(self) -> None:
        self.post_message(self.FullAsked())
