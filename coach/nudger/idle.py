"""How long the user has been idle, from what this machine can tell: the attached tmux
clients' last input (#{client_activity}), and the desktop's: its idle time or lock on Linux
(org.freedesktop.ScreenSaver on the session bus, through gdbus), HIDIdleTime on macOS (ioreg),
GetLastInputInfo on Windows. None: no signal at all.

Every answer is untrusted (another program's output): parsed strictly, a short timeout, and a
missing tool or an odd answer is no signal, never an error. The nudger asks these in its loop;
the app in a worker (AwayWatch below), with the rules in coach/core/nudge/away.py.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from coach.core.nudge.away import Idle, Left, NaturalBreaks
from coach.nudger import SENSE_S
from coach.nudger.tmux import Tmux

if TYPE_CHECKING:
    from coach.core.nudge.log import NudgeLog
    from coach.core.nudge.timer import SittingTimer

LOCKED_S = 24 * 3600.0  # a locked screen reads as idle for as long as can be
PROBE_TIMEOUT_S = 2.0
NS_PER_S = 1_000_000_000
TICKS_WRAP = 2**32  # GetTickCount's milliseconds wrap every 49.7 days
SCREENSAVER = ("--dest", "org.freedesktop.ScreenSaver", "--object-path",
               "/org/freedesktop/ScreenSaver")


def tmux_idle(tmux: Tmux, now: float | None = None) -> float | None:
    clients = tmux.clients()
    if not clients:
        return None
    return max(0.0, (now if now is not None else time.time()) - clients[0].activity)


def _output(argv: list[str]) -> str | None:
    """A program's output, or None: not installed, failed, hung, or not text."""
    if shutil.which(argv[0]) is None:
        return None
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S,
                              stdin=subprocess.DEVNULL, check=False, errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _gdbus(method: str) -> str | None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None
    return _output(["gdbus", "call", "--session", *SCREENSAVER, "--method",
                    f"org.freedesktop.ScreenSaver.{method}"])


def linux_idle() -> float | None:
    """Seconds since the last desktop input; a locked screen counts as long idle."""
    if (_gdbus("GetActive") or "").startswith("(true"):
        return LOCKED_S
    found = re.fullmatch(r"\((?:uint32 )?(\d{1,10}),?\)", _gdbus("GetSessionIdleTime") or "")
    return int(found.group(1)) / 1000 if found else None


IOREG = ["ioreg", "-c", "IOHIDSystem"]


def mac_idle(ioreg: Callable[[], str | None] | None = None) -> float | None:
    """HIDIdleTime (nanoseconds since the last input) from `ioreg -c IOHIDSystem`."""
    text = ioreg() if ioreg is not None else _output(IOREG)
    found = re.search(r'"HIDIdleTime" = (\d{1,20})\b', (text or "")[:1_000_000])
    return int(found.group(1)) / NS_PER_S if found else None


def windows_idle(user32: Any = None, kernel32: Any = None) -> float | None:
    """GetLastInputInfo against GetTickCount (both milliseconds since boot, 32 bits)."""
    import ctypes

    class LastInputInfo(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    try:
        if user32 is None or kernel32 is None:
            windll = ctypes.windll  # type: ignore[attr-defined]  # Windows only
            user32, kernel32 = windll.user32, windll.kernel32
        info = LastInputInfo(ctypes.sizeof(LastInputInfo), 0)
        if not user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        ticks = int(kernel32.GetTickCount())
    except (AttributeError, OSError, TypeError, ValueError):
        return None
    return ((ticks - info.dwTime) % TICKS_WRAP) / 1000


def desktop_idle(platform: str | None = None) -> float | None:
    """The desktop's idle time by this platform's own means."""
    platform = platform or sys.platform
    if platform == "darwin":
        return mac_idle()
    if platform == "win32":
        return windows_idle()
    return linux_idle()


DESKTOP_SIGNAL = {"darwin": "desktop (HIDIdleTime from ioreg)",
                  "win32": "desktop (GetLastInputInfo)"}


def sense(tmux: Tmux) -> Idle | None:
    """The shortest idle time among the signals: input anywhere means the user is there."""
    seen = []
    now = dt.datetime.now(dt.UTC)
    if (in_tmux := tmux_idle(tmux)) is not None:
        seen.append(Idle(in_tmux, "tmux", now))
    if (on_desktop := desktop_idle()) is not None:
        seen.append(Idle(on_desktop, "desktop", now))
    return min(seen, key=lambda i: i.seconds) if seen else None


def signals(tmux: Tmux, platform: str | None = None) -> list[str]:
    """The signals this machine has now, for doctor and settings."""
    platform = platform or sys.platform
    out = []
    if tmux.clients():
        out.append("tmux (input in attached clients)")
    if desktop_idle(platform) is not None:
        out.append(DESKTOP_SIGNAL.get(platform,
                                      "desktop (org.freedesktop.ScreenSaver idle time and lock)"))
    return out


def signal_note(tmux: Tmux | None = None, platform: str | None = None) -> str:
    """One line for doctor and settings: what can tell that the user went away, here and now.
    Without tmux a cheap look (no program run) for the settings screen."""
    platform = platform or sys.platform
    if tmux is not None:
        found = signals(tmux, platform)
    else:
        found = (["tmux"] if os.environ.get("TMUX") else []) + (
            [DESKTOP_SIGNAL.get(platform, "desktop idle (D-Bus)")] if _desktop_there(platform)
            else [])
    if found:
        return "Time away is noticed by: " + ", ".join(found) + "; a sleep counts too."
    return ("Time away cannot be noticed here (no tmux client, no desktop idle): it counts "
            "as sitting. A sleep does not.")


def _desktop_there(platform: str | None = None) -> bool:
    """Whether a desktop idle probe can work here, without running it."""
    platform = platform or sys.platform
    if platform == "darwin":
        return shutil.which("ioreg") is not None
    if platform == "win32":
        return True
    from coach.nudger.desktop import available

    return available()


class AwayWatch:
    """The app's eyes for time away: the probes above in a worker every SENSE_S, their last
    answer handed to the core's rules each tick. While the nudger runs it watches for every
    copy (the shared clock tells the app), and the app's probes rest."""

    default_probe = staticmethod(sense)  # the tests' conftest stills it: no host's tmux in them

    def __init__(self, timer: SittingTimer, tmux: Tmux | None = None,
                 probe: Callable[[Tmux], Idle | None] | None = None) -> None:
        self.breaks = NaturalBreaks(timer)
        self.tmux = tmux or Tmux(os.environ.get("BACKCOACH_TMUX_SOCKET"))
        self.probe = probe or self.default_probe
        self.idle: Idle | None = None
        self.watch = True
        self._asked: float | None = None
        self._asking = False

    def tick(self, mono: float, away_s: float, log: NudgeLog | None,
             in_thread: Callable[[Callable[[], None]], object]) -> Left | None:
        if self._asked is None:
            self._asked = mono  # the first look once the app has settled (and its log opened)
        elif not self._asking and mono - self._asked >= SENSE_S:
            self._asked, self._asking = mono, True  # one probe at a time: a hung one waits
            in_thread(partial(self.sample, log))
        return self.breaks.step(self.idle, away_s, self.watch)

    def sample(self, log: NudgeLog | None) -> None:
        """In a thread: the probes, unless the nudger runs (it has them)."""
        from coach.core.nudge.shared import nudger_running

        try:
            self.watch = log is None or not nudger_running(log)
            idle = self.probe(self.tmux) if self.watch else None
            # stamped by the app's clock when the probe did not say when it looked
            self.idle = (replace(idle, at=self.breaks.timer.clock.now())
                         if idle is not None and idle.at is None else idle)
        finally:
            self._asking = False
