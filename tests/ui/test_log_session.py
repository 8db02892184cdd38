"""Logging a session by hand from the progress screen's day view, and how one is shown."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Static

from coach.core.session.counting import DayCount
from coach.core.session.logged import logged_record, usual_minutes
from coach.core.storage.store import Store
from coach.ui.screens.log_session import LogSession
from coach.ui.screens.progress import ProgressScreen
from coach.ui.screens.session_detail import SessionDetail
from coach.ui.widgets.calendar import MonthCalendar
from coach.ui.widgets.navlist import NavList
from tests.ui.test_progress_screen import make, open_progress, text

TODAY = dt.date(2026, 11, 20)  # the day of ManualClock's default start
YESTERDAY = TODAY - dt.timedelta(days=1)


async def settled(pilot) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        for screen in pilot.app.screen_stack:
            await screen.workers.wait_for_complete()
        await pilot.pause()


def history_rows(screen: ProgressScreen) -> list[str]:
    listing = screen.query_one("#sessions", NavList)
    return [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)]


async def test_a_logged_session_is_marked_in_the_day_history_and_detail(library, ready_store,
                                                                        settle):
    record = logged_record(library.routines["office-break"], YESTERDAY, 12,
                           dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC), "UTC", 4)
    ready_store.save_session(record)
    app = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        assert "Streak 1 day" in text(screen.query_one("#progress-head", Static))
        await pilot.press("left", "enter")
        day = text(screen.query_one("#day", Static))
        assert "Office chair break  12 min · logged by hand" in day
        assert "--:--" in day  # no clock saw it: no made-up time
        await pilot.press("h")
        await settled(pilot)
        assert history_rows(screen)[0].startswith("Office chair break")
        assert f"{YESTERDAY} · logged by hand" in history_rows(screen)[0]
        await pilot.press("enter")
        assert isinstance(app.screen, SessionDetail)
        assert "logged by hand" in text(app.screen.query_one(Static))


async def test_l_on_the_day_view_logs_a_session_through_the_dialog(library, ready_store,
                                                                   data_dir, settle):
    app = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        await pilot.press("left", "l")
        dialog = app.screen
        assert isinstance(dialog, LogSession) and dialog.day == YESTERDAY
        minutes = dialog.query_one("#log-minutes", Input)
        shortest = sorted(library.routines.values(), key=lambda info: info.seconds)
        first = shortest[0]
        assert minutes.value == str(usual_minutes(first))  # prefilled with the routine's length
        await pilot.press("down")
        second = shortest[1]
        assert minutes.value == str(usual_minutes(second))
        await pilot.press("enter")  # on to the minutes
        assert minutes.has_focus
        await pilot.press(*["backspace"] * 4, "0", "enter")
        assert app.screen is dialog  # 0 minutes: the dialog says so and stays
        assert "from 1 to 300" in text(dialog.query_one("#log-problem", Static))
        await pilot.press("backspace", "2", "5", "enter")
        await settled(pilot)
        assert app.screen is screen
        [stored] = Store(data_dir).sessions()
        assert (stored.source, stored.routine_id, stored.day, stored.seconds) == (
            "logged", second.routine.id, YESTERDAY, 25 * 60)
        # The calendar and History update at once, the day listing it marked.
        assert screen.days == {YESTERDAY: DayCount(1, 25 * 60, 0, 1)}  # in the streak too
        assert "logged by hand" in text(screen.query_one("#day", Static))
        assert "Streak 1 day" in text(screen.query_one("#progress-head", Static))
        await pilot.press("h")
        await settled(pilot)
        assert f"{YESTERDAY} · logged by hand" in history_rows(screen)[0]


async def test_l_refuses_a_day_to_come_and_esc_logs_nothing(library, ready_store, data_dir,
                                                            settle, monkeypatch):
    app = make(library, ready_store)
    notices: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: notices.append(str(message)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        assert screen.query_one(MonthCalendar).selected == TODAY
        assert "l log one done away from the app" in text(screen.query_one("#day", Static))
        await pilot.press("right")
        assert "log one" not in text(screen.query_one("#day", Static))  # not on a day to come
        await pilot.press("l")
        assert app.screen is screen  # no dialog for tomorrow
        assert notices == ["day: 2026-11-21 is in the future (today is 2026-11-20); "
                           "log what you did today or on a day before"]
        await pilot.press("left", "l")
        assert isinstance(app.screen, LogSession)
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is screen and Store(data_dir).sessions() == []


async def test_l_is_a_key_of_the_month_tab_only(library, ready_store, settle):
    app = make(library, ready_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_progress(pilot)
        assert screen.check_action("log", ())
        await pilot.press("h")
        assert not screen.check_action("log", ())
        await pilot.press("l")
        assert app.screen is screen
