"""The month calendar and the year heatmap: training days at a glance, by symbol and colour.

Symbols carry the meaning so the views read with NO_COLOR and on a Linux console; colour
only reinforces them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from coach.core.history.progress import level, month_grid, year_weeks

SYMBOLS = ("·", "░", "▒", "▓", "█")
COLOURS = ("bright_black", "green", "green", "bright_green", "bold bright_green")
LEGEND_LABELS = ("", "<5m", "<15m", "<30m", "30m+")
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")

DayTotals = Mapping[dt.date, tuple[int, int]]  # training day -> (sessions, seconds)


def _mark(days: DayTotals, day: dt.date) -> tuple[str, str]:
    seconds = days.get(day, (0, 0))[1]
    n = level(seconds) if day in days else 0
    return SYMBOLS[n], COLOURS[n]


def legend() -> Text:
    text = Text()
    for symbol, colour, label in zip(SYMBOLS, COLOURS, LEGEND_LABELS):
        text.append(symbol, colour)
        text.append(f"{label} ", "dim")
    text.append(" ›", "bold")
    text.append("today", "dim")
    return text


def month_text(year: int, month: int, days: DayTotals, today: dt.date,
               selected: dt.date | None) -> Text:
    """A month as a grid of 'dd▒' cells, Monday first; today marked ›, the selection reversed."""
    text = Text()
    text.append(f"{calendar.month_name[month]} {year}".center(35) + "\n", "bold")
    text.append("".join(f" {w}  " for w in WEEKDAYS).rstrip() + "\n", "dim")
    for week in month_grid(year, month):
        for day in week:
            if day is None:
                text.append("     ")
                continue
            symbol, colour = _mark(days, day)
            future = day > today
            text.append("›" if day == today else " ", "bold")
            style = "reverse" if day == selected else ("dim" if future else "")
            text.append(f"{day.day:>2}", style)
            text.append(symbol, "dim" if future else colour)
            text.append(" ")
        text.append("\n")
    return text


def year_text(days: DayTotals, today: dt.date) -> Text:
    """53 weeks by 7 days, oldest week on the left, like a contribution graph."""
    weeks = year_weeks(today)
    text = Text()
    labels = [" "] * len(weeks)
    for col, week in enumerate(weeks):
        first = week[0]
        if first.day <= 7 and col + 3 <= len(weeks):
            for k, ch in enumerate(calendar.month_abbr[first.month]):
                labels[col + k] = ch
    text.append("    " + "".join(labels) + "\n", "dim")
    for row, name in enumerate(WEEKDAYS):
        text.append(f"{name}  ", "dim")
        for week in weeks:
            day = week[row]
            if day > today:
                text.append(" ")
                continue
            symbol, colour = _mark(days, day)
            text.append(symbol, colour + (" reverse" if day == today else ""))
        text.append("\n")
    return text


class MonthCalendar(Static, can_focus=True):
    """The month grid; it holds focus so the arrows move through months and days."""

    BINDINGS = [
        Binding("left", "screen.month(-1)", "Prev month", id="prev_month"),
        Binding("right", "screen.month(1)", "Next month", id="next_month"),
        Binding("up,k", "screen.day(-1)", "Day before", id="day_before"),
        Binding("down,j", "screen.day(1)", "Day after", id="day_after"),
        Binding("enter", "screen.open_day", "Sessions", id="open_day"),
    ]
