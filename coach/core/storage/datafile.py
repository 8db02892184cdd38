"""One store file as a TinyDB: read and checked once per operation, written atomically.

A file that cannot be read is never written over: the caller gets a StoreError naming it.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from coach.core.disk import write_atomic
from coach.core.session.records import SCHEMA_VERSION
from coach.core.storage.files import read_bytes
from coach.core.storage.schema import Kind, Tables, parse, serialize
from coach.core.storage.witness import after_write, before_write

__all__ = ["SCHEMA_VERSION", "FileStorage", "StoreDB", "docs", "replace", "write_atomic"]


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

    def forget(self) -> None:
        """Drop what was read (the next read() reads the file again): a caller going through
        ten years of files keeps one year's parse at a time, not all of them."""
        self._data = self._original = None

    def write(self, data: Tables) -> None:
        if self.written_with is not None and self.written_with < SCHEMA_VERSION:
            self._keep_before_migration()
        witnessed = self.kind != "days"  # a summary is made again from its month files
        if witnessed:
            before_write(self.path)
        write_atomic(self.path, serialize(data))
        if witnessed:
            after_write(self.path)
        self._data = data
        self.written_with = SCHEMA_VERSION

    def _keep_before_migration(self) -> None:
        # A migration rewrites the user's file; the original stays beside it, once.
        assert self._original is not None
        backup = self.path.with_name(f"{self.path.name}.schema{self.written_with}.bak")
        if not backup.exists():
            write_atomic(backup, self._original)

    @property
    def old(self) -> bool:
        """Whether the file on disk has an older schema (read() first)."""
        return self.written_with is not None and self.written_with < SCHEMA_VERSION


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

    def overwrite(old: MutableMapping[str, Any]) -> None:
        old.clear()
        old.update(doc)

    if table.contains(doc_id=key):  # type: ignore[arg-type]
        table.update(overwrite, doc_ids=[key])  # type: ignore[list-item]
    else:
        table.insert(Document(doc, doc_id=key))  # type: ignore[arg-type]


def docs(table: Table) -> dict[str, dict[str, Any]]:
    """A table's documents by key."""
    return {str(doc.doc_id): doc for doc in table.all()}
