"""Moving history between machines: an export file (JSON or CSV) and reading one back.

Writing is pure (records in, text out). Reading checks everything before anything is stored:
the caller gets either every session of the file or one line saying what is wrong and where.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, StrictInt, ValidationError

from coach.core.content.errors import describe
from coach.core.content.phrases import dosing_text
from coach.core.session.records import IMPORTED, SCHEMA_VERSION, SessionRecord
from coach.core.text import terminal_safe
from coach.core.wording import count

EXPORT_VERSION = 1  # the shape of the export file itself; the records carry SCHEMA_VERSION
MAX_EXPORT_BYTES = 64 * 2**20  # ten years of daily sessions is about 10 MB
LONGEST_LINE = 300  # an error quotes the bad value; a whole object would swamp the terminal

SESSION_COLUMNS = (
    "uuid",
    "routine_id",
    "routine_name",
    "started_at",
    "ended_at",
    "zone",
    "day",
    "status",
    "source",  # "logged": logged by hand, done away from the app
    "pain_before",
    "pain_after",
)
STEP_COLUMNS = (
    "step",
    "exercise_id",
    "exercise_name",
    "mode",
    "planned",
    "outcome",
    "seconds",
    "reps",
)
CSV_COLUMNS = SESSION_COLUMNS + STEP_COLUMNS


class TransferError(Exception):
    """An export file that cannot be imported; the message is one line: file, field, fix."""


# ---------------------------------------------------------------------------------------------
# Export


def export_document(records: Sequence[SessionRecord], now: dt.datetime) -> dict[str, Any]:
    """The JSON export of these sessions, oldest first, stamped with `now` in UTC."""
    ordered = sorted(records, key=lambda r: r.started_at)
    return {
        "backcoach_export": EXPORT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "exported_at": now.astimezone(dt.UTC).isoformat(timespec="seconds"),
        "sessions": [r.model_dump(mode="json") for r in ordered],
    }


def export_json(records: Sequence[SessionRecord], now: dt.datetime) -> str:
    """The JSON export as text, ending in a newline."""
    return json.dumps(export_document(records, now), indent=2, ensure_ascii=False) + "\n"


def export_csv(records: Sequence[SessionRecord], for_terminal: bool = False) -> str:
    """One row per step with its session's fields repeated, oldest session first.

    A session with no steps still gets one row, its step columns empty, so no session is lost
    to a spreadsheet. Every field is quoted, so a line break or a bare CR in a name never
    splits a row, and a text cell a spreadsheet would run as a formula is neutralised.
    `for_terminal` also shows control characters as symbols, for a CSV printed to a terminal.
    """
    out = io.StringIO()
    # "\n" rather than csv's "\r\n": the file is read in terminals as much as in spreadsheets.
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def row(cells: list[object]) -> None:
        texts = [_cell(str(c)) for c in cells]
        writer.writerow([terminal_safe(t) for t in texts] if for_terminal else texts)

    row(list(CSV_COLUMNS))
    for record in sorted(records, key=lambda r: r.started_at):
        dumped = record.model_dump(mode="json")
        session = ["" if dumped[c] is None else dumped[c] for c in SESSION_COLUMNS]
        if not record.steps:
            row(session + [""] * len(STEP_COLUMNS))
        for n, step in enumerate(record.steps, start=1):
            planned = dosing_text(step.planned)
            row(
                session
                + [n, step.exercise_id, step.exercise_name, step.planned.mode, planned]
                + [step.outcome, step.seconds, step.reps]
            )
    return out.getvalue()


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), or
# +, - and @ that some treat the same; tab and CR hide them); a leading quote shows it as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


# ---------------------------------------------------------------------------------------------
# Import


class _Export(BaseModel):
    # The whole file at once, so pydantic names each problem by its place: sessions[12].day.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # schemas at first use: faster start

    backcoach_export: StrictInt  # a version written as "1" is not one backcoach wrote
    schema_version: StrictInt
    exported_at: AwareDatetime
    sessions: list[SessionRecord]


def read_export(path: Path, where: str | None = None) -> list[SessionRecord]:
    """Every session of an export file, all checked; raises TransferError naming the problem.

    `where` is how the message names the file (the path as the user typed it).
    """
    where = where or str(path)
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_EXPORT_BYTES:  # before reading: a huge file is refused at once
                raise TransferError(f"{where}: is {_mb(size)}; {_limit_text()}")
            raw = file.read(MAX_EXPORT_BYTES + 1)  # a pipe or a growing file has no size
    except FileNotFoundError:
        raise TransferError(f"{where}: no such file; check the path") from None
    except IsADirectoryError:
        raise TransferError(f"{where}: is a folder; give the export file itself") from None
    except OSError as exc:
        raise TransferError(f"{where}: cannot be read ({exc.strerror}); check it") from None
    except (UnicodeEncodeError, ValueError):  # a lone surrogate or a NUL in the name
        raise TransferError(f"{where}: is not a file name this system can open") from None
    if len(raw) > MAX_EXPORT_BYTES:
        raise TransferError(f"{where}: is more than {_mb(MAX_EXPORT_BYTES)}; {_limit_text()}")
    return parse_export(raw, where)


def _mb(size: int) -> str:
    return f"{math.ceil(size / 2**20)} MB"


def _limit_text() -> str:
    return f"an export is at most {_mb(MAX_EXPORT_BYTES)}"


def parse_export(raw: bytes, where: str) -> list[SessionRecord]:
    """The sessions of an export file's bytes, all checked; raises TransferError."""
    data = _json(raw, where)
    if not isinstance(data, dict) or "backcoach_export" not in data:
        raise TransferError(
            f"{where}: is not a backcoach export (a JSON object with \"backcoach_export\" and "
            '"sessions"); make one with `backcoach export`'
        )
    # Versions first: a newer file may differ in every other way, and "upgrade" is the fix.
    _version(data, "backcoach_export", EXPORT_VERSION, "export format", where)
    _version(data, "schema_version", SCHEMA_VERSION, "schema", where)
    sessions = data.get("sessions")
    if isinstance(sessions, list):
        for session in sessions:
            if isinstance(session, dict):
                _version(session, "schema_version", SCHEMA_VERSION, "schema", where)
    try:
        export = _Export.model_validate(data, context=IMPORTED)  # a uuid must be given
    except ValidationError as exc:
        problems = describe(where, exc)
    else:
        problems = _versions_known(export, where) + _repeated_uuids(export.sessions, where)
    if problems:
        more = len(problems) - 1
        tail = f" (and {count(more, 'more problem')})" if more else ""
        raise TransferError(_shorten(problems[0]) + tail)
    return list(export.sessions)


def _json(raw: bytes, where: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from a Windows editor is harmless
    except UnicodeDecodeError as exc:
        raise TransferError(
            f"{where}: is not UTF-8 text (byte {exc.start}); give the file `backcoach export` wrote"
        ) from None
    if not text.strip():
        raise TransferError(f"{where}: is empty; give the file `backcoach export` wrote")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise TransferError(
            f"{where}: is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); "
            "give the file `backcoach export` wrote"
        ) from None
    except RecursionError:
        raise TransferError(f"{where}: is not a backcoach export (nested too deeply)") from None
    except ValueError:  # an integer of thousands of digits
        raise TransferError(
            f"{where}: is not a backcoach export (it holds a number thousands of digits long)"
        ) from None


def _version(data: dict[str, Any], field: str, known: int, what: str, where: str) -> None:
    # Only a whole number above ours is handled here; anything else is left to the model,
    # which names it with the other problems.
    value = data.get(field)
    if isinstance(value, int) and not isinstance(value, bool) and value > known:
        raise TransferError(
            f"{where}: was written by a newer backcoach ({what} {value}, this one reads up to "
            f"{known}); upgrade backcoach"
        )


def _versions_known(export: _Export, where: str) -> list[str]:
    # Newer versions were refused above; an older or nonsense one has no migration to run.
    problems = []
    if export.backcoach_export != EXPORT_VERSION:
        problems.append(
            f"{where}: backcoach_export: must be {EXPORT_VERSION}, got {export.backcoach_export}"
        )
    if export.schema_version != SCHEMA_VERSION:
        problems.append(
            f"{where}: schema_version: must be {SCHEMA_VERSION}, got {export.schema_version}"
        )
    for n, record in enumerate(export.sessions):
        if record.schema_version != SCHEMA_VERSION:
            problems.append(
                f"{where}: sessions[{n}].schema_version: must be {SCHEMA_VERSION}, "
                f"got {record.schema_version}"
            )
    return problems


def _repeated_uuids(sessions: Sequence[SessionRecord], where: str) -> list[str]:
    # An export holds each session once; a repeat means the file was edited or pasted together,
    # and which copy is right cannot be told.
    first: dict[str, int] = {}
    problems = []
    for n, record in enumerate(sessions):
        if not record.uuid.strip():
            problems.append(f"{where}: sessions[{n}].uuid: is empty; give each session its uuid")
        elif record.uuid in first:
            problems.append(
                f"{where}: sessions[{n}].uuid: repeats sessions[{first[record.uuid]}]; "
                "keep one of them"
            )
        else:
            first[record.uuid] = n
    return problems


def _shorten(line: str) -> str:
    return line if len(line) <= LONGEST_LINE else line[: LONGEST_LINE - 1] + "…"
