"""tmux, as the nudger uses it: the attached clients, a popup over the current window, a
status-line message where popups are missing (tmux before 3.2), each client's last input.

Every call names the server (-L NAME, or the user's default one) and has a short timeout, so a
hung server costs the nudger a second, not its loop.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.core.text import terminal_safe

TIMEOUT_S = 3.0
POPUP_SIZE = ("72", "20")  # columns, rows: the prompt, or the break, inside


@dataclass(frozen=True)
class Client:
    name: str  # the client's tty, as tmux names it
    activity: int  # unix time of its last input


class Tmux:
    def __init__(self, socket: str | None = None) -> None:
        self.socket = socket

    def _argv(self, *args: str) -> list[str]:
        return ["tmux", *(["-L", self.socket] if self.socket else []), *args]

    def _run(self, *args: str) -> subprocess.CompletedProcess[str] | None:
        argv = self._argv(*args)
        try:
            return subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT_S,
                                  stdin=subprocess.DEVNULL, check=False)
        except (OSError, subprocess.SubprocessError):
            return None

    def clients(self) -> list[Client]:
        """The attached clients, the one used last first; [] with no server or no tmux."""
        done = self._run("list-clients", "-F", "#{client_activity} #{client_name}")
        if done is None or done.returncode != 0:
            return []
        out = []
        for line in done.stdout.splitlines():
            stamp, _, name = line.partition(" ")
            if stamp.isdigit() and name:
                out.append(Client(name, int(stamp)))
        return sorted(out, key=lambda c: -c.activity)

    def has_popups(self) -> bool:
        done = self._run("-V")
        if done is None or done.returncode != 0:
            return False
        version = done.stdout.strip().removeprefix("tmux ").split("-")[0]
        digits = "".join(ch for ch in version if ch.isdigit() or ch == ".")
        try:
            major, minor = (int(p) for p in (digits.split(".") + ["0"])[:2])
        except ValueError:
            return False
        return (major, minor) >= (3, 2)

    def popup(self, client: str, command: Sequence[str], env: Mapping[str, str]
              ) -> subprocess.Popen[bytes] | None:
        """A popup over the client's window running the command; closes when it exits. The
        tmux command runs as long as the popup is open, so the loop goes on beside it; its
        process says whether the popup is still up (tmux opens one popup per client)."""
        pairs = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        argv = self._argv("display-popup", "-c", client, "-E", "-w", POPUP_SIZE[0], "-h",
                          POPUP_SIZE[1], "-T", " backcoach ", *pairs, shlex.join(command))
        try:
            return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError:
            return None

    def close_popup(self, client: str) -> None:
        """Close the popup over the client's window (its command ends with it)."""
        self._run("display-popup", "-C", "-c", client)

    def message(self, client: str, text: str, seconds: int = 15) -> None:
        """One line on the client's status line ('#' doubled: tmux formats it)."""
        self._run("display-message", "-c", client, "-d", str(seconds * 1000),
                  terminal_safe(text).replace("#", "##"))


def own_command(folder: Path, *args: str) -> list[str]:
    """This backcoach, on this data folder, running `args` (the popup's and the prompt's)."""
    return [sys.executable, "-m", "coach", "--data-dir", str(folder), *args]


def passed_env() -> dict[str, str]:
    """What the popup's command needs of this process's environment: where the data and the
    machine's id are (tmux runs it with the server's environment, not the nudger's)."""
    keep = ("BACKCOACH_", "XDG_")
    return {k: v for k, v in os.environ.items() if k.startswith(keep) and "\n" not in v}
