"""`backcoach nudge-prompt`: what the nudger's tmux popup shows. No Textual: it must come up at
once. b starts the stand-up break in the popup itself; z snoozes, s skips, any other key closes
it (no answer: a snooze, the rule in coach/core/nudge/wording.py). It closes by itself when the
nudge is answered in another copy, or after the snooze time (the nudger records no answer).
"""

from __future__ import annotations

import datetime as dt
import os
import select
import shutil
import sys
import termios
import textwrap
import tty
from pathlib import Path

from coach.core.nudge.keeper import answer_waiting
from coach.core.nudge.posture import posture_tip
from coach.core.nudge.timer import Answer
from coach.core.nudge.wording import nudge_body
from coach.core.session.clock import SystemClock
from coach.core.session.records import Settings
from coach.core.storage.nudges import NudgeLog

KEYS: dict[str, Answer] = {"b": "break", "z": "snooze", "s": "skip"}
LOOK_S = 0.5  # how often it looks whether the nudge was answered elsewhere


def prompt_text(sitting_s: float, number: int, snooze_min: int, width: int = 68) -> str:
    tip = textwrap.wrap(posture_tip(number), max(20, width - 4))
    lines = ["", nudge_body(sitting_s), "", *tip, "",
             f"[b] break now   [z] snooze {snooze_min} min   [s] skip",
             "Any other key closes this."]
    return "".join(f"  {line}\r\n" if line else "\r\n" for line in lines)


def run_prompt(folder: Path, settings: Settings, zone: str) -> int:
    log = NudgeLog(folder)
    state = log.timer()
    if state is None or state.pending_at is None:
        return 0  # answered before the popup came up
    sat = (state.pending_at - state.since).total_seconds()  # as the nudge came up
    sys.stdout.write(prompt_text(sat, max(0, state.number - 1), settings.snooze_minutes,
                                 shutil.get_terminal_size().columns))
    sys.stdout.flush()
    until = state.pending_at + dt.timedelta(minutes=settings.snooze_minutes)
    key = _read_key(log, state.pending_at, until)
    if key is None:
        return 0
    answer = KEYS.get(key, "no answer")
    if answer == "break":  # the app answers it as the break starts, and records the stretch
        argv = [sys.executable, "-m", "coach", "--data-dir", str(folder), "start", "micro-break"]
        os.execv(sys.executable, argv)
    answer_waiting(log, SystemClock(), settings, zone, answer, f"prompt {os.getpid()}")
    return 0


def _read_key(log: NudgeLog, shown: dt.datetime, until: dt.datetime) -> str | None:
    """One key, or None when the nudge went away (answered elsewhere, or timed out)."""
    fd = sys.stdin.fileno()
    old = termios.tcgetattr(fd) if os.isatty(fd) else None
    try:
        if old is not None:
            tty.setcbreak(fd)
        while dt.datetime.now(dt.UTC) < until:
            ready, _, _ = select.select([fd], [], [], LOOK_S)
            if ready:
                return os.read(fd, 16).decode("utf-8", "replace")[:1] or None
            state = log.timer()
            if state is None or state.pending_at != shown:
                return None
        return None
    finally:
        if old is not None:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)
