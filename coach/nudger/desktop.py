"""A desktop notification over the session bus (org.freedesktop.Notifications.Notify).

Through gdbus (GLib's, on every Linux desktop) rather than desktop-notifier from PyPI: that
one needs an asyncio loop and dbus-fast, several megabytes for one method call; gdbus takes
the call as arguments and needs nothing installed in Python. No bus, or no gdbus: no
notification, and the other channels still reach the user. (macOS and Windows: not yet.)
"""

from __future__ import annotations

import os
import shutil
import subprocess

from coach.core.text import terminal_safe

NOTIFICATIONS = ("--dest", "org.freedesktop.Notifications", "--object-path",
                 "/org/freedesktop/Notifications", "--method",
                 "org.freedesktop.Notifications.Notify")
ACTIONS = "['break', 'Break now', 'snooze', 'Snooze']"  # shown where the desktop has actions


def _gvariant_string(text: str) -> str:
    """A GVariant text literal: quoted, with its quotes and backslashes escaped."""
    return "'" + terminal_safe(text).replace("\\", "\\\\").replace("'", "\\'") + "'"


def available() -> bool:
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")) and shutil.which("gdbus") is not None


def notify(title: str, body: str, seconds: int = 15) -> bool:
    """Show it; True when the bus took it."""
    if not available():
        return False
    argv = ["gdbus", "call", "--session", *NOTIFICATIONS, "backcoach", "0", "",
            _gvariant_string(title), _gvariant_string(body), ACTIONS, "{}", str(seconds * 1000)]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=3,
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
