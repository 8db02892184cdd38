"""The one place backcoach writes bytes to the terminal itself, between Textual's frames.

Desktop notifications (OSC 9 / OSC 777, wrapped for tmux) are escape sequences the terminal
must receive as they are, and Textual has no public call for that: App.bell writes "\\a"
through the app's driver, and so does this. It is the only module that reaches a private
part of Textual (`App._driver`); tests/ui/test_terminal_out.py runs it in a real pty, so a
Textual that moves the driver fails a test instead of silently dropping notifications.
"""

from __future__ import annotations

from textual.app import App


def write_to_terminal(app: App, text: str) -> bool:
    """Send text to the terminal as it is; False when there is none (headless, or closing)."""
    driver = app._driver  # no public API: see the module's docstring
    if not text or app.is_headless or driver is None:
        return False
    driver.write(text)
    return True
