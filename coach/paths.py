"""Where backcoach keeps things. Functions, not constants: nothing is resolved or created at import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "backcoach"
DATA_DIR_ENV = "BACKCOACH_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder: --data-dir, then $BACKCOACH_DATA_DIR, then the platform default."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
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
