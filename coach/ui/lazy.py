"""Screens imported when first shown, not at start: the first frame needs only the picker.

`LazyScreen("coach.ui.screens.help", "HelpScreen")` stands in for the class: calling it
imports the module and builds the screen, and `it.matches(screen)` (or isinstance) answers
without importing anything (no instance can exist before its module is loaded).
"""

from __future__ import annotations

import importlib
import sys
import threading
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.events import Callback

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode


class LazyScreen:
    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.load()(*args, **kwargs)

    def matches(self, instance: object) -> bool:
        """isinstance(instance, the screen class), without importing it: no instance can exist
        before its module is loaded. (isinstance works too; mypy only knows this spelling.)"""
        module = sys.modules.get(self.module)
        return module is not None and isinstance(instance, getattr(module, self.name))

    __instancecheck__ = matches

    def __repr__(self) -> str:
        return f"LazyScreen({self.module}.{self.name})"


def add_default_css(app: App, *classes: type[DOMNode]) -> None:
    """Parse these classes' DEFAULT_CSS into the app's stylesheet now, exactly as mounting
    the first of each would, so the key that opens their screen does not wait for it."""
    stylesheet = app.stylesheet
    try:
        for cls in classes:
            # _get_default_css reads only the class (its CSS bases), so a bare instance will do.
            for read_from, css, tie_breaker, scope in cls._get_default_css(object.__new__(cls)):
                stylesheet.add_source(css, read_from=read_from, is_default_css=True,
                                      tie_breaker=tie_breaker, scope=scope)
    except (AttributeError, TypeError, ValueError):
        # Textual's private side changed (textual is pinned, but within a range): the CSS is
        # then parsed when the screen first mounts, as it always is without this head start.
        return
    stylesheet.parse()
    _ = stylesheet.rules_map  # built now, not at the first widget's styling


def prefetch(app: App, *screens: LazyScreen) -> None:
    """Import these in a thread once the first frame is out, so the key that opens one
    does not wait for its import; then, on the UI thread, parse the CSS their widgets
    bring (a screen class lists those in STYLED_WITH)."""
    def load_all() -> None:
        classes: list[type[DOMNode]] = []
        for screen in screens:
            loaded = screen.load()
            classes += [loaded, *getattr(loaded, "STYLED_WITH", ())]
        # post_message is thread-safe and never waits: an app that has gone just drops it.
        app.post_message(Callback(partial(add_default_css, app, *classes)))

    threading.Thread(target=load_all, name="prefetch-screens", daemon=True).start()
