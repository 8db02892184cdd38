"""Text for people: how the screens and the CLI say a dosing or a length of time, and how
user text is kept from steering a terminal.

User text (routine names, descriptions, imported session fields) is checked where it comes in:
rejected where the user can still fix it (typed, imported: the models use UserLine and UserText),
and made harmless where it is read back from a file (the STORED context), since a synced folder,
a cache or a file from before the check may hold anything. So every string a screen or a command
gets from a stored model is already terminal_safe(): there is no way out to forget.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator, ValidationInfo

# Validation context for data backcoach itself stored: read it as it is, show it neutralised.
STORED = {"stored": True}

# What a terminal would obey instead of showing: C0 controls, DEL and C1 controls; lone
# surrogates (no terminal can be sent them); the bidi embeddings, overrides, isolates and
# marks, and the line and paragraph separators, which reorder or break what follows them.
STEERING = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"  # what a C1 control, a bidi control or a lone surrogate becomes


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛, LF as ␊
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def terminal_safe(text: str) -> str:
    """The text with every character a terminal would obey shown as a harmless symbol.

    C0 controls and DEL become their Control Pictures (ESC as ␛, so an escape sequence is
    printed, not run); C1 controls, bidi controls and lone surrogates become U+FFFD. Newlines
    go too: a value is always one line. Everything else, emoji and wide letters included,
    is kept.
    """
    return STEERING.sub(_visible, text)


def terminal_safe_lines(text: str) -> str:
    """terminal_safe() line by line: a description keeps its line breaks, nothing else."""
    return "\n".join(terminal_safe(line) for line in text.split("\n"))


def one_line(text: str, limit: int) -> str:
    """terminal_safe() text for a place that holds one short line (a notification, a setting):
    line breaks and tabs as spaces, runs of spaces as one, at most limit characters."""
    line = " ".join(terminal_safe(" ".join(text.split())).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


# For a string read from a file that is no user text (a theme's name, a summary's key): made
# harmless as it is read, like stored user text.
Neutralised = Annotated[str, AfterValidator(terminal_safe)]


def json_escaped(text: str) -> str:
    """JSON text with every character a terminal would obey written as a \\uXXXX escape.

    Lossless (json.loads reads the same strings back) and still valid JSON, because in JSON
    text such a character can only stand inside a string; the newlines of indentation stay.
    """
    return STEERING.sub(lambda m: "\n" if m.group() == "\n" else f"\\u{ord(m.group()):04x}", text)


def _first_steering(value: str, allowed: str) -> int | None:
    for match in STEERING.finditer(value):
        if match.group() not in allowed:
            return match.start()
    return None


def _checker(allowed: str, what: str, neutralise: Callable[[str], str]):
    def check(value: str, info: ValidationInfo) -> str:
        if info.context and info.context.get("stored"):
            if SURROGATE.search(value):  # no file backcoach wrote holds one (not UTF-8)
                raise ValueError("holds a broken character (a lone surrogate)")
            # Read from a file: shown harmlessly, never refused (that would hide a session).
            return neutralise(value)
        at = _first_steering(value, allowed)
        if at is not None:
            raise ValueError(
                f"has a control character (U+{ord(value[at]):04X}) at character {at + 1}; "
                f"{what}"
            )
        return value

    return check


UserLine = Annotated[
    str, AfterValidator(_checker("", "remove it (names are plain text on one line)", terminal_safe))
]
UserText = Annotated[
    str, AfterValidator(
        _checker("\n", "remove it (only line breaks are allowed)", terminal_safe_lines)
    )
]

OUTCOME_MARKS = {"done": "✓", "partial": "~", "skipped": "–"}  # how a step ended, at a glance


def duration_text(seconds: int) -> str:
    """90 -> '1 min 30 s'; 45 -> '45 s'; 621 -> '10 min'; 5400 -> '1 h 30 min'.

    The one way a length is written, in the app and the commands alike: in words, since
    '1:30' reads as a time of day (or hours) and a rounded '2 min' contradicts 'ninety
    seconds' in a routine's own text."""
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 600:
        minutes, rest = divmod(seconds, 60)
        return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"
    hours, minutes = divmod(round(seconds / 60), 60)  # ten minutes on: seconds are noise
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
