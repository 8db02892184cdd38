"""One store file on disk: read and checked, migrated forward, and written atomically.

Every file is a TinyDB document set with a "meta" table that says which schema wrote it. A file
that cannot be read is never written over: the caller gets a StoreError naming it.
"""

from __future__ import annotations

import gc
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Literal

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from coach.core.session.records import SCHEMA_VERSION

# "routines" (the user's own routines) began at schema 1, so it has no migrations yet.
Kind = Literal["sessions", "days", "settings", "routines"]
Tables = dict[str, dict[str, Any]]

META = "meta"
META_ID = "1"
TEMP_SUFFIX = ".tmp"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
FIX = "restore it from a backup, or move it aside to start that file afresh"


class StoreError(Exception):
    """A store file that cannot be used; the message is one line naming the file and the fix."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def bad_file(path: Path, problem: str) -> StoreError:
    """The error for a file that exists but is not what backcoach wrote."""
    return StoreError(f"{path}: {problem}; {FIX}", path)


# ---------------------------------------------------------------------------------------------
# Bytes on disk


def make_folder(folder: Path) -> None:
    """Create folder (and parents) private to the user; an existing folder is left as it is."""
    if folder.is_dir():
        return
    make_folder(folder.parent)
    with suppress(FileExistsError):  # another process may create it at the same moment
        folder.mkdir(mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask
        fsync_folder(folder.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new entry in folder survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path with data; a reader, or a crash, sees the old file or the new, never half."""
    make_folder(path.parent)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), FILE_MODE)  # exact, whatever the umask
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(path.parent)


def sweep_temp_files(folder: Path) -> list[Path]:
    """Remove the temp files a killed writer left behind; call it only while holding the lock."""
    swept = []
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        with suppress(FileNotFoundError):
            temp.unlink()
            swept.append(temp)
    return swept


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist (a missing file is an empty one)."""
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror}); check its permissions", path) from exc


# ---------------------------------------------------------------------------------------------
# Shape, version, migration


def _v0_sessions(data: Tables) -> Tables:
    # Schema 0 kept sessions in TinyDB's default table under counters, and a step's work was
    # "duration_s" with no count of reps.
    sessions = {}
    for doc in data.get("_default", {}).values():
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
    return {"settings": dict(data.get("_default", {}))}


# (kind, schema) -> the same data at schema + 1. Days files are derived and began at schema 1.
MIGRATIONS: dict[tuple[Kind, int], Callable[[Tables], Tables]] = {
    ("sessions", 0): _v0_sessions,
    ("settings", 0): _v0_settings,
}


def _schema_of(path: Path, data: dict[str, Any]) -> int:
    meta = data.get(META)
    if meta is None:
        return 0  # written before files carried a version
    doc = meta.get(META_ID) if isinstance(meta, dict) else None
    schema = doc.get("schema") if isinstance(doc, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        raise bad_file(path, 'its "meta" table has no schema number')
    return schema


def _check_tables(path: Path, data: dict[str, Any]) -> None:
    for name, table in data.items():
        if not isinstance(table, dict):
            raise bad_file(path, f'table "{name}" is not an object')
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise bad_file(path, f'table "{name}" entry "{key}" is not an object')


def parse(path: Path, kind: Kind, raw: bytes) -> tuple[Tables, int]:
    """The file's tables at the current schema, and the schema it was written with."""
    if not raw.strip():
        raise bad_file(path, "is empty")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise bad_file(path, "is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise bad_file(path, f"is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise bad_file(path, "is not a JSON object")
    schema = _schema_of(path, data)
    if schema > SCHEMA_VERSION:
        raise StoreError(
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
    return json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode()


# ---------------------------------------------------------------------------------------------
# TinyDB on top


class FileStorage(Storage):
    """TinyDB storage for one store file: checked on read, atomic on write.

    Meant to live for one operation (inside the lock for writes): it reads the file once and
    keeps what it read or wrote, so TinyDB's several reads per operation cost one parse.
    """

    def __init__(self, path: Path, kind: Kind) -> None:
        self.path = path
        self.kind = kind
        self.written_with: int | None = None  # the schema found on disk; None when missing
        self._original: bytes | None = None
        self._data: Tables | None = None

    def read(self) -> Tables | None:
        if self._data is None:
            raw = read_bytes(self.path)
            if raw is None:
                return None
            self._data, self.written_with = parse(self.path, self.kind, raw)
            self._original = raw
        return self._data

    def write(self, data: Tables) -> None:
        if self.written_with is not None and self.written_with < SCHEMA_VERSION:
            self._keep_before_migration()
        write_atomic(self.path, serialize(data))
        self._data = data
        self.written_with = SCHEMA_VERSION

    def _keep_before_migration(self) -> None:
        # A migration rewrites the user's file; the original stays beside it, once.
        assert self._original is not None
        backup = self.path.with_name(f"{self.path.name}.schema{self.written_with}.bak")
        if not backup.exists():
            write_atomic(backup, self._original)


class KeyedTable(Table):
    """A TinyDB table whose documents are keyed by a name (a uuid, a month), not a counter."""

    document_id_class = str  # type: ignore[assignment]


class StoreDB(TinyDB):
    """TinyDB over one FileStorage; open a fresh one for each operation so nothing is stale."""

    table_class = KeyedTable

    def __init__(self, path: Path, kind: Kind) -> None:
        super().__init__(path, kind, storage=FileStorage)

    @property
    def file(self) -> FileStorage:
        storage = self.storage
        assert isinstance(storage, FileStorage)
        return storage


def replace(table: Table, key: str, doc: dict[str, Any]) -> None:
    """Store doc under key, replacing (not merging into) what was there; one write."""

    def overwrite(old: dict[str, Any]) -> None:
        old.clear()
        old.update(doc)

    if table.contains(doc_id=key):  # type: ignore[arg-type]
        table.update(overwrite, doc_ids=[key])  # type: ignore[list-item]
    else:
        table.insert(Document(doc, doc_id=key))  # type: ignore[arg-type]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while building many records at once."""
    # Building thousands of records makes the cyclic GC rescan the growing heap again and again;
    # that doubled the time of reading ten years. It runs as usual once the records are built.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def docs(table: Table) -> dict[str, dict[str, Any]]:
    """A table's documents by key."""
    return {str(doc.doc_id): doc for doc in table.all()}


def data_files(folder: Path, length: int) -> list[str]:
    """The names of folder's data files ('2026-11', '2026'), sorted; others (set aside) skipped."""
    try:
        names = [p.stem for p in folder.glob("*.json") if len(p.stem) == length]
    except OSError:
        return []
    return sorted(n for n in names if n.replace("-", "").isdigit())
