"""Sessions the store could not save, kept in a side file until a later save succeeds.

A full disk or a read-only data folder must not cost the user a session: the record is written,
one JSON file per session, to the first of these folders that takes it (the data folder's
`recovery/`, then a private folder under the system's temp dir), and read back at the next start.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from coach.core.session.records import SessionRecord
from coach.core.storage.datafile import write_atomic
from coach.core.storage.files import DATA_LIMIT, read_file

FOLDER = "recovery"


def fallback_folder() -> Path:
    """Outside the data folder, for when that folder cannot be written; one per user."""
    return Path(tempfile.gettempdir()) / f"backcoach-{os.getuid()}-{FOLDER}"


class Recovery:
    """Unsaved sessions by uuid, on disk where the disk allows."""

    def __init__(self, data_folder: Path, fallback: Path | None = None) -> None:
        self.folders = (Path(data_folder) / FOLDER, fallback or fallback_folder())

    def keep(self, record: SessionRecord) -> Path | None:
        """Write the record where it can be written; the path, or None if no folder took it."""
        data = record.model_dump_json(indent=1).encode("utf-8")
        for folder in self.folders:
            try:
                path = folder / f"{record.uuid}.json"
                write_atomic(path, data)
                return path
            except OSError:
                continue
        return None

    def pending(self) -> list[SessionRecord]:
        """Every kept session, oldest first; a file that is not a session is left alone."""
        found: dict[str, SessionRecord] = {}
        for folder in self.folders:
            try:
                paths = sorted(folder.glob("*.json"))
            except OSError:
                continue
            for path in paths:
                try:
                    record = SessionRecord.model_validate_json(read_file(path, DATA_LIMIT))
                except (OSError, ValueError, ValidationError):
                    continue
                found.setdefault(record.uuid, record)
        return sorted(found.values(), key=lambda r: r.started_at)

    def forget(self, uuid: str) -> None:
        """The session is in the store now: its side files go."""
        for folder in self.folders:
            with contextlib.suppress(OSError):
                (folder / f"{uuid}.json").unlink()
