"""Fuzz: hostile text through every place the CLI takes user text in, and every output.

Whatever the text, a command exits 0 or 2, never raises, and writes valid UTF-8 with no raw
control character, escape sequence or bidi control (the newline that ends a line aside).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
import re
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli import main
from coach.commands import common
from coach.core.content.models import Dosing, Routine
from coach.core.content.routine_files import _string
from coach.core.session.records import SessionRecord
from coach.core.storage.store import Store
from coach.core.text import STORED
from tests.strategies import hostile_line, hostile_text

RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
library = functools.cache(common.shipped_library)  # loaded once: the fuzz is about user text
OUTPUTS = (
    ["routines"], ["routines", "--json"], ["status"], ["status", "--json"],
    ["status", "--format", "{last}|{today_mark} {streak}d {week}"], ["export"],
    ["export", "--format", "csv"],
)


def cli(folder: Path, *argv: str) -> tuple[int, str]:
    """Run one command in-process; its exit status and everything it wrote, checked."""
    out, err = io.BytesIO(), io.BytesIO()
    wrappers = [io.TextIOWrapper(b, encoding="utf-8", write_through=True) for b in (out, err)]
    with ExitStack() as stack:
        # (coach.cli reads no library but the app's, through first_library)
        for name in ("coach.commands.library.shipped_library",
                     "coach.commands.log.shipped_library"):
            stack.enter_context(mock.patch(name, library))
        for stream, wrapper in zip(("stdout", "stderr"), wrappers):
            stack.enter_context(mock.patch.object(sys, stream, wrapper))
        try:
            code = main(["--data-dir", str(folder), *argv])
        except SystemExit as exc:  # argparse's own refusals
            code = exc.code
    for wrapper in wrappers:
        wrapper.detach()  # keep the buffers open to read them
    assert code in (0, 2), (argv, code)
    text = (out.getvalue() + err.getvalue()).decode("utf-8")  # strict: no lone surrogate out
    assert not RAW.search(text), (argv, ascii(text[:300]))
    return code, text


def every_output(folder: Path) -> None:
    for argv in OUTPUTS:
        cli(folder, *argv)


def toml_routine(name: str, description: str) -> bytes:
    text = (
        f"id = \"mine\"\nname = {_string(name)}\ndescription = {_string(description)}\n\n"
        '[[steps]]\nexercise = "cobra"\n'
    )
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate makes a file not UTF-8


@FUZZ
@given(name=hostile_line(), description=hostile_text(), raw=st.booleans())
def test_routine_files_through_check_and_import(name: str, description: str, raw: bool):
    with tempfile.TemporaryDirectory() as tmp:
        folder, path = Path(tmp) / "data", Path(tmp) / "shared.toml"
        content = (name + description).encode("utf-8", "surrogatepass") if raw else None
        path.write_bytes(content or toml_routine(name, description))
        checked, _ = cli(folder, "check", str(path))
        imported, _ = cli(folder, "routines", "import", str(path))
        assert checked == imported  # one rule for both
        if imported == 0:
            every_output(folder)
            cli(folder, "routines", "export", "mine")


def export_file(name: str, exercise: str, zone: str) -> str:
    now = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    session = {
        "schema_version": 1, "uuid": "3b0d5c2e-0000-4000-8000-000000000001",
        "routine_id": "desk", "routine_name": name, "zone": zone, "day": "2026-03-02",
        "started_at": now.isoformat(), "ended_at": (now + dt.timedelta(minutes=5)).isoformat(),
        "status": "completed",
        "steps": [{
            "exercise_id": "cobra", "exercise_name": exercise, "outcome": "done",
            "planned": {"mode": "hold", "hold_s": 10}, "seconds": 30, "reps": 1,
        }],
    }
    doc = {"backcoach_export": 1, "schema_version": 1, "exported_at": now.isoformat(),
           "sessions": [session]}
    return json.dumps(doc, ensure_ascii=True)  # \ud800 escapes: JSON can carry any of it


@FUZZ
@given(name=hostile_text(), exercise=hostile_text(), zone=st.one_of(st.just("UTC"), hostile_text()))
def test_session_import(name: str, exercise: str, zone: str):
    with tempfile.TemporaryDirectory() as tmp:
        folder, path = Path(tmp) / "data", Path(tmp) / "back.json"
        path.write_text(export_file(name, exercise, zone), encoding="utf-8")
        imported, _ = cli(folder, "import", str(path))
        if imported == 0:
            every_output(folder)


def without_surrogates(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")  # no model can hold one


@FUZZ
@given(name=hostile_line().map(without_surrogates), text=hostile_text().map(without_surrogates))
def test_text_stored_before_it_was_checked(name: str, text: str):
    # Data from before the edge checks: read as it is, and shown harmlessly everywhere.
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        store = Store(folder)
        store.open()
        store.save_routine(Routine.model_validate(
            {"id": "old", "name": name, "description": text[:400], "steps": [{"exercise": "cobra"}]},
            context=STORED,
        ))
        started = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        store.save_session(SessionRecord.model_validate(
            {
                "routine_id": "old", "routine_name": text, "zone": "UTC", "day": started.date(),
                "started_at": started, "status": "stopped",
                "steps": [{"exercise_id": "cobra", "exercise_name": name, "outcome": "partial",
                           "planned": Dosing(mode="hold", hold_s=10).model_dump(),
                           "seconds": 5, "reps": 0}],
            },
            context=STORED,
        ))
        every_output(folder)
        cli(folder, "routines", "export", "old")


@settings(FUZZ, max_examples=1000)
@given(template=hostile_text())
def test_status_format_templates(template: str):
    with tempfile.TemporaryDirectory() as tmp:
        cli(Path(tmp) / "data", "status", "--format", template)


COMMANDS = ("exercises", "routines", "status", "export", "import", "check")
FLAGS = ("--json", "--format", "--output", "export", "import", "--data-dir", "-h")


@settings(FUZZ, max_examples=300)
@given(
    command=st.sampled_from(COMMANDS),
    args=st.lists(st.one_of(st.sampled_from(FLAGS), hostile_text()), max_size=4),
)
def test_any_arguments(command: str, args: list[str]):
    # Whatever is typed after a command, argparse's echo and every error are shown safely.
    args = [a.replace("\x00", "") for a in args]  # the OS cannot pass a NUL in an argument
    with tempfile.TemporaryDirectory() as tmp:
        here = os.getcwd()
        os.chdir(tmp)  # an --output the fuzz invents lands in the temporary folder
        try:
            cli(Path(tmp) / "data", command, *args)
        finally:
            os.chdir(here)


@settings(FUZZ, max_examples=200)
@given(
    routine=st.one_of(st.sampled_from(("desk-five", "Office chair break")), hostile_text()),
    date=st.one_of(st.dates().map(str), hostile_text()),
    minutes=st.one_of(st.integers(-5, 400).map(str), hostile_text()),
)
def test_log_arguments(routine: str, date: str, minutes: str):
    # Whatever is typed, `log` stores a session or says in one safe line why not: no traceback.
    args = [a.replace("\x00", "") for a in (routine, "--date", date, "--minutes", minutes)]
    with tempfile.TemporaryDirectory() as tmp:
        code, text = cli(Path(tmp) / "data", "log", *args)
        assert code == 2 or text.startswith("Logged ")
