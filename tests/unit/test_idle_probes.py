"""The desktop idle probes of each platform, fed recorded output and stand-in functions (they
run on Linux): macOS's ioreg HIDIdleTime, Windows' GetLastInputInfo, the ScreenSaver on D-Bus;
odd, hostile or missing answers are no signal, never an error; doctor and settings name them."""

from __future__ import annotations

import ctypes

import pytest

from coach.nudger import idle
from coach.nudger.idle import (
    LOCKED_S,
    TICKS_WRAP,
    desktop_idle,
    linux_idle,
    mac_idle,
    signal_note,
    windows_idle,
)

IOREG = """+-o IOHIDSystem  <class IOHIDSystem, id 0x100000436, registered, matched, active>
    {
      "HIDParameters" = {"HIDClickTime"=500000000,"HIDKeyRepeat"=83333333}
      "HIDIdleTime" = 612345678901
      "HIDScrollCountMinDeltaToStart" = 30
    }
"""


def test_mac_idle_reads_hid_idle_time_in_nanoseconds():
    assert mac_idle(lambda: IOREG) == pytest.approx(612.345678901)


@pytest.mark.parametrize("output", [
    None,  # ioreg missing, failed or timed out
    "",
    '"HIDIdleTime" = -5',
    '"HIDIdleTime" = 12abc',
    '"HIDIdleTime" = ' + "9" * 40,  # no number that long
    "\x1b]0;HIDIdleTime\x07 = 5",
])
def test_mac_idle_without_a_plain_number_is_no_signal(output):
    assert mac_idle(lambda: output) is None


class FakeUser32:
    def __init__(self, last_input_ms: int, works: bool = True) -> None:
        self.last_input_ms = last_input_ms
        self.works = works

    def GetLastInputInfo(self, ref) -> int:  # noqa: N802  (Windows' own name)
        info = ref._obj
        assert info.cbSize == 8  # the size the API demands, set by the caller
        info.dwTime = self.last_input_ms
        return 1 if self.works else 0


class FakeKernel32:
    def __init__(self, ticks_ms: int) -> None:
        self.ticks_ms = ticks_ms

    def GetTickCount(self) -> int:  # noqa: N802
        return self.ticks_ms


def test_windows_idle_is_ticks_since_the_last_input():
    assert windows_idle(FakeUser32(1_000_000), FakeKernel32(1_420_000)) == 420.0


def test_windows_idle_across_the_tick_counts_wrap():
    assert windows_idle(FakeUser32(TICKS_WRAP - 5_000), FakeKernel32(15_000)) == 20.0


def test_windows_idle_when_the_call_fails_or_is_missing_is_no_signal():
    assert windows_idle(FakeUser32(0, works=False), FakeKernel32(5)) is None
    assert windows_idle(object(), FakeKernel32(5)) is None  # no such function
    assert windows_idle() is None  # not Windows: no windll here
    assert not hasattr(ctypes, "windll")


@pytest.mark.parametrize(("active", "idle_time", "seconds"), [
    ("(false,)", "(uint32 420000,)", 420.0),
    ("(true,)", "(uint32 3,)", LOCKED_S),
    (None, None, None),  # no bus, no gdbus
    ("(false,)", "(uint32 42; rm -rf,)", None),
    ("(false,)", "(string 'x',)", None),
])
def test_linux_idle_from_the_screensaver(monkeypatch, active, idle_time, seconds):
    answers = {"GetActive": active, "GetSessionIdleTime": idle_time}
    monkeypatch.setattr(idle, "_gdbus", answers.get)
    assert linux_idle() == seconds


def test_each_platform_asks_its_own_probe(monkeypatch):
    monkeypatch.setattr(idle, "mac_idle", lambda: 1.0)
    monkeypatch.setattr(idle, "windows_idle", lambda: 2.0)
    monkeypatch.setattr(idle, "linux_idle", lambda: 3.0)
    assert [desktop_idle(p) for p in ("darwin", "win32", "linux")] == [1.0, 2.0, 3.0]


def test_a_missing_or_hung_tool_is_no_signal(monkeypatch):
    assert idle._output(["backcoach-no-such-tool"]) is None
    monkeypatch.setattr(idle, "PROBE_TIMEOUT_S", 0.2)
    assert idle._output(["sleep", "5"]) is None


class NoTmux:
    def clients(self):
        return []


def test_doctor_and_settings_name_the_platforms_signal(monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setattr(idle, "mac_idle", lambda: 5.0)
    monkeypatch.setattr(idle, "windows_idle", lambda: 5.0)
    assert "HIDIdleTime from ioreg" in signal_note(NoTmux(), "darwin")  # type: ignore[arg-type]
    assert "GetLastInputInfo" in signal_note(NoTmux(), "win32")  # type: ignore[arg-type]
    assert "GetLastInputInfo" in signal_note(None, "win32")  # the settings screen's cheap look
    monkeypatch.setattr(idle, "mac_idle", lambda: None)
    assert "cannot be noticed" in signal_note(NoTmux(), "darwin")  # type: ignore[arg-type]
