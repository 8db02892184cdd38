"""Tests that drive programs outside Python (rsync, tmux, dbus-daemon, Debian's python3-dbus):
skipped, naming what to install, on a machine that lacks one, so the README's test command
passes anywhere; never skipped in CI (CI=true), whose .ci/run installs them."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

# program -> the Debian package that has it
PACKAGES = {"rsync": "rsync", "tmux": "tmux", "dbus-daemon": "dbus-daemon",
            "/usr/bin/python3": "python3-dbus python3-gi"}


def _missing(program: str) -> bool:
    if program == "/usr/bin/python3":  # the stand-in desktop needs its dbus and GLib modules
        try:
            return subprocess.run([program, "-c", "import dbus, gi"], capture_output=True,
                                  timeout=10).returncode != 0
        except (OSError, subprocess.TimeoutExpired):
            return True
    return shutil.which(program) is None


def needs(*programs: str) -> pytest.MarkDecorator:
    """Skip unless every program is there; in CI a missing one fails the test instead."""
    missing = [p for p in programs if _missing(p)]
    install = " ".join(PACKAGES.get(p, p) for p in missing)
    return pytest.mark.skipif(bool(missing) and not os.environ.get("CI"),
                              reason=f"needs {', '.join(missing)}: apt-get install {install}")
