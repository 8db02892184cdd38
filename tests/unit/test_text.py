from __future__ import annotations

import pytest

from coach.core.content.models import Dosing
from coach.core.content.phrases import dosing_text
from coach.core.text import duration_text


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0 s"), (45, "45 s"), (60, "1 min"), (90, "1 min 30 s"), (600, "10 min"),
     (599, "9 min 59 s"), (621, "10 min"), (3599, "1 h 00 min"), (3600, "1 h 00 min"), (5400, "1 h 30 min"), (104062, "28 h 54 min")],
)
def test_duration_text(seconds, shown):
    assert duration_text(seconds) == shown


@pytest.mark.parametrize(
    ("dosing", "shown"),
    [
        (Dosing(mode="hold", reps=3, hold_s=25), "3 × 25 s hold"),
        (Dosing(mode="hold", reps=1, hold_s=45), "45 s hold"),
        (Dosing(mode="reps", reps=5, rep_s=4, per_side=True), "5 reps, each side"),
        (Dosing(mode="reps", reps=25, rep_s=3, sets=2, rest_s=60), "2 sets of 25 reps, 60 s rest"),
        (Dosing(mode="timed", duration_s=450), "7 min 30 s"),
        (Dosing(mode="breaths", reps=4, rep_s=6, sets=2, per_side=True),
         "2 sets of 4 breaths, each side"),
    ],
)
def test_dosing_text(dosing, shown):
    assert dosing_text(dosing) == shown


# -- user text and the terminal ---------------------------------------------------------------

import json  # noqa: E402

from pydantic import ValidationError  # noqa: E402

from coach.core.content.models import Routine  # noqa: E402
from coach.core.session.records import SessionRecord  # noqa: E402
from coach.core.text import STORED, json_escaped, terminal_safe  # noqa: E402

STEERING = [
    "\x1b]52;c;aGVsbG8=\x07",  # OSC 52: writes the clipboard
    "\x1b[2J",  # clears the screen
    "\x9b2J",  # the same through the C1 CSI
    "\u202eevil",  # right-to-left override
    "\u2066isolate\u2069",
    "\x00nul \x7fdel \r cr \n lf \t tab",
    "\ud800 lone surrogate",
    "line\u2028separator",
]


@pytest.mark.parametrize("text", STEERING)
def test_terminal_safe_leaves_nothing_a_terminal_obeys(text: str):
    shown = terminal_safe(text)
    assert all(c.isprintable() or c == " " for c in shown), ascii(shown)
    shown.encode("utf-8")  # no lone surrogate left to fail on the way out


def test_terminal_safe_shows_what_was_there():
    assert terminal_safe("a\x1b[2Jb") == "a␛[2Jb"
    assert terminal_safe("x\ny\x7f") == "x␊y␡"
    assert terminal_safe("r\u202el\x85") == "r\ufffdl\ufffd"
    plain = "Ünïcödé 背中 🧘‍♀️ [b]not markup[/b] 100%"  # ZWJ emoji and wide letters stay
    assert terminal_safe(plain) == plain


@pytest.mark.parametrize("text", STEERING)
def test_json_escaped_is_lossless_and_safe(text: str):
    out = json_escaped(json.dumps({"name": text}, ensure_ascii=False, indent=2))
    assert json.loads(out) == {"name": text}
    assert terminal_safe(out.replace("\n", "")) == out.replace("\n", "")


@pytest.mark.parametrize("text", STEERING)
def test_a_new_routine_name_with_controls_is_refused_with_the_fix(text: str):
    with pytest.raises(ValidationError) as caught:
        Routine(id="r", name="ok " + text, steps=[{"exercise": "cobra"}])
    if "\ud800" not in text:  # pydantic refuses a lone surrogate itself, as not a string
        assert "has a control character" in str(caught.value)
        assert "remove it" in str(caught.value)


def test_a_description_may_break_lines_but_not_steer():
    Routine(id="r", name="Fine", description="one\ntwo", steps=[{"exercise": "cobra"}])
    with pytest.raises(ValidationError):
        Routine(id="r", name="Fine", description="one\x1b[2J", steps=[{"exercise": "cobra"}])


def test_stored_text_is_neutralised_as_it_is_read():
    # From a file (synced, or stored before names were checked): read, never refused, and
    # harmless from then on, so no screen has to remember to make it so.
    routine = Routine.model_validate(
        {"id": "r", "name": "x\x1b[2J\x9b", "description": "a\n\u202eb", "steps": [{"exercise": "cobra"}]},
        context=STORED,
    )
    assert routine.name == "x\u241b[2J\ufffd"
    assert routine.description == "a\n\ufffdb"


@pytest.mark.parametrize("field", ["routine_name", "routine_id", "zone"])
def test_an_imported_session_field_with_controls_is_refused(field: str):
    data = {
        "routine_id": "r", "routine_name": "R", "zone": "UTC", "day": "2026-03-02",
        "started_at": "2026-03-02T08:00:00Z",
    }
    SessionRecord.model_validate(data)
    with pytest.raises(ValidationError) as caught:
        SessionRecord.model_validate(data | {field: "a\x1b[2J"})
    assert caught.value.errors()[0]["loc"] == (field,)


def test_the_editor_names_a_control_character_in_the_name_field(library):
    from coach.core.content.editing import Draft, DraftStep, check

    draft = Draft("Lunch\x1b]52;c;aGk=\x07", "fine", [DraftStep(library.exercises["cobra"])])
    checked = check(draft, "draft", set())
    assert checked.routine is None
    assert checked.problems["name"].startswith("has a control character (U+001B) at character 6")
    draft.name, draft.description = "Lunch", "x\u202ey"
    assert "U+202E" in check(draft, "draft", set()).problems["description"]
