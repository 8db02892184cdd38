"""The user's settings: one document in settings.json."""

from __future__ import annotations

from typing import Final

from pydantic import ValidationError

from coach.core.content.errors import describe
from coach.core.session.records import Settings
from coach.core.storage.datafile import StoreDB, replace
from coach.core.storage.errors import bad_file
from coach.core.storage.folder import DataFolder

SETTINGS: Final = "settings"
SETTINGS_ID = "1"


class SettingsFile(DataFolder):
    """The Store's settings."""

    def settings(self) -> Settings:
        """The saved settings, or the defaults when none are saved."""
        return self._settings_from(StoreDB(self.settings_path, SETTINGS))

    def save_settings(self, settings: Settings) -> None:
        """Save the settings; atomic and locked."""
        with self.locked():
            db = StoreDB(self.settings_path, SETTINGS)
            replace(db.table(SETTINGS), SETTINGS_ID, settings.model_dump(mode="json"))

    def _settings_from(self, db: StoreDB) -> Settings:
        doc = db.table(SETTINGS).get(doc_id=SETTINGS_ID)  # type: ignore[call-overload]
        if doc is None:
            return Settings.model_validate({})
        try:
            return Settings.model_validate(dict(doc))
        except ValidationError as exc:
            raise bad_file(db.file.path, describe(SETTINGS, exc)[0]) from None
