"""One stored session opened from History: its steps, its pain check-in, what it counts for."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from coach.core.session.counting import counts_text, record_counts
from coach.core.session.records import SessionRecord
from coach.ui.widgets.dialog import Dialog, keys_line
from coach.ui.widgets.progress_text import session_lines


def pain_line(record: SessionRecord) -> str:
    """'Pain 6 before → 3 after (0-10)', '–' for a side not given; '' with no check-in."""
    before, after = record.pain_before, record.pain_after
    if before is None and after is None:
        return ""
    shown = ["–" if p is None else str(p) for p in (before, after)]
    return f"Pain {shown[0]} before → {shown[1]} after (0-10)"


class SessionDetail(Dialog[None]):
    BINDINGS = [Binding("escape,enter", "dismiss", "Close", id="close")]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record  # already .shown(): its text is safe for the terminal

    def body(self) -> Text:
        record = self.record
        text = Text(record.day.strftime("%a %-d %b %Y\n"), "bold").append_text(session_lines(record))
        pain = pain_line(record)
        text.append(f"\n{pain}" if pain else "\nNo pain check-in", "" if pain else "dim")
        text.append(f"\n{counts_text(record_counts(record), record.counts_for_streak)}", "dim")
        return text

    def keys(self) -> Text:
        return keys_line([("Esc", "close")])
