"""A desktop notification over the session bus (org.freedesktop.Notifications), with actions
where the desktop has them, and the answers: which action was clicked on which notification.

Through gdbus (GLib's, on every Linux desktop) rather than desktop-notifier from PyPI: that
one needs an asyncio loop and dbus-fast, several megabytes, to make one call and hear two
signals; gdbus makes the call from its arguments (`gdbus call`) and prints the signals
(`gdbus monitor`), and needs nothing installed in Python. No bus, or no gdbus: no
notification, and the other channels still reach the user. (macOS and Windows: not yet.)
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.text import terminal_safe

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"
NOTIFICATIONS = ("--dest", NAME, "--object-path", PATH)
# (key, label): the key comes back in ActionInvoked, the label is the button
NUDGE_ACTIONS = (("break", "Break now"), ("snooze", "Snooze"))
REMINDER_ACTIONS = (("start", "Start"), ("later", "Later"), ("skip", "Skip"))
_SIGNAL = re.compile(  # what `gdbus monitor` prints for the two signals we listen to
    r"\.(ActionInvoked|NotificationClosed) \(uint32 (\d+), (?:'([^']*)'|uint32 \d+)\)")


@dataclass(frozen=True)
class Answer:
    id: int  # the notification's, as Notify returned it
    action: str | None  # the action's key; None: closed without one (dismissed, timed out)


def _gvariant_string(text: str) -> str:
    """A GVariant text literal: quoted, with its quotes and backslashes escaped."""
    return "'" + terminal_safe(text).replace("\\", "\\\\").replace("'", "\\'") + "'"


def available() -> bool:
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")) and shutil.which("gdbus") is not None


def _call(method: str, *args: str) -> str | None:
    argv = ["gdbus", "call", "--session", *NOTIFICATIONS, "--method", f"{NAME}.{method}", *args]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=3,
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def has_actions() -> bool:
    """Whether the desktop shows buttons on a notification (GetCapabilities says 'actions')."""
    return "'actions'" in (_call("GetCapabilities") or "")


def notify(title: str, body: str, actions: Sequence[tuple[str, str]] = NUDGE_ACTIONS,
           seconds: int = 15) -> int | None:
    """Show it; the notification's id when the bus took it, else None. The actions go only
    to a desktop that shows them (one without would list them as text, or refuse)."""
    if not available():
        return None
    pairs = [_gvariant_string(part) for pair in actions for part in pair] if has_actions() else []
    out = _call("Notify", "backcoach", "0", "", _gvariant_string(title), _gvariant_string(body),
                f"[{', '.join(pairs)}]" if pairs else "@as []", "{}", str(seconds * 1000))
    found = re.search(r"(\d+),?\)", out or "")  # "(uint32 7,)"
    return int(found.group(1)) if out is not None and found else None


class Listener:
    """`gdbus monitor` on the notification service, read in a thread: the answers to the
    notifications this process sent (the signals go to every listener; the caller keeps the
    ids it sent and drops the rest). Start it before the first Notify, so no answer is missed."""

    def __init__(self) -> None:
        self.answers: queue.SimpleQueue[Answer] = queue.SimpleQueue()
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> bool:
        if not available():
            return False
        try:
            # Line-buffered through stdbuf: to a pipe gdbus writes in blocks, and a click
            # would sit in its buffer until a few kilobytes of signals followed.
            line_buffered = ["stdbuf", "-oL"] if shutil.which("stdbuf") else []
            self.proc = subprocess.Popen([*line_buffered, "gdbus", "monitor", "--session",
                                          *NOTIFICATIONS],
                                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, text=True)
        except OSError:
            return False
        threading.Thread(target=self._read, args=(self.proc,), daemon=True).start()
        return True

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            found = _SIGNAL.search(line)
            if found:
                kind, number, action = found.groups()
                self.answers.put(Answer(int(number),
                                        action if kind == "ActionInvoked" else None))

    def take(self) -> list[Answer]:
        out = []
        while not self.answers.empty():
            out.append(self.answers.get_nowait())
        return out

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
