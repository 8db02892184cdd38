"""The reusable widgets on their own: calendar and heatmap outside the progress screen,
the size guard, the countdown."""

from __future__ import annotations

import datetime as dt

from textual.app import App, ComposeResult

from coach.core.session.counting import DayCount
from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
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
        for y in (0, 9):  # over the header and over the footer: nothing shows through
            assert app.screen.get_widget_at(5, y)[0] is guard
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


async def test_the_countdown_grows_with_the_window_its_screen_gives_it(library, data_dir,
                                                                       ready_store, settle):
    from textual.geometry import Size

    from coach.ui.widgets.countdown import Countdown

    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                   animate=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        digits = app.screen.query_one(Countdown)
        assert digits.window == Size(200, 60) and digits.scale() > 0  # block digits
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert digits.window == Size(80, 24) and digits.scale() == 0  # Textual's 3-line digits
    alone = Countdown()
    alone.value = "1:05"
    alone.window = Size(200, 60)  # a widget of its own: the size is an input, not the app's
    assert alone.scale(200) == 3


async def test_the_breaks_panel_shows_what_its_source_hands_it_in_any_app():
    from coach.core.nudge.log import DayFigures
    from coach.ui.widgets.breaks import BreaksPanel, BreaksSource

    asked: list[int] = []

    def days(count: int):
        asked.append(count)
        return DAY, {DAY: DayFigures(breaks=1, nudges=3)}

    class Bare(App):  # not CoachApp: the panel needs nothing from the app it sits in
        def compose(self) -> ComposeResult:
            yield BreaksPanel(BreaksSource(days, lambda first, last: {}, 45))

    app = Bare()
    async with app.run_test() as pilot:
        panel = app.query_one(BreaksPanel)
        await panel.workers.wait_for_complete()
        await pilot.pause()
        shown = str(panel.render())
    assert asked == [14] and "Up within 45 min" in shown and "3 nudges" in shown


def test_the_reusable_widgets_are_exported_and_documented():
    import importlib

    import coach.ui.widgets as widgets

    for name in widgets.__all__:
        exported = getattr(widgets, name)
        module = importlib.import_module(exported.__module__)
        assert getattr(module, name) is exported
        assert exported.__doc__ and len(exported.__doc__.strip()) > 20, name
    for name in ("MonthCalendar", "YearHeatmap", "Countdown", "Diagram", "NavList"):
        doc = getattr(widgets, name).__doc__
        assert "Reactives" in doc or "reactive" in doc.lower(), name
        assert "message" in doc.lower(), name


def test_one_widget_module_does_not_load_the_others():
    import subprocess
    import sys

    code = ("import sys, coach.ui.widgets.key_footer;"
            "print(sorted(m for m in sys.modules if m.startswith('coach.ui.widgets.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['coach.ui.widgets.key_footer']"
