"""What each screen and dialog looks like, at the smallest supported terminal and a roomy one.

Regenerate with `pytest tests/snapshots --snapshot-update` only after looking at the
pictures (scripts/screenshots.py writes the same views as SVG for a closer look).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp

SIZES = [(80, 24), (120, 40)]
size_ids = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


def app_for(library, store, clock=None) -> CoachApp:
    return CoachApp(library=library, store=store, clock=clock or ManualClock(), zone="UTC",
                    animate=False)


def keys_then(*keys: str, wind: float = 0.0, clock: ManualClock | None = None):
    """A run_before that lets the store open, presses keys, and moves the clock on."""

    async def run(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if clock is not None and wind:
            clock.advance(wind)
            tick = getattr(pilot.app.screen, "tick", None)
            if tick is not None:
                tick()
        await pilot.app.workers.wait_for_complete()
        for screen in pilot.app.screen_stack:
            await screen.workers.wait_for_complete()
        await pilot.pause()

    return run


# name -> keys from the picker (a store with safety read, pain check-ins off)
READY_VIEWS = {
    "picker": (),
    "library": ("l", "j", "j"),
    "preview": ("p",),
    "settings": ("s",),
    "help": ("question_mark",),
    "safety_page": ("question_mark", "w"),
    "editor": ("e", "y"),
    "chooser": ("e", "y", "a", *"twist"),
    "confirm_copy": ("e",),
    "session_ready": ("enter",),
    "session_work": ("enter", "n"),
    "session_paused": ("enter", "n", "space"),
    "session_details": ("enter", "i"),
    "session_stop": ("enter", "q"),
    "summary": ("enter", "q", "s"),
}


@size_ids
@pytest.mark.parametrize("view", READY_VIEWS)
def test_view(snap_compare, library, ready_store, size, view):
    app = app_for(library, ready_store)
    assert snap_compare(app, terminal_size=size, run_before=keys_then(*READY_VIEWS[view]))


@size_ids
@pytest.mark.parametrize("view", ["safety", "pain"])
def test_first_run(snap_compare, library, data_dir, size, view):
    """A new user: the safety page first, then the pain check-in."""
    keys = ("enter",) if view == "safety" else ("enter", "enter")
    app = app_for(library, Store(data_dir))
    assert snap_compare(app, terminal_size=size, run_before=keys_then(*keys))


@size_ids
@pytest.mark.parametrize("phase", ["rest", "switch"])
def test_session_phases(snap_compare, library, ready_store, size, phase):
    clock = ManualClock()
    app = app_for(library, ready_store, clock)
    # office break? the first routine: a stand-up step, then the arch; rest comes after step 1
    keys = ("enter", "n", "n") if phase == "rest" else ("j", "enter", "n")
    wind = 0.0 if phase == "rest" else 10.5
    assert snap_compare(app, terminal_size=size, run_before=keys_then(*keys, wind=wind,
                                                                      clock=clock))


@size_ids
def test_broken_store(snap_compare, library, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)  # a relative folder: the message (and picture) is the same each run
    folder = Path("data")
    store = Store(folder, machine="desk")  # a fixed machine id: the message names its folder
    store.home.mkdir(parents=True)
    (store.home / "settings.json").write_text('{"not json')
    app = app_for(library, store)
    assert snap_compare(app, terminal_size=size, run_before=keys_then())


@size_ids
@pytest.mark.parametrize("tab", ["m", "y", "h", "t"], ids=["month", "year", "history", "totals"])
def test_progress(snap_compare, library, history_store, size, tab):
    app = app_for(library, history_store)
    assert snap_compare(app, terminal_size=size, run_before=keys_then("g", tab))


def test_session_detail(snap_compare, library, history_store):
    """A session opened from History: its steps, its pain check-in, what it counts for."""
    app = app_for(library, history_store)
    assert snap_compare(app, terminal_size=(80, 24),
                        run_before=keys_then("g", "h", "down", "enter"))


def test_progress_month_without_colour(snap_compare, library, history_store, monkeypatch):
    """NO_COLOR: the selected day is in brackets, today marked ›: nothing rests on colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(library, history_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then("g", "left", "left"))


def test_progress_month_roomy(snap_compare, library, history_store):
    """160x48: the calendar grows into the room."""
    app = app_for(library, history_store)
    assert snap_compare(app, terminal_size=(160, 48), run_before=keys_then("g"))


def test_log_dialog(snap_compare, library, history_store):
    """l on the progress screen's day view: the routine list, the minutes, the keys."""
    app = app_for(library, history_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then("g", "left", "l"))


@pytest.mark.parametrize("view", ["picker", "session_work"])
def test_linux_console_without_colour(snap_compare, library, ready_store, monkeypatch, view):
    """TERM=linux and NO_COLOR: what a console or a colourless terminal shows."""
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(library, ready_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then(*READY_VIEWS[view]))


def test_session_in_a_small_pane(snap_compare, library, ready_store):
    """40x12 (a tmux split): countdown, phase and name, a small picture beside them."""
    app = CoachApp(library=library, store=ready_store, clock=ManualClock(), zone="UTC",
                   animate=False, start="desk-five")
    assert snap_compare(app, terminal_size=(40, 12), run_before=keys_then("n"))


def test_path_prompt(snap_compare, library, ready_store, monkeypatch):
    """ctrl+e in the editor: the full path offered, in a folder the user knows."""
    monkeypatch.setenv("HOME", "/home/you")  # the same path in the picture on every machine
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", "/home/you/Documents")  # absent: home is offered
    app = app_for(library, ready_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then("e", "y", "ctrl+e"))


def test_too_small_cover(snap_compare, library, ready_store):
    """Below the picker's 50x12 the screen asks for a bigger window (the compact pane off,
    which a window this small would otherwise get)."""
    app = CoachApp(library=library, store=ready_store, clock=ManualClock(), zone="UTC",
                   animate=False, compact=False)
    assert snap_compare(app, terminal_size=(48, 11), run_before=keys_then())


@pytest.mark.parametrize("view", ["settings_reminders", "reminder_dialog"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_reminders_in_settings(snap_compare, library, ready_store, size, view):
    """The settings screen's reminders (the end of its list) and the dialog that adds one."""
    from coach.core.nudge.log import NudgeLog
    from coach.core.nudge.reminders import Reminder, Reminders

    Reminders(NudgeLog(ready_store.folder)).change(
        lambda old: [Reminder(routine="after-work", at="18:30", days="mon-fri")])
    keys = ("s", "end", "up") if view == "settings_reminders" else ("s", "a")
    app = app_for(library, ready_store)
    assert snap_compare(app, terminal_size=size, run_before=keys_then(*keys))
