"""The progress screen by keys: calendar, year, a day's sessions, history delete and undo."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static, TabbedContent

from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.dialogs import Confirm
from coach.ui.screens.progress import ProgressScreen
from coach.ui.widgets.calendar import MonthCalendar
from coach.ui.widgets.navlist import NavList

TODAY = dt.date(2026, 11, 20)  # the day of ManualClock's default start


def make(library, store):
    return CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC", animate=False)


def text(widget) -> str:
    return str(widget.render())


async def written(pilot) -> None:
    """Writes run in the store writer's thread; wait for it and for its report."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_progress(pilot) -> ProgressScreen:
    await pilot.pause()
    await pilot.press("g")
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen)
    await screen.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_head_shows_streak_goal_and_habit(library, history_store, settle):
    app = make(library, history_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        head = text(screen.query_one("#progress-head", Static))
        from coach.core.history.progress import streaks

        current, longest = streaks(history_store.session_days(), TODAY)
        assert f"Streak {current} day" in head and f"(best {longest})" in head
        # each figure says what it is where it is shown
        assert "This week " in head and "goal met" in head and "weeks running" in head
        assert "Habit strength " in head and "how steady the habit is" in head


async def test_calendar_moves_by_month_and_day_and_lists_a_days_sessions(library, history_store, settle):
    app = make(library, history_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        calendar = screen.query_one("#calendar", MonthCalendar)
        assert calendar.has_focus and "November 2026" in text(calendar)
        assert "[20" in text(calendar)  # today, selected: in brackets, seen without colour
        # The calendar convention: ←/→ a day, ↑/↓ a week, PageUp/PageDown a month.
        await pilot.press("left")
        assert calendar.selected == TODAY - dt.timedelta(days=1)
        assert "›20" in text(calendar) and "[19" in text(calendar)  # today marked, 19 selected
        await pilot.press("down")
        assert calendar.selected == TODAY + dt.timedelta(days=6)
        await pilot.press("pageup")
        assert "October 2026" in text(calendar) and calendar.selected == dt.date(2026, 10, 26)
        await pilot.press("pagedown", "pagedown")
        assert "December 2026" in text(calendar)
        # Walk back to the last day with a session, then open it.
        days = history_store.session_days()
        trained = max(d for d in days if d <= TODAY)
        calendar.selected = TODAY
        await pilot.press(*["left"] * (TODAY - trained).days)
        assert calendar.selected == trained
        await pilot.press("enter")
        shown = text(screen.query_one("#day", Static))
        stored = [r for r in history_store.sessions() if r.day == trained]
        assert len(stored) == days[trained][0]
        for record in stored:
            assert record.routine_name in shown
            assert record.steps[0].exercise_name in shown


async def test_year_view_draws_53_weeks(library, history_store, settle):
    app = make(library, history_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        await pilot.press("y")
        assert screen.query_one("#tabs", TabbedContent).active == "year"
        rows = text(screen.query_one("#heatmap")).splitlines()
        assert rows[1].startswith("Mo") and rows[7].startswith("Su")
        assert all(len(r) <= 4 + 53 for r in rows[1:])
        assert max(len(r) for r in rows) <= 80


async def test_history_delete_with_confirm_and_undo(library, history_store, data_dir, settle):
    app = make(library, history_store)
    before = history_store.sessions()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        await pilot.press("h")
        listing = screen.query_one("#sessions", NavList)
        assert listing.has_focus and listing.option_count == len(before)
        newest = max(before, key=lambda r: r.started_at)
        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep it
        assert len(Store(data_dir).sessions()) == len(before)
        await pilot.press("d", "y")
        await written(pilot)
        assert newest.uuid not in {r.uuid for r in Store(data_dir).sessions()}
        assert listing.option_count == len(before) - 1
        await pilot.press("u")
        await written(pilot)
        after = Store(data_dir).sessions()
        assert sorted(r.uuid for r in after) == sorted(r.uuid for r in before)
        assert listing.option_count == len(before)


async def test_totals_and_pain_trend(library, history_store, settle):
    app = make(library, history_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        await pilot.press("t")
        shown = text(screen.query_one("#totals-text", Static))
        counted = [r for r in history_store.sessions() if r.seconds]
        assert f"{len(counted)} sessions" in shown
        assert "lower back" in shown
        pain = text(screen.query_one("#pain", Static))
        assert "Pain, weekly average" in pain and "before " in pain and "after " in pain


async def test_empty_history_reads_plainly(library, ready_store, settle):
    app = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        assert "Streak 0 days" in text(screen.query_one("#progress-head", Static))
        assert "No session." in text(screen.query_one("#day", Static))
        await pilot.press("t")
        assert "no check-ins yet" in text(screen.query_one("#pain", Static))


async def test_enter_on_history_opens_the_session(library, history_store, settle):
    from coach.ui.screens.progress import SessionDetail

    app = make(library, history_store)
    newest = max(history_store.sessions(), key=lambda r: r.started_at)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_progress(pilot)
        await pilot.press("h", "enter")
        assert isinstance(app.screen, SessionDetail)
        shown = text(app.screen.query_one(Static))
        assert newest.routine_name in shown and newest.steps[0].exercise_name in shown
        await pilot.press("escape")
        assert isinstance(app.screen, ProgressScreen)


async def test_a_roomy_window_gets_a_bigger_calendar(library, history_store, settle):
    async with make(library, history_store).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        calendar = (await open_progress(pilot)).query_one("#calendar", MonthCalendar)
        assert calendar.size.width > 60 and calendar.size.height >= 20
        rows = text(calendar).splitlines()
        assert "[20" in rows[2 + 3 * 3]  # the week of the 20th, three lines a week
        assert any("░░░" in row or "▒▒▒" in row for row in rows)  # a swatch under each day
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert calendar.size.width == 36  # back to the small grid
