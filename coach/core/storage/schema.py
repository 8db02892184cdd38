"""A store file's shape and version: parsed and checked, migrated forward, written back out.

Every file is a TinyDB document set with a "meta" table that says which schema wrote it. A file
whose shape is not one backcoach ever wrote is reported, never guessed at, migrated or rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from coach.core.session.records import SCHEMA_VERSION
from coach.core.storage.errors import NewerFile, bad_file

# "routines" (the user's own routines) and "deleted" (tombstones) began at schema 1.
Kind = Literal["sessions", "days", "settings", "routines", "deleted"]
Tables = dict[str, dict[str, Any]]

META = "meta"
META_ID = "1"
V0_TABLE = "_default"  # schema 0 was TinyDB's default layout: one table, no meta


def _v0_sessions(data: Tables) -> Tables:
    # Schema 0 kept sessions in TinyDB's default table under counters, and a step's work was
    # "duration_s" with no count of reps.
    sessions = {}
    for doc in data.get(V0_TABLE, {}).values():
        doc = dict(doc)
        doc["schema_version"] = 1
        doc["steps"] = [_v0_step(step) for step in doc.get("steps", [])]
        sessions[str(doc["uuid"])] = doc
    return {"sessions": sessions}


def _v0_step(step: dict[str, Any]) -> dict[str, Any]:
    step = dict(step)
    step["seconds"] = step.pop("duration_s", 0)
    step.setdefault("reps", 0)
    return step


def _v0_settings(data: Tables) -> Tables:
    # Schema 0 kept the one settings document in TinyDB's default table.
    return {"settings": dict(data.get(V0_TABLE, {}))}


# (kind, schema) -> the same data at schema + 1. Days files are derived and began at schema 1.
MIGRATIONS: dict[tuple[Kind, int], Callable[[Tables], Tables]] = {
    ("sessions", 0): _v0_sessions,
    ("settings", 0): _v0_settings,
}


def _schema_of(path: Path, data: dict[str, Any]) -> int:
    meta = data.get(META)
    if meta is None:
        # Only the one shape schema 0 had; anything else without a version (a "sessions"
        # table, say) is a file we did not write, and reading it as schema 0 would drop it.
        if set(data) <= {V0_TABLE}:
            return 0
        raise bad_file(path, f'has no "{META}" table saying which backcoach wrote it')
    doc = meta.get(META_ID) if isinstance(meta, dict) else None
    schema = doc.get("schema") if isinstance(doc, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        raise bad_file(path, f'its "{META}" table has no schema number')
    return schema


def _check_tables(path: Path, data: dict[str, Any]) -> None:
    for name, table in data.items():
        if not isinstance(table, dict):
            raise bad_file(path, f'table "{name}" is not an object')
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise bad_file(path, f'table "{name}" entry "{key}" is not an object')


def _json(path: Path, raw: bytes) -> Any:
    if not raw.strip():
        raise bad_file(path, "is empty")
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise bad_file(path, "is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise bad_file(path, f"is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise bad_file(path, "is nested too deeply to be a backcoach file") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise bad_file(path, f"holds a value no backcoach wrote ({str(exc)[:60]})") from None


def parse(path: Path, kind: Kind, raw: bytes) -> tuple[Tables, int]:
    """The file's tables at the current schema, and the schema it was written with."""
    data = _json(path, raw)
    if not isinstance(data, dict):
        raise bad_file(path, "is not a JSON object")
    schema = _schema_of(path, data)
    if schema > SCHEMA_VERSION:
        raise NewerFile(
            f"{path} was written by a newer backcoach (schema {schema}); upgrade backcoach", path
        )
    _check_tables(path, data)
    written = schema
    while schema < SCHEMA_VERSION:
        step = MIGRATIONS.get((kind, schema))
        if step is None:
            raise bad_file(path, f"has schema {schema}, which this backcoach cannot migrate")
        try:
            data = step(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise bad_file(path, f"cannot be migrated from schema {schema} ({exc!r})") from None
        schema += 1
        _check_tables(path, data)
    data.pop(META, None)
    return data, written


def serialize(data: Tables) -> bytes:
    """The file's bytes: the meta table first, so a person reading it sees the version at once."""
    tables = {META: {META_ID: {"schema": SCHEMA_VERSION}}}
    tables.update((name, table) for name, table in data.items() if name != META)
    text = json.dumps(tables, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode()
    except UnicodeEncodeError:
        # A lone surrogate in a damaged record that is kept as it was: escaped, it survives.
        return json.dumps(tables, separators=(",", ":")).encode()
