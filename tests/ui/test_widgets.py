"""The reusable widgets on their own: calendar and heatmap outside the progress screen,
the size guard, the countdown."""

from __future__ import annotations

import datetime as dt

from textual.app import App, ComposeResult

from coach.core.history.counting import DayCount
from coach.core.session.clock import ManualClock
from coach.core.storage.store import Store
from coach.ui.app import CoachApp
from coach.ui.widgets.calendar import MonthCalendar, YearHeatmap
from coach.ui.widgets.countdown import block_text
from coach.ui.widgets.size_guard import SizeGuard

DAY = dt.date(2026, 3, 31)


class Host(App):
    def __init__(self) -> None:
        super().__init__()
        self.picked: list[tuple[dt.date, bool]] = []

    def compose(self) -> ComposeResult:
        yield MonthCalendar()
        yield YearHeatmap()

    def on_month_calendar_day_selected(self, event: MonthCalendar.DaySelected) -> None:
        self.picked.append((event.day, event.opened))


async def test_the_calendar_works_in_any_app_and_posts_day_selected():
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        calendar = app.query_one(MonthCalendar)
        calendar.today = DAY
        calendar.days = {DAY: DayCount(1, 600, 0, 1)}
        calendar.selected = DAY
        calendar.focus()
        await pilot.press("pagedown")  # a month on: 31 March -> 30 April
        assert calendar.selected == dt.date(2026, 4, 30)
        await pilot.press("up", "right", "enter")
        await pilot.pause()
        assert app.picked[-1] == (dt.date(2026, 4, 24), True)
        assert "April 2026" in str(calendar.render())
        heatmap = app.query_one(YearHeatmap)
        heatmap.today, heatmap.days = DAY, {DAY: DayCount(1, 600, 0, 1)}
        assert str(heatmap.render()).splitlines()[1].startswith("Mo")


async def test_too_small_a_window_says_so_and_keys_still_work(library, data_dir, ready_store,
                                                             settle):
    # compact=False: by size alone a 40x10 pane would get the compact layout instead.
    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                   animate=False, compact=False)
    async with app.run_test(size=(40, 10)) as pilot:
        await settle(pilot)
        guard = app.screen.query_one(SizeGuard)
        assert guard.has_class("-too-small") and "at least 50x12" in str(guard.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not guard.has_class("-too-small")
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        await pilot.press("l")  # keys still reach the screen underneath
        assert app.screen.__class__.__name__ == "LibraryScreen"


def test_block_digits_scale():
    small, big = block_text("1:05", 1).plain.splitlines(), block_text("1:05", 2).plain.splitlines()
    assert len(small) == 5 and len(big) == 10 and len(big[0]) > len(small[0])
