"""How long the user has been idle, from what this machine can tell: the attached tmux
clients' last input (#{client_activity}), and the desktop's idle time or lock
(org.freedesktop.ScreenSaver on the session bus, through gdbus). None: no signal at all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time

from coach.core.nudge.keeper import Idle
from coach.nudger.tmux import Tmux

LOCKED_S = 24 * 3600.0  # a locked screen reads as idle for as long as can be
SCREENSAVER = ("--dest", "org.freedesktop.ScreenSaver", "--object-path",
               "/org/freedesktop/ScreenSaver")


def tmux_idle(tmux: Tmux, now: float | None = None) -> float | None:
    clients = tmux.clients()
    if not clients:
        return None
    return max(0.0, (now if now is not None else time.time()) - clients[0].activity)


def _gdbus(method: str) -> str | None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") or shutil.which("gdbus") is None:
        return None
    try:
        done = subprocess.run(["gdbus", "call", "--session", *SCREENSAVER, "--method",
                               f"org.freedesktop.ScreenSaver.{method}"], capture_output=True,
                              text=True, timeout=2, stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def desktop_idle() -> float | None:
    """Seconds since the last desktop input; a locked screen counts as long idle."""
    if (_gdbus("GetActive") or "").startswith("(true"):
        return LOCKED_S
    found = re.search(r"(\d+),?\)", _gdbus("GetSessionIdleTime") or "")  # "(uint32 420000,)"
    return int(found.group(1)) / 1000 if found else None


def sense(tmux: Tmux) -> Idle | None:
    """The shortest idle time among the signals: input anywhere means the user is there."""
    seen = []
    if (in_tmux := tmux_idle(tmux)) is not None:
        seen.append(Idle(in_tmux, "tmux"))
    if (on_desktop := desktop_idle()) is not None:
        seen.append(Idle(on_desktop, "desktop"))
    return min(seen, key=lambda i: i.seconds) if seen else None


def signals(tmux: Tmux) -> list[str]:
    """The signals this machine has now, for doctor and settings."""
    out = []
    if tmux.clients():
        out.append("tmux (input in attached clients)")
    if desktop_idle() is not None:
        out.append("desktop (org.freedesktop.ScreenSaver idle time and lock)")
    return out


def signal_note(tmux: Tmux | None = None) -> str:
    """One line for doctor and settings: what can tell that the user went away, here and now.
    Without tmux a cheap look (no program run) for the settings screen."""
    if tmux is not None:
        found = signals(tmux)
    else:
        found = (["tmux"] if os.environ.get("TMUX") else []) + (
            ["desktop idle"] if os.environ.get("DBUS_SESSION_BUS_ADDRESS")
            and shutil.which("gdbus") else [])
    if found:
        return "Time away (backcoach nudger) is noticed by: " + ", ".join(found) + "."
    return ("Time away cannot be noticed here (no tmux client, no desktop bus): it counts as "
            "sitting, as before.")
