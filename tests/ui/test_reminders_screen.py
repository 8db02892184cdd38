"""Reminders on the settings screen, by keys only: every key the footer, the hint and the
dialog's keys line name, checked against what the reminders file holds and the screen shows."""

from __future__ import annotations

import dataclasses

from textual.widgets import Static

from coach.core.nudge.log import NudgeLog
from coach.core.nudge.reminders import Reminder, Reminders
from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.dialogs import Confirm
from coach.ui.screens.reminder_dialog import ReminderDialog
from coach.ui.screens.settings import SettingsScreen, reminder_text
from coach.ui.widgets.key_footer import KeyFooter
from tests.notices import record_notices


def saved(data_dir) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(r.routine, r.at, r.days) for r in Reminders(NudgeLog(data_dir)).read()]


def rows(app) -> list[str]:
    listing = app.screen.query_one("#settings-list")
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def footer(app) -> str:
    return app.screen.query_one(KeyFooter).line().plain


async def open_settings(library, data_dir, settle, size=(80, 24)):
    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                   animate=False)
    return app


async def go(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_add_change_and_remove_a_reminder_by_keys(library, data_dir, settle):
    Reminders(NudgeLog(data_dir)).change(
        lambda old: [Reminder(routine="after-work", at="18:30", days="mon-fri")])
    app = await open_settings(library, data_dir, settle)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go(pilot, "s")
        assert isinstance(app.screen, SettingsScreen)
        assert "18:30  After-work reset  Mon-Fri" in rows(app)
        assert "+ Add a reminder" in rows(app)
        assert "a Add reminder" in footer(app) and "d Remove" not in footer(app)

        # a: add. ↓ picks the second routine, Tab goes to the time, Tab to the days.
        await go(pilot, "a")
        assert isinstance(app.screen, ReminderDialog)
        keys = str(app.screen.query_one(".dialog-keys", Static).render())
        for named in ("↑↓", "Tab", "←→ space", "Enter", "Esc"):
            assert named in keys
        await go(pilot, "down", "down", "up", "tab", *["backspace"] * 5, *"7:05", "tab")
        await go(pilot, "right", "right", "right", "right", "right", "space")  # Sat on
        await go(pilot, "5")  # Fri off, by its number
        await go(pilot, "left", "space")  # Thu off (the cursor went to Fri, then back)
        assert "[ ]Thu [ ]Fri [x]Sat" in str(app.screen.query_one("#reminder-days").render())
        await go(pilot, "space", "enter")  # Thu on again; Enter on the days saves
        assert isinstance(app.screen, SettingsScreen)
        assert saved(data_dir) == [("after-work", "18:30", ("mon", "tue", "wed", "thu", "fri")),
                                   ("office-break", "07:05", ("mon", "tue", "wed", "thu", "sat"))]
        # The cursor is on the new reminder: Enter on its row changes it (the time; ctrl+s
        # saves from anywhere).
        listing = app.screen.query_one("#settings-list")
        assert rows(app)[listing.highlighted] == "07:05  Office chair break  Mon,Tue,Wed,Thu,Sat"
        assert "d Remove" in footer(app)
        assert "Enter: change this reminder" in str(
            app.screen.query_one("#settings-hint", Static).render())
        await go(pilot, "enter", "tab", *["backspace"] * 5, *"9:15", "ctrl+s")
        assert ("office-break", "09:15", ("mon", "tue", "wed", "thu", "sat")) in saved(data_dir)

        # space on the row opens it too; Esc cancels and changes nothing.
        await go(pilot, "space")
        assert isinstance(app.screen, ReminderDialog)
        await go(pilot, "tab", "backspace", "escape")
        assert isinstance(app.screen, SettingsScreen)
        assert ("office-break", "09:15", ("mon", "tue", "wed", "thu", "sat")) in saved(data_dir)

        # d asks; n keeps it; delete asks again and y removes it.
        await go(pilot, "d")
        assert isinstance(app.screen, Confirm)
        await go(pilot, "n")
        assert len(saved(data_dir)) == 2
        await go(pilot, "delete", "y")
        assert saved(data_dir) == [("after-work", "18:30", ("mon", "tue", "wed", "thu", "fri"))]
        assert not any("Office chair break" in row for row in rows(app))

        # Enter on "+ Add a reminder" adds too; Enter in the routine list goes to the time.
        listing.highlighted = rows(app).index("+ Add a reminder")
        await go(pilot, "enter", "enter")
        assert app.focused is not None and app.focused.id == "reminder-at"
        await go(pilot, "enter")  # 18:30 weekdays, the first routine
        assert saved(data_dir)[-1] == ("micro-break", "18:30", ("mon", "tue", "wed", "thu", "fri"))
        await go(pilot, "escape")
        assert not isinstance(app.screen, SettingsScreen)


async def test_a_bad_time_or_no_day_is_said_in_the_dialog_and_nothing_saved(library, data_dir,
                                                                             settle):
    app = await open_settings(library, data_dir, settle)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await go(pilot, "s", "a", "tab", *["backspace"] * 5, *"25:00", "enter")
        assert isinstance(app.screen, ReminderDialog)
        problem = str(app.screen.query_one("#reminder-problem", Static).render())
        assert "'25:00' is not a time of day; write it as HH:MM" in problem
        await go(pilot, *["backspace"] * 5, *"8:00", "tab", *"12345", "enter")
        assert "Pick at least one day" in str(
            app.screen.query_one("#reminder-problem", Static).render())
        assert app.focused is not None and app.focused.id == "reminder-days"
        assert saved(data_dir) == []
        await go(pilot, "7", "ctrl+s")
        assert saved(data_dir) == [("micro-break", "08:00", ("sun",))]


async def test_a_failed_write_is_kept_shown_unsaved_and_retried(library, data_dir, settle,
                                                                monkeypatch):
    app = await open_settings(library, data_dir, settle)
    async with app.run_test(size=(80, 24)) as pilot:
        said = record_notices(app)
        await settle(pilot)
        real = Reminders.change

        def refuse(self, edit):
            raise OSError(28, "No space left on device", str(self.log.folder))

        monkeypatch.setattr(Reminders, "change", refuse)
        await go(pilot, "s", "a", "enter", "enter")
        assert saved(data_dir) == []
        assert "18:30  Stand-up micro-break  Mon-Fri  (not saved yet)" in rows(app)
        [notice] = [s for s in said if s.title == "Could not save your reminders"]
        assert "no space left on device" in notice.message and "kept" in notice.message
        app.reminders.retry()  # the app's timer, again: still full, no second notice
        await go(pilot)
        assert len([s for s in said if s.title == "Could not save your reminders"]) == 1
        monkeypatch.setattr(Reminders, "change", real)
        app.reminders.retry()
        await go(pilot)
        assert saved(data_dir) == [("micro-break", "18:30", ("mon", "tue", "wed", "thu", "fri"))]
        assert "18:30  Stand-up micro-break  Mon-Fri" in rows(app)


async def test_a_damaged_reminders_file_is_a_notice_not_a_crash(library, data_dir, settle):
    Reminders(NudgeLog(data_dir)).change(lambda old: [])
    path = NudgeLog(data_dir).folder / "reminders.json"
    path.write_text('{"reminders": [{"at": 3')
    app = await open_settings(library, data_dir, settle)
    async with app.run_test(size=(80, 24)) as pilot:
        said = record_notices(app)
        await settle(pilot)
        await go(pilot, "s")
        assert isinstance(app.screen, SettingsScreen)
        [notice] = [s for s in said if s.title == "Could not read your reminders"]
        assert "reminders.json" in notice.message
        assert any("reminders.json" in row for row in rows(app))  # and the section says so
        await go(pilot, "a", "enter", "enter")  # an edit waits: the file is not written over
        assert "18:30  Stand-up micro-break  Mon-Fri  (not saved yet)" in rows(app)
        assert [s.title for s in said].count("Could not save your reminders") == 1
        assert path.read_text() == '{"reminders": [{"at": 3'


def test_a_routine_name_is_shown_as_text_never_markup(library):
    info = library.routines["micro-break"]
    hostile = dataclasses.replace(info, routine=info.routine.model_copy(
        update={"name": "[bold red]Hi[/]\x1b[2J"}))
    text = reminder_text(Reminder(routine="micro-break", at="7:00", days="sat,sun"),
                         {"micro-break": hostile}, unsaved=False)
    assert text.plain == "07:00  [bold red]Hi[/]␛[2J  Sat,Sun"
