"""The notification escape sequences: the bell, OSC 9 and OSC 777, and tmux's passthrough.

OSC 9 (iTerm2, kitty, WezTerm, Windows Terminal, ghostty) and OSC 777 (foot, WezTerm, urxvt,
VTE terminals) raise a desktop notification from the terminal itself, so they work over SSH.
tmux swallows both unless they come wrapped in its DCS passthrough (and the tmux option
`allow-passthrough` is on). Whatever text goes inside is made terminal-safe first: a control
byte there could end the sequence early and smuggle in a command of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from coach.core.text import one_line

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"
TEXT_LIMIT = 120  # characters; a notification is a line, not a letter


def _line(text: str) -> str:
    return one_line(text, TEXT_LIMIT)  # the one neutralising path (core/text.py), on one line


def osc9(body: str) -> str:
    """ESC ] 9 ; body BEL. A body that starts 'digits;' reads as a ConEmu sub-command: avoided."""
    body = _line(body)
    head, _, _ = body.partition(";")
    if head.isdigit():
        body = "\u2060" + body  # a word joiner: invisible, and no longer a number
    return f"{ESC}]9;{body}{BEL}"


def osc777(title: str, body: str) -> str:
    """ESC ] 777 ; notify ; title ; body BEL. The title cannot hold ';' (it ends the field)."""
    return f"{ESC}]777;notify;{_line(title).replace(';', ',')};{_line(body)}{BEL}"


def tmux_passthrough(sequence: str) -> str:
    """ESC P tmux; <sequence, every ESC doubled> ESC \\ — tmux hands it to the outer terminal."""
    return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ST}"


def notification(kinds: Iterable[str], title: str, body: str, in_tmux: bool) -> str:
    """What to write to the terminal for a nudge ('toast' is the app's own, not a sequence).

    The bell is never wrapped: tmux turns a pane's bell into its own alert and rings the outer
    terminal itself.
    """
    kinds = set(kinds)
    out = BEL if "bell" in kinds else ""
    if "desktop" in kinds:
        for sequence in (osc9(f"{_line(title)}: {_line(body)}"), osc777(title, body)):
            out += tmux_passthrough(sequence) if in_tmux else sequence
    return out
