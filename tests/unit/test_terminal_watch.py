"""The terminal watcher: it notices a hang-up, and takes no key from the app meanwhile."""

from __future__ import annotations

import os
import pty
import threading
import tty

from coach.ui.terminal_watch import watch_terminal


def test_a_closed_terminal_is_noticed_once_and_input_is_left_alone():
    master, slave = pty.openpty()
    tty.setraw(slave)  # as the app's terminal is: a key is readable at once
    lost = threading.Event()
    calls = []
    stop = watch_terminal([slave, slave], lambda: (calls.append(1), lost.set()))
    try:
        os.write(master, b"q")
        assert os.read(slave, 10) == b"q"  # the watcher read nothing
        assert not lost.wait(0.3)
        os.close(master)
        assert lost.wait(10)
        assert calls == [1]
    finally:
        stop.set()
        os.close(slave)


def test_stopped_before_a_hang_up_it_stays_quiet():
    master, slave = pty.openpty()
    lost = threading.Event()
    stop = watch_terminal([slave], lost.set)
    stop.set()
    threading.Event().wait(1.2)  # one poll period: the thread sees stop and leaves
    os.close(master)
    assert not lost.wait(1.5)
    os.close(slave)
