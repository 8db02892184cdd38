"""The month calendar and the year heatmap: training days at a glance, by symbol and colour.

Symbols carry the meaning so the views read with NO_COLOR and on a Linux console; colour
only reinforces them: the selected day is in brackets, today is marked › and underlined. Both
are widgets of their own: give them `days` (DayCount by coach.core.session.counting's rule) and
`today`, and the calendar posts DaySelected as its cursor moves (←/→ a day, ↑/↓ a week,
PgUp/PgDn a month). The calendar's cells grow with the room it is given.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from coach.core.history.progress import add_months, level, month_grid, year_weeks
from coach.core.session.counting import DayCount

SYMBOLS = ("·", "░", "▒", "▓", "█")
LEGEND_LABELS = ("", "<5m", "<15m", "<30m", "30m+")
NO_STREAK = "°"  # sessions that day, none counting for the streak (in every console font)
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
CELL = 5  # "›dd▒ " at the least; wider when there is room
ROOMY_WEEK_LINES = 3  # lines per week at most: the days, a swatch of their shade, a gap

DayTotals = Mapping[dt.date, DayCount]

LEVEL_CLASSES = tuple(f"calendar--level-{n}" for n in range(5))
LEVEL_CSS = """
{name} .calendar--level-0 {{ color: $text-muted; }}
{name} .calendar--level-1 {{ color: $success-darken-2; }}
{name} .calendar--level-2 {{ color: $success-darken-1; }}
{name} .calendar--level-3 {{ color: $success; }}
{name} .calendar--level-4 {{ color: $success-lighten-1; text-style: bold; }}
{name} .calendar--future {{ color: $text-disabled; }}
"""


class DayView(Widget):
    """What the calendar and the heatmap share: the days, today, and a style per level.

    Reactives:
        days: {date: (sessions, seconds)}; a day's symbol and colour come from its seconds.
        today: the training day; later days are drawn blank (the future).
    Component classes: `calendar--level-0` to `calendar--level-4`, `calendar--future`.
    """

    COMPONENT_CLASSES = {*LEVEL_CLASSES, "calendar--future"}

    days: reactive[dict] = reactive(dict, always_update=True)
    today: reactive[dt.date] = reactive(dt.date.today)

    def level_style(self, day: dt.date) -> tuple[str, Style]:
        """A day's symbol: shaded by its work when it counts for the streak; ° when it had
        sessions (stand-up breaks kept out of it) that do not."""
        counted = self.days.get(day)
        if day > self.today:
            return SYMBOLS[0], self.get_component_rich_style("calendar--future")
        if counted is not None and counted.sessions and not counted.streak:
            return NO_STREAK, self.get_component_rich_style(LEVEL_CLASSES[1])
        n = level(counted.seconds) if counted is not None and counted.streak else 0
        return SYMBOLS[n], self.get_component_rich_style(LEVEL_CLASSES[n])


def legend(selection: bool = True) -> Text:
    """What the symbols mean; `selection` for a view that has a selected day (the month)."""
    text = Text()
    for symbol, label in zip(SYMBOLS, LEGEND_LABELS):
        text.append(symbol)
        text.append(f"{label} ", "dim")
    text.append(" ›", "bold")
    text.append("today", "dim")
    text.append(f"\n{NO_STREAK}", "bold")
    text.append("no streak  ", "dim")
    if selection:
        text.append("[ ]", "bold")
        text.append("selected", "dim")
    return text


class MonthCalendar(DayView, can_focus=True):
    """A month as a grid of 'dd▒' cells, Monday first; today marked › and underlined, the
    selection in brackets and reversed.

    Reactives (beside DayView's `days` and `today`):
        selected: the day the cursor is on; arrows/j/k move it, PgUp/PgDn by a month.
    Messages:
        MonthCalendar.DaySelected(calendar, day, opened): the selection moved (opened=False)
            or Enter was pressed on it (opened=True); `control` is the calendar, so
            `@on(MonthCalendar.DaySelected, "#id")` works.
    """

    DEFAULT_CSS = "MonthCalendar { width: 36; height: 8; }\nMonthCalendar:focus { background: $boost; }" + LEVEL_CSS.format(name="MonthCalendar")
    BINDINGS = [
        Binding("left", "move(-1)", "Day before", id="day_before", show=False),
        Binding("right", "move(1)", "Day after", id="day_after", show=False),
        Binding("up,k", "move(-7)", "Week before", id="week_before", show=False),
        Binding("down,j", "move(7)", "Week after", id="week_after", show=False),
        Binding("pageup", "month(-1)", "Month", key_display="PgUp/Dn", id="prev_month"),
        Binding("pagedown", "month(1)", "Month after", id="next_month", show=False),
        # Not in the footer: the day pane says "Enter show the sessions" where there are any,
        # and the progress footer needs the room for l (log a session) at 80 columns.
        Binding("enter", "open", "Open", id="open_day", show=False),
    ]

    class DaySelected(Message):
        def __init__(self, calendar: MonthCalendar, day: dt.date, opened: bool) -> None:
            super().__init__()
            self.calendar, self.day, self.opened = calendar, day, opened

        @property
        def control(self) -> MonthCalendar:
            return self.calendar

    selected: reactive[dt.date] = reactive(dt.date.today)

    def watch_selected(self, day: dt.date) -> None:
        self.post_message(self.DaySelected(self, day, opened=False))

    def action_move(self, days: int) -> None:
        self.selected += dt.timedelta(days=days)

    def action_month(self, months: int) -> None:
        self.selected = add_months(self.selected, months)

    def action_open(self) -> None:
        self.post_message(self.DaySelected(self, self.selected, opened=True))

    def render(self) -> Text:
        year, month = self.selected.year, self.selected.month
        weeks = month_grid(year, month)
        cell = max(CELL, self.size.width // 7)
        left, right = " " * ((cell - CELL) // 2), " " * (cell - CELL - (cell - CELL) // 2)
        # Lines per week as the height allows: the day, then a swatch of its shade, then a gap.
        lines = max(1, min(ROOMY_WEEK_LINES, (self.size.height - 2) // len(weeks)))
        text = Text(no_wrap=True, overflow="crop")  # wrapping would eat the title's centring
        text.append(f"{calendar.month_name[month]} {year}".center(cell * 7) + "\n", "bold")
        text.append("".join(f"{left} {w}  {right}" for w in WEEKDAYS).rstrip() + "\n", "dim")
        for week in weeks:
            for day in week:
                text.append(left)
                if day is None:
                    text.append(" " * CELL)
                else:
                    self._day_cell(text, day)
                text.append(right)
            text.append("\n")
            if lines >= 2:
                for day in week:
                    symbol, style = self.level_style(day) if day else (" ", Style())
                    text.append(f"{left} ")
                    text.append(symbol * 3, style)
                    text.append(f" {right}")
                text.append("\n" * (lines - 1))
        return text

    def _day_cell(self, text: Text, day: dt.date) -> None:
        """'›dd▒ ' for today, '[dd▒]' for the selected day: marks that need no colour."""
        symbol, style = self.level_style(day)
        chosen = day == self.selected
        text.append("[" if chosen else "›" if day == self.today else " ", "bold")
        text.append(f"{day.day:>2}", Style(reverse=chosen, underline=day == self.today))
        text.append(symbol, style)
        text.append("]" if chosen else " ", "bold")


class YearHeatmap(DayView):
    """53 weeks by 7 days, oldest week on the left, like a contribution graph.

    Reactives: DayView's `days` and `today` (today is the last cell). No messages.
    """

    DEFAULT_CSS = "YearHeatmap { width: auto; height: 8; }" + LEVEL_CSS.format(name="YearHeatmap")

    def render(self) -> Text:
        weeks = year_weeks(self.today)
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
                if day > self.today:
                    text.append(" ")
                    continue
                symbol, style = self.level_style(day)
                text.append(symbol, style + Style(reverse=True) if day == self.today else style)
            text.append("\n")
        return text
