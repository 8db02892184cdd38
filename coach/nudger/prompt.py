"""`backcoach nudge-prompt`: what the nudger's tmux popup shows (a nudge, or a reminder). No Textual: it must come up at
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
from coach.core.nudge.log import NudgeLog
from coach.core.nudge.posture import posture_tip
from coach.core.nudge.reminders import LATER_MIN, Reminders
from coach.core.nudge.timer import MICRO_BREAK, Answer
from coach.core.nudge.wording import nudge_body
from coach.core.settings.model import Settings
from coach.core.text import terminal_safe
from coach.core.time.clock import SystemClock
from coach.nudger.tmux import own_command

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
        os.execv(sys.executable, own_command(folder, "start", MICRO_BREAK))
    answer_waiting(log, SystemClock(), settings, zone, answer, f"prompt {os.getpid()}")
    return 0


def _read_key(log: NudgeLog | None, shown: dt.datetime, until: dt.datetime) -> str | None:
    """One key, or None when the nudge went away (answered elsewhere, or timed out); with no
    log (a reminder), only the time runs out."""
    fd = sys.stdin.fileno()
    old = termios.tcgetattr(fd) if os.isatty(fd) else None
    try:
        if old is not None:
            tty.setcbreak(fd)
        while dt.datetime.now(dt.UTC) < until:
            ready, _, _ = select.select([fd], [], [], LOOK_S)
            if ready:
                return os.read(fd, 16).decode("utf-8", "replace")[:1] or None
            if log is None:
                continue
            state = log.timer()
            if state is None or state.pending_at != shown:
                return None
        return None
    finally:
        if old is not None:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)


def reminder_text(name: str, at: str) -> str:
    lines = ["", f"Reminder: {name} ({at})", "",
             f"[Enter] start   [l] later ({LATER_MIN} min)   [s] skip today"]
    return "".join(f"  {terminal_safe(line)}\r\n" if line else "\r\n" for line in lines)


def run_reminder(folder: Path, routine: str) -> int:
    """Enter starts the routine here; l brings the reminder up again later; s or any other
    key lets it go for today. Closes by itself after the later time."""
    from coach.commands.common import shipped_library

    log = NudgeLog(folder)
    reminders = Reminders(log)
    found = [r for r in reminders.read() if r.routine == routine]
    if not found:
        return 0
    info = shipped_library().routines.get(routine)
    sys.stdout.write(reminder_text(info.routine.name if info else routine, found[0].at))
    sys.stdout.flush()
    now = dt.datetime.now(dt.UTC)
    key = _read_key(None, now, now + dt.timedelta(minutes=LATER_MIN))
    if key in ("\r", "\n"):
        os.execv(sys.executable, own_command(folder, "start", routine))
    if key == "l":
        reminders.put_off(routine)
    return 0
