"""A program in a pseudo-terminal, watched byte by byte: what a real terminal would receive.

Used by bench/run.py for two measures that only a terminal shows: how many bytes a screen
sends per second, and how long after a key the first bytes of the changed screen leave.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


class Terminal:
    """A child process on an 80x24 (or other) pty; we hold the master end."""

    def __init__(self, args: list[str], cols: int = 80, rows: int = 24) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.set_blocking(master, False)
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        # From the checkout, so `python -m coach` runs this copy of backcoach.
        self.child = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env,
                                      cwd=HERE.parent, start_new_session=True)
        os.close(slave)
        self.master = master
        self.received = 0

    def _read(self, timeout: float) -> int:
        """Bytes read within timeout (0 if none came)."""
        return len(self._read_data(timeout))

    def _read_data(self, timeout: float) -> bytes:
        if not select.select([self.master], [], [], max(0.0, timeout))[0]:
            return b""
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the child has gone
            return b""
        self.received += len(data)
        return data

    def read_for(self, seconds: float) -> int:
        total, end = 0, time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            total += self._read(min(left, 0.05))
        return total

    def settle(self, quiet: float = 0.5, limit: float = 30.0) -> None:
        """Drain output until none has come for `quiet` seconds (the screen is still)."""
        end = time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() < end:
            if self._read(0.02):
                last = time.monotonic()
            elif time.monotonic() - last >= quiet and self.received:
                return
        raise RuntimeError("the program never went quiet")

    def key_to_bytes(self, key: bytes, limit: float = 5.0) -> float:
        """Seconds from writing `key` to the first bytes of the changed screen. A bell alone is
        not a screen (a session rings one as it starts, before its first frame)."""
        start = time.perf_counter()
        os.write(self.master, key)
        while time.perf_counter() - start < limit:
            if self._read_data(0.5).replace(b"\x07", b""):
                return time.perf_counter() - start
        raise RuntimeError(f"no reaction to {key!r} within {limit} s")

    def close(self) -> None:
        self.child.kill()
        self.child.wait()
        os.close(self.master)


def bytes_per_second(args: list[str], warmup: float, seconds: float) -> float:
    term = Terminal(args)
    try:
        term.read_for(warmup)
        return term.read_for(seconds) / seconds
    finally:
        term.close()


def python(script: str, *args: str) -> list[str]:
    return [sys.executable, str(HERE / script), *args]
