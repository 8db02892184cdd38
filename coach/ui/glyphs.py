"""Symbols the terminal's font may lack, and what stands in for them.

The Linux console's font (TERM=linux, detected where the figure's mode is chosen) has none
of ⏎ ▕ ≤ ⭘: a key, a border and a filter label showed as blank boxes. In linux-console mode
the app writes what that font has; everywhere else the symbols stay.
"""

from __future__ import annotations

# The header's icon (it opens the command palette): Textual's ⭘ is an empty box in
# Chromium's fonts (`backcoach serve`) and absent from the console's; ≡ is in both.
HEADER_ICON = "≡"

CONSOLE_CLASS = "-linux-console"  # on the App in that mode: app.tcss looks for it
CONSOLE = str.maketrans({"⏎": "Enter", "≤": "<=", "▕": "|", "⭘": "="})


def console_text(text: str, console: bool) -> str:
    """The text as the Linux console can show it, when console; else unchanged."""
    return text.translate(CONSOLE) if console else text
