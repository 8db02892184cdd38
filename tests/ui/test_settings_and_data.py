"""Settings by keys; a broken data file; Ctrl+Z mid-session."""

from __future__ import annotations

from textual.widgets import Static

from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.dialogs import BrokenStoreScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.safety import SafetyScreen
from coach.ui.screens.session import SessionScreen
from coach.ui.screens.settings import SettingsScreen
from tests.notices import record_notices


def make(library, data_dir):
    store = Store(data_dir)
    return CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC",
                    animate=False), store


async def test_settings_change_by_keys_and_persist(library, data_dir, settle):
    app, store = make(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("enter")  # bell off
        await pilot.press("j", "space")  # reduce motion on
        await pilot.press("j", "enter")  # pain check-in off
        await pilot.press("j", "left", "left")  # day starts at 2:00
        await pilot.press("j", "right", "right", "right", "right")  # goal 4 -> 7, and no further
        await settle(pilot)
        saved = store.settings()
        assert (saved.bell, saved.reduce_motion, saved.pain_checkin) == (False, True, False)
        assert saved.day_start_hour == 2 and saved.weekly_goal_days == 7
        shown = str(app.screen.query_one("#settings-list").get_option_at_index(4).prompt)
        assert "7 of 7" in shown
        await pilot.press("w")
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, PickerScreen)
    # A new app on the same folder starts with what was saved.
    again, _ = make(library, data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert again.settings.bell is False and again.settings.day_start_hour == 2


async def test_nudge_settings_change_by_keys_and_reach_the_timer(library, data_dir, settle):
    app, store = make(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        listing = app.screen.query_one("#settings-list")
        # Down past the six choices and the nudges heading (the cursor skips it).
        await pilot.press(*"jjjjjj")
        assert listing.get_option_at_index(listing.highlighted).id == "nudge_minutes"
        await pilot.press("right", "right")  # 30 -> 40 min
        await pilot.press("j", "j", "left", "left")  # nudges from 07:00
        await pilot.press("j", "j", "j", "space")  # no terminal bell
        await settle(pilot)
        saved = store.settings()
        assert saved.nudge_minutes == 40 and saved.work_hours == "07:00-18:00"
        assert saved.notify == ("toast", "desktop")
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert "‹ 40 min › Nudge to stand up after sitting" in shown
        assert "[ ] Nudge with the terminal bell" in shown  # said by the mark, not by colour
        app.nudges.tick()
        assert app.nudges.timer.rules.interval_s == 40 * 60 and app.nudges.timer.rules.hours.start == 7 * 60


async def test_a_broken_file_is_reported_then_moved_aside_on_request(library, data_dir, settle):
    store = Store(data_dir)
    store.open()
    store.save_settings(store.settings())
    settings_file = Store(data_dir).home / "settings.json"
    settings_file.write_text('{"meta": {"1": {"schema": 1}}, "settings": {"1": {"bell": tru')
    before = settings_file.read_bytes()
    app, _ = make(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert isinstance(app.screen, BrokenStoreScreen)
        shown = str(app.screen.query_one(Static).render())
        assert "settings.json" in shown and "Nothing has been changed" in shown
        assert settings_file.read_bytes() == before
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
    kept = list(settings_file.parent.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == before


async def test_quitting_at_a_broken_file_changes_nothing(library, data_dir, settle):
    store = Store(data_dir)
    store.open()
    store.save_settings(store.settings())
    settings_file = Store(data_dir).home / "settings.json"
    settings_file.write_text("not json")
    app, _ = make(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press("q")
    assert app.return_code == 2
    assert settings_file.read_text() == "not json"


async def test_ctrl_z_pauses_before_suspending(library, data_dir, ready_store, monkeypatch, settle):
    app, store = make(library, data_dir)
    suspended = []
    monkeypatch.setattr(CoachApp, "action_suspend_process", lambda self: suspended.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press("enter", "n")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+z")
        assert suspended == [1] and app.screen.run.player.paused


async def test_quitting_the_app_mid_session_saves_it_as_stopped(library, data_dir, ready_store, settle):
    clock = ManualClock()
    store = Store(data_dir)
    app = CoachApp(library=library, store=store, clock=clock, zone="UTC", animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        await pilot.press("enter", "n")  # the micro-break: straight into moving about
        clock.advance(12)
        await pilot.press("ctrl+q")
    [record] = store.sessions()
    assert record.status == "stopped"
    assert [(s.exercise_id, s.outcome, s.seconds) for s in record.steps] == [
        ("stand-and-move", "partial", 12)
    ]


async def test_a_key_before_the_store_opens_waits_for_it(library, data_dir, monkeypatch):
    """The store opens in a thread after the first frame; an early key is queued, not lost."""
    import threading

    release = threading.Event()
    real_open = Store.open

    def slow_open(self):
        release.wait(10)
        return real_open(self)  # open() reports the records it skipped

    monkeypatch.setattr(Store, "open", slow_open)
    app, store = make(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert not app.store_ready and isinstance(app.screen, PickerScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store_ready and isinstance(app.screen, SettingsScreen)


async def test_the_theme_is_kept_in_settings_and_comes_back(library, data_dir, ready_store, settle):
    app, store = make(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s", *["j"] * 5, "right")  # the theme row, one theme on
        await settle(pilot)
        chosen = app.theme
        assert chosen != "textual-dark" and store.settings().theme == chosen
    again, _ = make(library, data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == chosen


async def test_a_theme_this_version_lacks_is_said_not_silently_dropped(library, data_dir,
                                                                       ready_store, settle):
    store = Store(data_dir)
    store.save_settings(store.settings().model_copy(update={"theme": "solarized-\x1b[31mneon"}))
    app, _ = make(library, data_dir)
    said = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        notice = [s.message for s in said if "theme" in s.message]
        assert notice and "Settings" in notice[0] and "\x1b" not in notice[0]
