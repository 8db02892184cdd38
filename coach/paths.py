"""Where backcoach keeps things. Functions, not constants: nothing is resolved or created at import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "backcoach"
DATA_DIR_ENV = "BACKCOACH_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder: --data-dir, then $BACKCOACH_DATA_DIR, then this machine's
    sync_dir (set by `backcoach doctor --sync-dir`), then the platform default."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from coach.core.storage.errors import StoreError
    from coach.core.storage.machine import machine_file, read_machine_file

    try:
        synced = read_machine_file(machine_file()).get("sync_dir")
    except StoreError:  # `doctor` reports a bad machine file; the default folder still works
        synced = None
    if synced:
        return Path(synced).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where backcoach keeps what it can always rebuild, such as the checked content."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def content_dir() -> Path:
    """The shipped exercise and routine files.

    In a wheel they sit inside the package (coach/content); in a source checkout they are the
    top-level content/ folder beside coach/.
    """
    packaged = Path(__file__).resolve().parent / "content"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "content"


def routine_files_dir() -> Path:
    """Where the editor offers to export (and import) routine files: the user's documents
    folder when there is one, else their home; never the folder the app was started from,
    which the user may not even know."""
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()
