"""The terminal closes and no SIGHUP comes (the app in its own session): the work is kept."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

from coach.core.storage.store import Store
from tests.faults.test_signals import drain, read_until

BOUND_S = 20  # generous for a loaded CI machine; the app notices within about a second


def test_closing_the_terminal_saves_the_session_and_exits(data_dir: Path, ready_store):
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    app = subprocess.Popen(
        [sys.executable, "-m", "coach", "--data-dir", str(data_dir)],
        stdin=slave, stdout=slave, stderr=slave, env=env,
        start_new_session=True,  # setsid: the pty is not its controlling terminal, no SIGHUP
    )
    os.close(slave)
    try:
        read_until(master, b"Stand-up micro-break")
        time.sleep(0.5)  # let the store open and the list take focus
        os.write(master, b"\r")
        read_until(master, b"GET READY")
        os.write(master, b"n")  # straight into the first exercise
        drain(master, 2.5)
        os.close(master)  # the terminal window closes
        closed = time.monotonic()
        master = -1
        while app.poll() is None and time.monotonic() - closed < BOUND_S:
            time.sleep(0.1)
        assert app.poll() is not None, f"still running {BOUND_S} s after the terminal closed"
        waited = time.monotonic() - closed
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        if master >= 0:
            os.close(master)
    [record] = Store(data_dir).sessions()
    assert record.status == "stopped" and record.ended_at is not None
    [step] = record.steps
    # 2.5 s of a 60 s step is skipped by the honest-outcome rule; what counts is the seconds.
    assert step.exercise_id == "stand-and-move" and step.outcome == "skipped"
    # Honest seconds: the 2.5 s of work before the close, plus no more than the time it took
    # to notice, never the time it sat unnoticed.
    print(f"exited {waited:.2f} s after the close; step seconds {step.seconds}")
    assert 1 <= step.seconds <= 3 + waited
