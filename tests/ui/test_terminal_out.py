"""Bytes for the terminal itself (desktop notifications) reach a real terminal as they are.

terminal_out is the one module that reaches a private part of Textual (the app's driver):
this runs it in a real pty, through Textual's real driver, so a Textual that moves the
driver fails here instead of silently dropping every notification.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from textual.app import App

from coach.core.nudge.notify import notification
from coach.ui.terminal_out import write_to_terminal
from tests.faults.test_signals import drain, read_until

ROOT = Path(__file__).resolve().parents[2]

# A bare app that, once drawn, sends a desktop notification the way the nudge does, then quits.
PROGRAM = """
import sys
from textual.app import App
from coach.core.nudge.notify import notification
from coach.ui.terminal_out import write_to_terminal

class Notifying(App):
    def on_mount(self):
        self.call_after_refresh(self.send)

    def send(self):
        sent = write_to_terminal(self, notification({"desktop"}, "backcoach", "Stand up", False))
        self.exit(return_code=0 if sent else 3)

Notifying().run()
"""


def test_a_notification_reaches_a_real_terminal_as_it_is():
    expected = notification({"desktop"}, "backcoach", "Stand up", False).encode()
    assert expected.startswith(b"\x1b]")  # an OSC sequence: what the terminal turns into a notice
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", PROGRAM], stdin=slave, stdout=slave,
                             stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        read_until(master, expected)
        drain(master, 1)
        assert child.wait(timeout=20) == 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)


async def test_nothing_is_written_without_a_terminal():
    app = App()
    async with app.run_test():
        assert not write_to_terminal(app, "\x1b]9;hello\x07")  # headless: no terminal
    assert not write_to_terminal(App(), "\x1b]9;hello\x07")  # never run: no driver
