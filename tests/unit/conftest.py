"""Fixtures the content cache's tests share (test_content_cache.py, test_sealed_cache.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.paths import content_dir


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the shipped content that a test may edit."""
    return Path(shutil.copytree(content_dir(), tmp_path / "content"))


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"
