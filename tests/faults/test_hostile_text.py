"""Names that would steer a terminal, planted in every kind of file backcoach reads, this
machine's and another's: every screen and every command shows them harmlessly.

A routine name from another machine's month file reached the terminal raw on Progress → Totals
(OSC 52 writes the clipboard, OSC 8 makes a link, ESC[2J clears the screen, C1 CSI is ESC[ in
one byte, a bidi override reverses what follows). Text is neutralised as it is read, so no
screen can forget; this walks them all to be sure.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from damage import LAST_DAY, MONTH, OTHER, ROUTINES, SETTINGS, build, own, record

from coach.cli import main
from coach.core.content import cache
from coach.core.content.loading import load_library
from coach.core.storage.recovery import FOLDER as RECOVERY
from coach.core.storage.recovery import Recovery
from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.paths import content_dir
from coach.ui.app import CoachApp
from coach.ui.screens.picker import PickerScreen
from coach.ui.screens.progress import ProgressScreen
from tests.notices import record_notices

# 38 characters, so it fits a routine's name: a clipboard write, a link, a clear, C1 CSI, RLO.
HOSTILE = "Ev\x1b]52;c;aGk=\x07\x1b]8;;file:///x\x07\x1b[2J\x9b2J\u202e"
# What a terminal would obey: C0 but the line break, DEL, C1, and the bidi controls.
OBEYED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


SHOWN = "Ev\u241b]52;c;aGk="  # how it reads once neutralised: ESC as a picture of ESC


def obeyed(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in OBEYED.findall(text)})


def _edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))  # ASCII: the controls as \u escapes, as JSON may hold them


def _hostile_record(doc: dict) -> None:
    doc["routine_name"] = HOSTILE
    doc["steps"][0]["exercise_name"] = HOSTILE


def plant(folder: Path, cache_dir: Path) -> None:
    """HOSTILE in this machine's month file, routines, settings and nudge log, in another
    machine's month file, routines, settings and nudge log, in a kept session and in the
    content cache."""
    build(folder)
    home = own(folder)  # this machine's folder (machines/<id>/), where build() wrote
    mine = record(LAST_DAY).uuid
    _edit_json(home / MONTH, lambda d: _hostile_record(d["sessions"][mine]))
    other = record(LAST_DAY - dt.timedelta(days=1)).model_dump(mode="json")
    other["uuid"] = "00000000-0000-4000-8000-0000000e0e11"
    _hostile_record(other)
    (folder / OTHER / "sessions").mkdir(parents=True)
    (folder / OTHER / MONTH).write_text(json.dumps(
        {"meta": {"1": {"schema": 1}}, "sessions": {other["uuid"]: other}}))
    _edit_json(home / ROUTINES, lambda d: d["routines"]["mine"].update(
        name=HOSTILE, description=f"{HOSTILE}\n[b]bold[/b] [link=file:///etc/passwd]x",
        steps=[{"exercise": "cobra"}]))
    _edit_json(home / SETTINGS, lambda d: next(iter(d["settings"].values())).update(
        theme=HOSTILE))
    for nudges in (home / "nudges", folder / OTHER / "nudges"):
        nudges.mkdir(exist_ok=True)
        (nudges / "2026-11.json").write_text(json.dumps({"nudges": [{
            "at": "2026-11-18T09:00:00+00:00", "day": "2026-11-18", "answer": HOSTILE,
            "sitting_s": 60}]}))
    # The other machine's routines (one of its own, "theirs") and settings, as its sync delivers.
    theirs = json.loads((home / ROUTINES).read_text())
    theirs["routines"] = {"theirs": theirs["routines"]["mine"] | {"id": "theirs"}}
    theirs["saved"] = {"theirs": theirs["saved"]["mine"]}
    (folder / OTHER / ROUTINES).write_text(json.dumps(theirs))
    (folder / OTHER / SETTINGS).write_text((home / SETTINGS).read_text())
    kept = record(LAST_DAY).model_dump(mode="json") | {"routine_name": HOSTILE}
    (folder / RECOVERY).mkdir(exist_ok=True)
    (folder / RECOVERY / f"{kept['uuid']}.json").write_text(json.dumps(kept))
    load_library(content_dir(), cache_dir)
    path = cache.cache_path(cache_dir)
    path.write_text(path.read_text().replace('"Cobra stretch"', json.dumps(HOSTILE)))


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from coach.paths import cache_dir

    plant(folder, cache_dir())
    return folder


@pytest.mark.parametrize("command", [
    ["status"], ["status", "--json"], ["status", "--format", "{last} {streak}"], ["export"],
    ["export", "--format", "csv"], ["routines"], ["routines", "--json"], ["routines", "export", "mine"],

    ["doctor"], ["settings"], ["exercises"],
])
def test_no_command_prints_what_a_terminal_obeys(planted: Path, command, capsys):
    main(["--data-dir", str(planted), *command])
    out, err = capsys.readouterr()
    assert obeyed(out + err) == [], (command, out[-400:], err[-400:])


async def test_no_screen_shows_what_a_terminal_obeys(planted: Path, library, tmp_path: Path):
    app = CoachApp(library=load_library(content_dir(), tmp_path / "cache" / "backcoach"),
                   store=Store(planted), clock=ManualClock(), zone="UTC", animate=False,
                   recovery=Recovery(planted, tmp_path / "fallback"))
    said = record_notices(app)  # every notice given, through the public App.notify
    seen: dict[str, list[str]] = {}
    showing: set[str] = set()  # where the name is on screen, neutralised

    async def look(pilot, where: str, *keys: str) -> None:
        if keys:
            await pilot.press(*keys)
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        screen = app.export_screenshot()
        seen[where] = obeyed(screen)
        if SHOWN in screen:
            showing.add(where)
        notices = " ".join(n.message for n in said)
        seen[where + " notices"] = obeyed(notices)

    async with app.run_test(size=(100, 40)) as pilot:
        await look(pilot, "start")
        while not isinstance(app.screen, PickerScreen):  # the recovery offer, a notice
            await look(pilot, f"before the picker: {type(app.screen).__name__}", "n")
        picker = app.screen
        await look(pilot, "library", "l")
        await look(pilot, "picker", "escape")
        await look(pilot, "progress: month", "g")
        assert isinstance(app.screen, ProgressScreen)
        await look(pilot, "progress: year", "y")
        await look(pilot, "progress: totals", "t")
        await look(pilot, "progress: history", "h")
        await look(pilot, "session detail", "enter")
        await look(pilot, "back", "escape", "escape")
        await look(pilot, "settings", "escape", "s")
        await look(pilot, "picker again", "escape")
        index = [i.routine.id for i in picker.shown].index("mine")
        picker.query_one("#routines").highlighted = index
        await look(pilot, "editor", "e")
    assert {where: chars for where, chars in seen.items() if chars} == {}
    assert len(seen) >= 24
    assert {"picker", "progress: totals", "progress: history", "session detail",
            "editor"} <= showing, showing
