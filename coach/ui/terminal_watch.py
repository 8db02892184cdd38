"""Noticing that the terminal went away when no SIGHUP says so.

An app started in its own session (setsid, some SSH and container setups) gets no SIGHUP when
its terminal closes: input ends (EOF or EIO) and writes fail, and without this it would spin on
the dead input and never save. A thread waits on the terminal for a hang-up, using no CPU and
reading nothing, and then raises SIGHUP in this process, so the one SIGHUP path (save the
session as stopped, leave) runs whichever way the terminal was lost.
"""

from __future__ import annotations

import os
import select
import signal
import threading
from collections.abc import Callable, Sequence

GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL
POLL_MS = 1000  # how often the thread checks whether it is still wanted


def _raise_sighup() -> None:
    os.kill(os.getpid(), signal.SIGHUP)


def watch_terminal(
    fds: Sequence[int], on_lost: Callable[[], None] = _raise_sighup
) -> threading.Event:
    """Call `on_lost` once when any of these terminal fds hangs up; set the result to stop.

    Registered for no events, poll() wakes only for a hang-up or an error, so the thread never
    takes a key from the app.
    """
    stop = threading.Event()
    poller = select.poll()
    for fd in dict.fromkeys(fds):  # stdin and stdout are often the same terminal
        poller.register(fd, 0)

    def wait() -> None:
        while not stop.is_set():
            if any(mask & GONE for _, mask in poller.poll(POLL_MS)):
                if not stop.is_set():
                    on_lost()
                return

    threading.Thread(target=wait, name="terminal-watch", daemon=True).start()
    return stop
