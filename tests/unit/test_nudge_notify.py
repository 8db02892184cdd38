"""The exact bytes of a nudge's notification, plain and inside tmux, and the text made safe."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coach.core.nudge.notify import notification, osc9, osc777, tmux_passthrough
from coach.core.nudge.posture import CHECKLIST, posture_tip
from coach.core.text import one_line


def test_plain_bytes():
    out = notification(("bell", "toast", "desktop"), "backcoach", "Stand up", in_tmux=False)
    assert out.encode() == (
        b"\x07"
        b"\x1b]9;backcoach: Stand up\x07"
        b"\x1b]777;notify;backcoach;Stand up\x07"
    )


def test_tmux_bytes_wrap_each_sequence_and_double_its_escapes():
    out = notification(("bell", "desktop"), "backcoach", "Stand up", in_tmux=True)
    assert out.encode() == (
        b"\x07"
        b"\x1bPtmux;\x1b\x1b]9;backcoach: Stand up\x07\x1b\\"
        b"\x1bPtmux;\x1b\x1b]777;notify;backcoach;Stand up\x07\x1b\\"
    )


def test_kinds_chosen_in_settings():
    assert notification(("toast",), "t", "b", in_tmux=False) == ""
    assert notification(("bell",), "t", "b", in_tmux=True) == "\x07"
    assert notification(("desktop",), "t", "b", in_tmux=False).startswith("\x1b]9;")


def test_hostile_text_cannot_end_the_sequence_or_start_another():
    body = "x\x07\x1b]52;c;ZXZpbA==\x07\x1b\\\x9b31m\u202eevil\nline"
    out = osc777("a;b\x1b", body).encode()
    # Shown as the one neutralising path shows it (core/text.py): ESC as a picture of ESC.
    assert out == "\x1b]777;notify;a,b\u241b;x\u2407\u241b]52;c;ZXZpbA==\u2407\u241b\\\ufffd31m\ufffdevil line\x07".encode()
    assert osc9("9;4;1").encode() == "\x1b]9;\u20609;4;1\x07".encode()  # not a ConEmu command


@given(st.text(), st.text())
def test_every_sequence_has_exactly_its_own_control_bytes(title, body):
    for in_tmux in (False, True):
        out = notification(("desktop",), title, body, in_tmux)
        inner = out.replace("\x1bPtmux;", "").replace("\x1b\\", "").replace("\x1b\x1b", "\x1b")
        controls = [c for c in inner if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0]
        assert controls == ["\x1b", "\x07", "\x1b", "\x07"]


@given(st.text())
def test_one_line_is_one_printable_line(text):
    safe = one_line(text, 120)
    assert safe == one_line(safe, 120)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in safe)
    assert "\u202e" not in safe and len(safe) <= 120


def test_passthrough_alone():
    assert tmux_passthrough("\x1b]9;hi\x07") == "\x1bPtmux;\x1b\x1b]9;hi\x07\x1b\\"


def test_the_checklist_rotates_through_every_item():
    tips = [posture_tip(n) for n in range(len(CHECKLIST) * 2)]
    assert tips[: len(CHECKLIST)] == list(CHECKLIST) == tips[len(CHECKLIST):]
    assert len(set(CHECKLIST)) == 6
