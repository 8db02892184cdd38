"""Time from launch to the first frame in a real terminal (tmux), backcoach beside a bare app.

    python bench/startup.py [--runs 10] [--size 80x24]

Each run starts the program in a fresh detached tmux session and polls the pane until a
marker from the first frame appears. The two programs alternate run by run so machine noise
hits both alike; compare the ratio, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def first_frame_seconds(command: str, marker: str, size: str, env: dict[str, str]) -> float:
    cols, rows = size.split("x")
    session = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    start = time.perf_counter()
    for _ in range(3):  # a server that is exiting (its last pane gone) refuses once
        started = subprocess.run(
            ["tmux", "new-session", "-d", "-s", session, "-x", cols, "-y", rows, command],
            env=env, capture_output=True,
        )
        if started.returncode == 0:
            break
        time.sleep(0.2)
    else:
        raise RuntimeError(f"tmux could not start {command!r}: {started.stderr.decode()}")
    try:
        while time.perf_counter() - start < 30:
            pane = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if marker in pane:
                return time.perf_counter() - start
            time.sleep(0.002)
        raise RuntimeError(f"{command!r} never showed {marker!r}; last screen:\n{pane}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--data-dir", help="history to start with (default: an empty folder)")
    args = parser.parse_args()
    python = sys.executable
    data = args.data_dir or tempfile.mkdtemp(prefix="backcoach-bench-")
    env = dict(os.environ, TERM=os.environ.get("TERM", "xterm-256color"))
    programs = {
        "bare textual": (f"{python} {HERE / 'bare_app.py'}", "bare app ready"),
        "backcoach": (f"{python} -m coach --data-dir {data}", "Office chair break"),
    }
    times: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, (command, marker) in programs.items():
            times[name].append(first_frame_seconds(command, marker, args.size, env))
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, t in times.items():
        print(f"{name:>13}: median {medians[name] * 1000:6.0f} ms  "
              f"(min {min(t) * 1000:.0f}, max {max(t) * 1000:.0f}, n={len(t)})")
    print(f"ratio backcoach / bare: {medians['backcoach'] / medians['bare textual']:.2f}")


if __name__ == "__main__":
    main()
