"""The nudger on a private D-Bus session (dbus-daemon) with a stand-in desktop: the notification
arrives with its text and actions, and the desktop's idle time and lock are read."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.nudge.log import NudgeLog, TimerState
from coach.nudger import desktop
from coach.nudger.idle import LOCKED_S, desktop_idle, sense
from coach.nudger.tmux import Tmux
from tests.faults import test_nudger_tmux
from tests.faults.test_nudger_tmux import nudger, settings, stop, wait_until
from tests.tools import needs

pytestmark = needs("dbus-daemon", "/usr/bin/python3")

tmux = test_nudger_tmux.tmux  # the fixture: a tmux server of the test's own, a client attached
STANDIN = Path(__file__).with_name("dbus_standin.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with dbus-python and GLib


@pytest.fixture
def bus(monkeypatch) -> Iterator[str]:
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(5)


def standin(log: Path, idle_ms: int, locked: bool = False) -> subprocess.Popen[str]:
    proc = subprocess.Popen([SYSTEM_PYTHON, str(STANDIN), str(log), str(idle_ms),
                             "locked" if locked else "open"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def received(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_the_notification_reaches_the_desktop_with_its_actions(bus, tmp_path):
    log = tmp_path / "notes.jsonl"
    service = standin(log, idle_ms=420_000)
    try:
        assert desktop.notify("Stand up", "Sitting 30 min: it's time; \\ 'quoted'")
        assert desktop_idle() == 420.0
        assert sense(Tmux("bc-no-such-server")) is not None
        assert sense(Tmux("bc-no-such-server")).source == "desktop"
    finally:
        service.terminate()
    [note] = received(log)
    assert note["app"] == "backcoach" and note["summary"] == "Stand up"
    assert note["body"] == "Sitting 30 min: it's time; \\ 'quoted'"
    assert note["actions"] == ["break", "Break now", "snooze", "Snooze"]


def test_a_locked_screen_reads_as_away(bus, tmp_path):
    service = standin(tmp_path / "notes.jsonl", idle_ms=3_000, locked=True)
    try:
        assert desktop_idle() == LOCKED_S
    finally:
        service.terminate()


def test_no_bus_no_signal_and_no_notification(monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert desktop_idle() is None and not desktop.notify("Stand up", "x")


def test_the_nudger_notifies_the_desktop_when_due_and_notices_it_idle(bus, tmp_path, data_dir):
    log = tmp_path / "notes.jsonl"
    settings(data_dir)
    now = dt.datetime.now(dt.UTC)
    NudgeLog(data_dir).save_timer(TimerState(since=now - dt.timedelta(seconds=58), due=None,
                                             written_at=now, rev=1, writer="test"))
    service = standin(log, idle_ms=1_000)  # at the keyboard
    proc = subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(data_dir),
                             "nudger", "--tmux-socket", "bc-no-such-server", "--sense-every",
                             "1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        [note] = wait_until(lambda: received(log))
        assert note["body"] == "Sitting 1 min: time to stand up and move."
        time.sleep(1)
    finally:
        out = stop(proc)
        service.terminate()
    assert "away is noticed by desktop" in out and "(desktop notification)" in out


def test_doctor_says_which_signal_notices_time_away(bus, tmp_path, data_dir, capsys, monkeypatch):
    from coach.cli import main

    monkeypatch.setenv("BACKCOACH_TMUX_SOCKET", "bc-no-such-server")
    settings(data_dir)
    service = standin(tmp_path / "notes.jsonl", idle_ms=1_000)
    try:
        assert main(["--data-dir", str(data_dir), "doctor"]) == 0
        assert "Time away is noticed by: desktop" in capsys.readouterr().out
    finally:
        service.terminate()
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    assert main(["--data-dir", str(data_dir), "doctor"]) == 0
    assert "Time away cannot be noticed here" in capsys.readouterr().out


def click(number: int, action: str) -> None:
    subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
                    "--object-path", "/org/freedesktop/Notifications", "--method",
                    "org.backcoach.StandIn.Click", str(number), action],
                   check=True, capture_output=True, timeout=5)


@pytest.mark.parametrize("button", ["snooze", "break"])
def test_a_button_on_the_desktop_notification_answers_the_nudge(bus, tmp_path, data_dir,
                                                                button):
    """Snooze snoozes the sitting clock; Break now with no tmux here records the break."""
    log = tmp_path / "notes.jsonl"
    settings(data_dir, snooze_minutes="10")
    now = dt.datetime.now(dt.UTC)
    NudgeLog(data_dir).save_timer(TimerState(since=now - dt.timedelta(seconds=57), due=None,
                                             written_at=now, rev=1, writer="test"))
    service = standin(log, idle_ms=1_000)
    proc = subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(data_dir),
                             "nudger", "--tmux-socket", "bc-no-such-server", "--sense-every",
                             "1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        [note] = wait_until(lambda: received(log))
        assert note["actions"] == ["break", "Break now", "snooze", "Snooze"]
        assert NudgeLog(data_dir).timer().pending_at is not None  # the nudge waits
        clicked = dt.datetime.now(dt.UTC)
        click(note["id"], button)
        state = wait_until(lambda: (s := NudgeLog(data_dir).timer()).pending_at is None and s)
    finally:
        out = stop(proc)
        service.terminate()
    answers = NudgeLog(data_dir).month(clicked.astimezone().strftime("%Y-%m")).nudges
    [answered] = answers  # once: the nudger stopping at once after it does not add "no answer"
    assert answered.answer == button
    assert f"desktop: {button} -> answered {button}" in out
    if button == "snooze":
        assert state.snoozes == 1
        assert state.due >= clicked + dt.timedelta(minutes=9)  # snoozed for its 10 minutes
    else:
        assert state.snoozes == 0 and state.since >= clicked - dt.timedelta(seconds=1)


def test_a_reminder_notification_has_start_later_skip_and_later_re_arms(bus, tmp_path,
                                                                       data_dir):
    from coach.core.nudge.reminders import Reminder, Reminders

    log = tmp_path / "notes.jsonl"
    settings(data_dir)
    at = dt.datetime.now().strftime("%H:%M")  # now, in this machine's zone: due at once
    Reminders(NudgeLog(data_dir)).change(
        lambda old: [Reminder(routine="micro-break", at=at, days="mon-sun")])
    service = standin(log, idle_ms=1_000)
    proc = subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(data_dir),
                             "nudger", "--tmux-socket", "bc-no-such-server", "--sense-every",
                             "1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        note = wait_until(lambda: [n for n in received(log) if n["summary"] == "Reminder"])[0]
        assert note["body"] == "Reminder: Stand-up micro-break"
        assert note["actions"] == ["start", "Start", "later", "Later", "skip", "Skip"]
        click(note["id"], "later")
        [again] = wait_until(lambda: [r.again_at for r in Reminders(NudgeLog(data_dir)).read()
                                      if r.again_at is not None])
    finally:
        out = stop(proc)
        service.terminate()
    assert again > dt.datetime.now(dt.UTC) + dt.timedelta(minutes=8)
    assert "desktop: later -> brought up again later" in out


def test_a_desktop_without_actions_gets_no_buttons(bus, tmp_path, monkeypatch):
    log = tmp_path / "notes.jsonl"
    service = standin(log, idle_ms=1_000)
    monkeypatch.setattr(desktop, "has_actions", lambda: False)
    try:
        assert desktop.notify("Stand up", "x") == 1
    finally:
        service.terminate()
    assert received(log)[0]["actions"] == []


@needs("tmux")
def test_break_now_on_the_desktop_starts_the_break_in_the_tmux_popup(bus, tmux, tmp_path,
                                                                     data_dir):
    """The nudge's popup is up in tmux; "Break now" on the desktop puts the break in its place."""
    socket, client = tmux
    log = tmp_path / "notes.jsonl"
    settings(data_dir)
    now = dt.datetime.now(dt.UTC)
    NudgeLog(data_dir).save_timer(TimerState(since=now - dt.timedelta(seconds=57), due=None,
                                             written_at=now, rev=1, writer="test"))
    service = standin(log, idle_ms=1_000)
    proc = nudger(data_dir, socket)
    try:
        client.wait_for(b"[b] break now")
        [note] = wait_until(lambda: received(log))
        click(note["id"], "break")
        client.wait_for(b"Stand-up micro-break")
        state = wait_until(lambda: (s := NudgeLog(data_dir).timer()) and s.in_session and s)
        assert state.pending_at is None
    finally:
        out = stop(proc)
        service.terminate()
    assert "desktop: break -> the stand-up break in a tmux popup" in out
