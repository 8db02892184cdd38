"""The user's settings: one document in settings.json, one file per machine.

When two machines changed them, the latest save wins (by its stamp, never by clocks alone); the
other stays in its machine's file (or its conflict copy), where `backcoach doctor` shows it:
nothing is silently lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from pydantic import ValidationError

from coach.core.content.errors import describe
from coach.core.settings.model import Settings
from coach.core.storage.datafile import FileStorage, StoreDB
from coach.core.storage.errors import StoreError, bad_file
from coach.core.storage.folder import SETTINGS_FILE
from coach.core.storage.listing import named_files
from coach.core.storage.stamps import Stamp, next_mark, stamp_of
from coach.core.storage.union import Everyone

SETTINGS: Final = "settings"
SAVED: Final = "saved"  # when this machine saved them (a stamp): which of several is in use
SETTINGS_ID = "1"


class SettingsFile(Everyone):
    """The Store's settings."""

    def settings(self) -> Settings:
        """The newest saved settings of any machine, or the defaults when none are saved."""
        found = self.all_settings()
        return found[0][2] if found else Settings.model_validate({})

    def all_settings(self) -> list[tuple[str, Path, Settings]]:
        """(saved at, file, settings) of every machine's settings, the one in use first: the
        latest by its stamp (stamps.py), not by any machine's clock."""
        return [(at, path, settings) for _, at, path, settings in self._stamped_settings()]

    def _stamped_settings(self) -> list[tuple[Stamp, str, Path, Settings]]:
        out = []
        own = self.own_dir()
        for _, folder in self.source_dirs():
            for path in named_files(folder, SETTINGS_FILE):
                strict = path == own / SETTINGS_FILE
                tables = self.read_tables(path, SETTINGS, strict)
                if not tables.get(SETTINGS, {}).get(SETTINGS_ID):
                    continue
                try:
                    settings = self._settings_from(StoreDB(path, SETTINGS))
                except StoreError as exc:  # another machine's, or a conflict copy
                    if strict:
                        raise
                    self.unread[path] = str(exc)
                    continue
                mark = tables.get(SAVED, {}).get(SETTINGS_ID, {})
                at = mark.get("at", "") if isinstance(mark, dict) else ""
                out.append((stamp_of(mark), str(at), path, settings))
        return sorted(out, key=lambda found: (found[0], str(found[2])), reverse=True)

    def save_settings(self, settings: Settings) -> None:
        """Save the settings, stamped later than every machine's saved ones (so they are the
        ones in use, whatever the other machines' clocks say); atomic and locked."""
        with self.locked():
            seen = [found[0] for found in self._stamped_settings()]
            file = FileStorage(self.settings_path, SETTINGS)
            tables = dict(file.read() or {})
            tables[SETTINGS] = {SETTINGS_ID: settings.model_dump(mode="json")}
            tables[SAVED] = {SETTINGS_ID: next_mark(seen)}
            file.write(tables)  # one write: the settings and when, together

    def _settings_from(self, db: StoreDB) -> Settings:
        doc = db.table(SETTINGS).get(doc_id=SETTINGS_ID)  # type: ignore[call-overload]
        if doc is None:
            return Settings.model_validate({})
        try:
            return Settings.model_validate(dict(doc))
        except ValidationError as exc:
            raise bad_file(db.file.path, describe(SETTINGS, exc)[0]) from None
