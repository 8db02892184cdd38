"""Stand-up breaks beside the sessions: the selected day's nudges and breaks, its longest
sitting, how often the user got up in time, and a two-week trend up to today. Symbols carry
it, not colour."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from coach.core.nudge.log import DayFigures
from coach.core.nudge.wording import sitting_text  # as the nudge and the pane say a sitting
from coach.core.storage.errors import StoreError
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


def breaks_text(days: Mapping[dt.date, DayFigures], today: dt.date, minutes: int,
                day: dt.date | None = None, breaks: int | None = None) -> Text:
    """The breaks of `day` (today by default), named in every line that is about it. `breaks`:
    the day's stand-up breaks as the sessions count them (counting.py); None before they are
    read. The trend is always the two weeks up to today."""
    day = today if day is None else day
    figures = days.get(day, DayFigures())
    text = Text()
    text.append("Breaks today\n" if day == today else day.strftime("Breaks on %a %-d %b\n"),
                "bold")
    text.append(f"Up within {minutes} min: ")
    if figures.stretches:
        text.append(f"{figures.on_time} of {count(figures.stretches, 'sitting')}\n")
    else:
        text.append("nothing recorded\n", "dim")
    if breaks is not None:
        text.append(f"{count(breaks, 'stand-up break')} · ")
    text.append(count(figures.nudges, "nudge"))
    if figures.nudges:
        text.append(f" ({figures.snoozed} snoozed, {figures.skipped} skipped, "
                    f"{figures.unanswered} unanswered)", "dim")
    text.append("\nLongest sitting: ")
    text.append(sitting_text(figures.longest_s) if figures.longest_s else "–")
    text.append(f"\nLast {TREND_DAYS} days to today ")
    text.append_text(trend(days, today))
    text.append("  (taller: up in time more often)", "dim")
    return text


@dataclass(frozen=True)
class BreaksSource:
    """Where the panel's figures come from: `days(n)` gives today's training day and the
    figures of the last n days, `between(first, last)` those of a span (both read the nudge
    log: called in a thread); `minutes` is the sitting limit the figures are measured against."""

    days: Callable[[int], tuple[dt.date, Mapping[dt.date, DayFigures]]]
    between: Callable[[dt.date, dt.date], Mapping[dt.date, DayFigures]]
    minutes: int


class BreaksPanel(Static):
    """The stand-up breaks of the day the calendar has selected (show()) and a two-week trend
    to today, read in a thread from its source.

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
        self.figures: dict[dt.date, DayFigures] = {}
        self.today: dt.date | None = None  # None until the figures are read
        self.day: dt.date | None = None
        self.breaks: int | None = None

    def on_mount(self) -> None:
        self.run_worker(self._load, thread=True, exclusive=True)

    def show(self, day: dt.date, breaks: int) -> None:
        """Show `day`, which had `breaks` stand-up breaks; read its figures when not read yet."""
        self.day, self.breaks = day, breaks
        if self.today is None:
            return  # _load shows it
        if day in self.figures or day > self.today - dt.timedelta(days=TREND_DAYS):
            self._draw()
        else:
            self.run_worker(self._load, thread=True, exclusive=True)

    def _draw(self) -> None:
        assert self.today is not None
        self.update(breaks_text(self.figures, self.today, self.source.minutes, self.day,
                                self.breaks))

    def _load(self) -> tuple[dt.date, Mapping[dt.date, DayFigures]] | Text:
        """In a thread: the figures, or what to show instead; its result reaches the UI thread
        in on_worker_state_changed."""
        try:
            today, days = self.source.days(TREND_DAYS)
            day = self.day
            if day is not None and day not in days:  # a day before the trend's two weeks
                days = {**days, **self.source.between(day, day)}
        except (StoreError, OSError) as exc:
            return Text(f"Breaks can't be read: {exc}", "dim")
        return today, days

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.node is not self or event.state != WorkerState.SUCCESS:
            return
        event.stop()
        read = event.worker.result
        if isinstance(read, Text):
            self.update(read)
        elif read is not None:
            today, days = read
            self.today, self.figures = today, {**self.figures, **days}
            self._draw()
