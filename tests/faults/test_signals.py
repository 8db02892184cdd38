"""The SSH link drops (SIGHUP) or the system stops us (SIGTERM) mid-session: the work is kept."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.core.storage.store import Store


def read_until(fd: int, needle: bytes, timeout: float = 20) -> bytes:
    seen = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if needle in seen:
            return seen
    raise AssertionError(f"never saw {needle!r}; got {seen[-400:]!r}")


def drain(fd: int, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                return


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_mid_session_keeps_the_partial_session(data_dir: Path, ready_store, sig):
    folder = data_dir
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    app = subprocess.Popen(
        [sys.executable, "-m", "coach", "--data-dir", str(folder)],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )
    os.close(slave)
    try:
        read_until(master, b"Stand-up micro-break")
        time.sleep(0.5)  # let the store open and the list take focus
        os.write(master, b"\r")  # start the routine under the cursor
        read_until(master, b"GET READY")
        os.write(master, b"n")  # straight into the first exercise
        # A terminal keeps reading what the app draws. Seven seconds of a 60 s step: enough to
        # count as partial by the honest-outcome rule (a tenth of the plan, at least 5 s).
        drain(master, 7)
        app.send_signal(sig)
        end = time.monotonic() + 20
        while app.poll() is None and time.monotonic() < end:
            drain(master, 0.2)
    finally:
        if app.poll() is None:
            app.kill()
        os.close(master)
    [record] = Store(folder).sessions()
    assert record.status == "stopped" and record.ended_at is not None
    [step] = record.steps
    assert step.exercise_id == "stand-and-move" and step.outcome == "partial"
    assert 6 <= step.seconds <= 15
