"""What an app said in notices, recorded through App.notify (public API) as it is called,
instead of reading Textual's private list of notifications."""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from textual.app import App


@dataclass(frozen=True)
class Said:
    message: str
    title: str
    severity: str


_said: WeakKeyDictionary[App, list[Said]] = WeakKeyDictionary()


def record_notices(app: App) -> list[Said]:
    """From now on, every notice the app gives is kept in the returned list (and still shown)."""
    said = _said.setdefault(app, [])
    shown = app.notify

    def notify(message: str, *, title: str = "", severity: str = "information", **kwargs):
        said.append(Said(str(message), title, severity))
        return shown(message, title=title, severity=severity, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return said


def said_by(app: App) -> list[Said]:
    """The notices recorded since record_notices(app)."""
    return _said[app]
