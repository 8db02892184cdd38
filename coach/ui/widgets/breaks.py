"""Stand-up breaks beside the sessions: today's nudges and breaks, the longest stretch, and
"moved every N min" as today's figure and a two-week trend. Symbols carry it, not colour."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from coach.core.storage.errors import StoreError
from coach.core.storage.nudges import DayFigures
from coach.core.text import duration_text
from coach.core.wording import count

TREND_DAYS = 14
BARS = "▁▂▃▄▅▆▇█"


def on_time_share(figures: DayFigures | None) -> float | None:
    """The share of the day's sitting stretches that ended by getting up in time."""
    if figures is None or not figures.stretches:
        return None
    return figures.on_time / figures.stretches


def trend(days: Mapping[dt.date, DayFigures], today: dt.date) -> Text:
    """One bar a day, oldest first; a dot for a day with nothing recorded."""
    text = Text()
    for back in range(TREND_DAYS - 1, -1, -1):
        share = on_time_share(days.get(today - dt.timedelta(days=back)))
        if share is None:
            text.append("·", "dim")
        else:
            text.append(BARS[min(len(BARS) - 1, int(share * len(BARS)))], "green")
    return text


def breaks_text(days: Mapping[dt.date, DayFigures], today: dt.date, minutes: int) -> Text:
    figures = days.get(today, DayFigures())
    text = Text()
    text.append(f"Moved every {minutes} min today: ", "bold")
    if figures.stretches:
        text.append(f"{figures.on_time} of {figures.stretches} stretches\n")
    else:
        text.append("nothing yet\n", "dim")
    text.append(f"{count(figures.breaks, 'break')} · ")
    text.append(count(figures.nudges, "nudge"))
    if figures.nudges:
        text.append(f" ({figures.snoozed} snoozed, {figures.skipped} skipped, "
                    f"{figures.unanswered} unanswered)", "dim")
    text.append("\nLongest sitting: ")
    text.append(duration_text(figures.longest_s) if figures.longest_s else "–")
    text.append(f"\nLast {TREND_DAYS} days ")
    text.append_text(trend(days, today))
    text.append("  (taller: up in time more often)", "dim")
    return text


@dataclass(frozen=True)
class BreaksSource:
    """Where the panel's figures come from: `days(n)` gives today's training day and the
    figures of the last n days (it reads the nudge log: called in a thread); `minutes` is
    the sitting limit the figures are measured against."""

    days: Callable[[int], tuple[dt.date, Mapping[dt.date, DayFigures]]]
    minutes: int


class BreaksPanel(Static):
    """Today's stand-up breaks and a two-week trend, read in a thread from its source.

    Args:
        source: where the figures come from (the App hands its nudge log's reader).
    No reactives; posts no messages (it shows, it does not answer keys).
    """

    DEFAULT_CSS = """
    BreaksPanel {
        height: auto;
        margin-top: 1;
    }
    """

    def __init__(self, source: BreaksSource, **kwargs) -> None:
        super().__init__(Text("Breaks: loading…", "dim"), **kwargs)
        self.source = source

    def on_mount(self) -> None:
        self.run_worker(self._load, thread=True, exclusive=True)

    def _load(self) -> None:
        try:
            today, days = self.source.days(TREND_DAYS)
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(self.update, Text(f"Breaks can't be read: {exc}", "dim"))
            return
        self.app.call_from_thread(self.update, breaks_text(days, today, self.source.minutes))
