"""A store that refuses, user text that looks like markup, dialogs over a session: by keys."""

from __future__ import annotations

import json

from textual.widgets import Static

from coach.core.storage.recovery import Recovery
from coach.core.storage.store import Store, StoreError
from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp
from coach.ui.screens.dialogs import Confirm, StopDialog
from coach.ui.screens.help import HelpScreen
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.progress import ProgressScreen
from coach.ui.screens.session import SessionScreen
from coach.ui.screens.summary import SummaryScreen
from tests.notices import record_notices, said_by


class Refusing(Store):
    """A real store whose writes (and chosen reads) fail as a full disk would."""

    refuse: set[str] = set()

    def _fail(self, name: str) -> None:
        if name in self.refuse:
            raise StoreError(f"{self.folder}: no space left on device", self.folder)

    def save_session(self, record):
        self._fail("save_session")
        return super().save_session(record)

    def save_settings(self, settings):
        self._fail("save_settings")
        return super().save_settings(settings)

    def delete_session(self, uuid):
        self._fail("delete_session")
        return super().delete_session(uuid)

    def delete_routine(self, routine_id):
        self._fail("delete_routine")
        return super().delete_routine(routine_id)

    def session_days(self):
        self._fail("session_days")
        return super().session_days()

    def day_counts(self):
        self._fail("day_counts")
        return super().day_counts()

    def sessions_between(self, first, last):
        self._fail("sessions_between")
        return super().sessions_between(first, last)


def make(library, data_dir, refuse=(), tmp_path=None):
    store = Refusing(data_dir)
    store.refuse = set(refuse)
    recovery = Recovery(data_dir, (tmp_path or data_dir) / "fallback")
    app = CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC",
                   animate=False, recovery=recovery)
    record_notices(app)
    return app, store, recovery


async def written(pilot) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def notices(app) -> str:
    return " | ".join(n.message for n in said_by(app))


async def start(pilot):
    await pilot.press("enter")  # the first routine
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


async def test_a_refused_session_is_kept_told_truthfully_and_offered_next_start(
        library, data_dir, ready_store, settle, tmp_path):
    app, store, recovery = make(library, data_dir, {"save_session"}, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await start(pilot)
        await pilot.press("n", "q", "s")  # stop and save
        await written(pilot)
        assert isinstance(app.screen, SummaryScreen)
        summary = str(app.screen.query_one("#summary Static", Static).render())
        assert "NOT SAVED YET" in summary and "saved\n" not in summary
        assert "Could not save the session" in " ".join(n.title for n in said_by(app))
        [kept] = recovery.pending()
        assert kept.status == "stopped" and app.sessions.unsaved
    assert Store(data_dir).sessions() == []
    # The fault clears; the next start offers the kept session and stores it.
    app, store, recovery = make(library, data_dir, (), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await written(pilot)
        assert [r.uuid for r in Store(data_dir).sessions()] == [kept.uuid]
        assert recovery.pending() == []


async def test_safety_and_discard_survive_a_refusing_store(library, data_dir, settle, tmp_path):
    app, store, _ = make(library, data_dir, {"save_settings", "delete_session"}, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")  # safety: I understand (the write fails)
        await written(pilot)
        assert "no space left" in notices(app)
        await pilot.press("s")  # skip the pain check-in
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("q", "d")  # discard (the delete fails)
        await written(pilot)
        assert isinstance(app.screen, PickerScreen)


async def test_progress_survives_a_store_that_cannot_be_read(library, data_dir, ready_store,
                                                            settle, tmp_path):
    app, store, _ = make(library, data_dir, {"day_counts", "sessions_between"}, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await written(pilot)
        assert isinstance(app.screen, ProgressScreen)
        assert "no space left" in notices(app)


async def test_a_failed_delete_and_undo_lose_nothing(library, history_store, data_dir, settle,
                                                     tmp_path):
    app, store, _ = make(library, data_dir, (), tmp_path)
    before = history_store.sessions()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await written(pilot)
        await pilot.press("h")
        store.refuse = {"delete_session"}
        await pilot.press("d", "y")
        await written(pilot)
        assert len(Store(data_dir).sessions()) == len(before)
        store.refuse = set()
        await pilot.press("d", "y")
        await written(pilot)
        store.refuse = {"save_session"}
        await pilot.press("u")  # the undo fails: the record stays ready for another u
        await written(pilot)
        assert app.screen.sessions.deleted
        store.refuse = set()
        await pilot.press("u")
        await written(pilot)
        assert len(Store(data_dir).sessions()) == len(before)


async def test_escape_closes_details_first_and_dialogs_pause_the_session(
        library, data_dir, ready_store, settle):
    app, store, _ = make(library, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await start(pilot)
        await pilot.press("i")
        assert screen.details
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen) and not screen.details
        assert not screen.run.player.paused
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen) and screen.run.player.paused
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.run.player.paused
        await pilot.press("escape")
        assert isinstance(app.screen, StopDialog) and screen.run.player.paused
        await pilot.press("g")
        await pilot.pause()
        assert not screen.run.player.paused


def save_mine(library, store, name: str, description: str) -> None:
    """A routine of the user's, id 'mine', as the editor saves one: checked like typed text."""
    from coach.core.content.editing import check, draft_of

    draft = draft_of(next(iter(library.routines.values())), library, name)
    draft.description = description
    routine = check(draft, "draft", set()).routine
    assert routine is not None
    store.save_routine(routine.model_copy(update={"id": "mine"}))


async def test_markup_in_names_is_shown_as_typed(library, data_dir, ready_store, settle):
    save_mine(library, ready_store, "x [/] [b]bold[@click=app.quit]q", "[/]")
    app, store, _ = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")  # the palette used to parse "[/]" and crash
        await pilot.press(*"Start x")
        await pilot.pause()
        await pilot.press("escape")
        picker = app.screen
        index = [i.routine.id for i in picker.shown].index("mine")
        picker.query_one("#routines").highlighted = index
        await pilot.press("d")  # copy: its notice carries the name
        await written(pilot)
        assert "Saved a copy: x [/] [b]bold[@click=app.quit]" in notices(app)  # as typed
        picker.query_one("#routines").highlighted = [  # the cursor went to the copy: back
            i.routine.id for i in picker.shown].index("mine")
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        assert "[@click=app.quit]q" in str(app.screen.query_one(Static).render())
        await pilot.press("y")
        await written(pilot)
        assert app.is_running


class Slow(Store):
    """A store whose session saves wait (another copy holding the lock, a slow disk)."""

    def __init__(self, folder) -> None:
        super().__init__(folder)
        import threading

        self.gate = threading.Event()
        self.order: list[str] = []

    def save_session(self, record):
        self.gate.wait(10)
        self.order.append(record.status)
        return super().save_session(record)


async def test_a_slow_save_never_stalls_the_session_and_saves_keep_their_order(
        library, data_dir, ready_store, settle):
    store = Slow(data_dir)
    app = CoachApp(library=library, store=store, clock=ManualClock(), zone="UTC", animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await start(pilot)
        await pilot.press("n", "n", "n")  # finish a step: its save now waits in the writer
        await pilot.press("space")  # the screen still answers at once
        assert screen.run.player.paused
        await pilot.press("space", "q", "s")  # stop and save: queued behind the first
        assert isinstance(app.screen, SummaryScreen)
        assert "saving" in str(app.screen.query_one("#summary Static", Static).render())
        store.gate.set()
        await written(pilot)
        assert store.order[-1] == "stopped" and Store(data_dir).sessions()[0].status == "stopped"
        assert "saved" in str(app.screen.query_one("#summary Static", Static).render())


async def test_typing_markup_into_the_editor_shows_it_plainly(library, data_dir, ready_store,
                                                             settle):
    app, store, _ = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"[/]", "tab", *"[b]x[/b]")
        editor = app.screen
        assert editor.draft.name == "[/]" and editor.draft.description == "[b]x[/b]"
        await pilot.press("ctrl+s")  # problems shown, nothing parsed
        await written(pilot)
        assert app.is_running and editor.query_one("#err-steps").display


async def test_stored_terminal_controls_are_shown_never_obeyed(library, history_store, data_dir,
                                                               settle):
    # Written by an older backcoach (or by hand, or another machine), before the edge refused
    # such text: read, neutralised as it is read, so every screen shows it as harmless symbols.
    hostile = "Evil\x1b]52;c;aGk=\x07\x1b[2J\u202eboss"
    [old] = history_store.sessions_between(TODAY_OF(history_store), TODAY_OF(history_store))[-1:]
    history_store.save_session(old.model_copy(update={"routine_name": hostile}))
    info = next(iter(library.routines.values()))
    history_store.save_routine(info.routine.model_copy(
        update={"id": "mine", "name": hostile, "description": "line\x1b[31m\nnext"}))
    app, store, _ = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        shown = [i.routine for i in app.screen.shown if i.routine.id == "mine"]
        assert shown and "\x1b" not in shown[0].name and "\u202e" not in shown[0].name
        assert "␛" in shown[0].name and shown[0].description == "line␛[31m\nnext"
        await pilot.press("g")
        await settle(pilot)
        progress = app.screen
        assert isinstance(progress, ProgressScreen) and progress.loaded
        names = [line.routine_name for line in progress.history]
        assert any(n.startswith("Evil␛]52;c;aGk=␇␛[2J") for n in names), names[:3]
        assert not any("\x1b" in n or "\u202e" in n for n in names)
    # Reading rewrites nothing: the file holds what it held.
    names = [doc["routine_name"] for path in (store.home / "sessions").glob("*.json")
             for doc in json.loads(path.read_text())["sessions"].values()]
    assert hostile in names


def TODAY_OF(store):
    return max(store.session_days())


async def test_the_palette_shows_a_description_with_broken_markup_as_typed(
        library, data_dir, ready_store, settle):
    from textual.command import CommandPalette

    hostile = "[b[link=file:///etc/passwd][/bold] a\\[b]"
    save_mine(library, ready_store, "Hostile help", hostile)
    app, _, _ = make(library, data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")  # discovery lists every command with its help
        await pilot.pause()
        await pilot.press(*"Hostile")  # a search builds its hits again
        for _ in range(5):
            await pilot.pause()
        assert app.is_running  # MarkupError used to end the app here
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        shown = [str(option.prompt) for option in palette.query_one("CommandList").options]
        assert any(hostile in prompt for prompt in shown), shown
