"""One stored session, opened from the progress screen's History: its day, steps and how it
was recorded (run in the app, or logged by hand)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from coach.core.session.records import SessionRecord
from coach.ui.widgets.dialog import Dialog, keys_line
from coach.ui.widgets.progress_text import session_lines


class SessionDetail(Dialog[None]):
    BINDINGS = [Binding("escape,enter", "dismiss", "Close", id="close")]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def body(self) -> Text:
        return Text(f"{self.record.day}\n", "bold").append_text(session_lines(self.record))

    def keys(self) -> Text:
        return keys_line([("Esc", "close")])
