"""The nudger against a real tmux (its own socket) with a client attached through a pty: the
popup opens over the client's window when a nudge is due, b starts the break in it, and a
client left alone pauses the clock and credits a break noticed by tmux."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import pty
import secrets
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.nudge.log import NudgeLog, TimerState
from tests.tools import needs

pytestmark = needs("tmux")

EVERY_DAY = "mon,tue,wed,thu,fri,sat,sun"


class Client:
    """`tmux attach` on a pty of 80x24; everything it draws is kept to look at."""

    def __init__(self, socket: str) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        self.proc = subprocess.Popen(["tmux", "-L", socket, "attach", "-t", "t"], stdin=slave,
                                     stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.seen = b""
        self._stop = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._stop:
            if select.select([self.master], [], [], 0.1)[0]:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, needle: bytes, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle in self.seen:
                return
            time.sleep(0.1)
        raise AssertionError(f"never saw {needle!r}; got {self.seen[-300:]!r}")

    def press(self, key: bytes) -> None:
        os.write(self.master, key)

    def close(self) -> None:
        self._stop = True
        self.proc.terminate()
        self.proc.wait(5)
        os.close(self.master)


@pytest.fixture
def tmux(tmp_path) -> Iterator[tuple[str, Client]]:
    # One server per test: a name per process let the next test meet the last one's server
    # still shutting down after kill-server (new-session then failed, under load).
    socket = f"bc-nudger-{os.getpid()}-{secrets.token_hex(4)}"
    subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t",
                    "-x", "80", "-y", "24", "sh"], check=True)
    client = Client(socket)
    try:
        yield socket, client
    finally:
        client.close()
        subprocess.run(["tmux", "-L", socket, "kill-server"], check=False)


def settings(folder: Path, **more: str) -> None:
    from coach.cli import main

    for key, value in {"nudge_minutes": "1", "work_hours": "00:00-24:00",
                       "work_days": EVERY_DAY, "safety_acknowledged": "on",
                       "pain_checkin": "off", "bell": "off", **more}.items():
        assert main(["--data-dir", str(folder), "settings", "set", key, value]) == 0


def nudger(folder: Path, socket: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(folder), "nudger",
                             "--tmux-socket", socket, "--sense-every", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            stdin=subprocess.DEVNULL)


def stop(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    out, _ = proc.communicate(timeout=10)
    return out


def wait_until(check, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if (value := check()):
            return value
        time.sleep(0.2)
    raise AssertionError("never happened")


def test_the_popup_opens_when_due_and_b_starts_the_break(tmux, data_dir):
    socket, client = tmux
    settings(data_dir)
    now = dt.datetime.now(dt.UTC)  # a stretch 57 s old: the nudge is due in 3 s
    NudgeLog(data_dir).save_timer(TimerState(since=now - dt.timedelta(seconds=57), due=None,
                                             written_at=now, rev=1, writer="test"))
    proc = nudger(data_dir, socket)
    try:
        client.wait_for(b"time to stand up and move")
        client.wait_for(b"[b] break now")
        assert b"backcoach" in client.seen  # the popup's title
        client.press(b"b")
        client.wait_for(b"Stand-up micro-break")
        state = wait_until(lambda: (s := NudgeLog(data_dir).timer()) and s.in_session and s)
        assert state.pending_at is None
    finally:
        out = stop(proc)
    assert "nudge: Sitting 1 min: time to stand up and move. (tmux popup on /dev/" in out


def test_a_client_left_alone_pauses_the_clock_and_credits_a_break(tmux, data_dir):
    socket, client = tmux
    settings(data_dir, nudge_minutes="30", away_minutes="1")
    proc = nudger(data_dir, socket)
    try:
        state = wait_until(lambda: (s := NudgeLog(data_dir).timer()) and s.away_since and s,
                           timeout=90)
        assert state.away_noticed == "tmux" and state.in_session  # paused: no nudges, no sitting
        client.press(b"x")  # back at the keyboard
        wait_until(lambda: (s := NudgeLog(data_dir).timer()) and not s.away_since, timeout=10)
    finally:
        out = stop(proc)
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m")
    [stretch] = NudgeLog(data_dir).month(today).stretches
    assert (stretch.ended_by, stretch.noticed) == ("away", "tmux")
    assert "away: a break, noticed by tmux" in out and "back: a new stretch" in out
