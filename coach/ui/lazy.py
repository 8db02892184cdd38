"""Screens imported when first shown, not at start: the first frame needs only the picker.

`LazyScreen("coach.ui.screens.help", "HelpScreen")` stands in for the class: calling it
imports the module and builds the screen, and `it.matches(screen)` (or isinstance) answers
without importing anything (no instance can exist before its module is loaded).
"""

from __future__ import annotations

import importlib
import sys
import threading
from typing import TYPE_CHECKING, Any

from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App


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


def warm_styles(app: App, *classes: type[Widget]) -> None:
    """Mount one hidden instance of each widget class and take them away again: Textual
    parses a class's DEFAULT_CSS when its first instance mounts, so a screen that composes
    them later does not wait for it. Each class here builds with no arguments."""
    holder = Widget(*(cls() for cls in classes))
    holder.display = False
    app.screen.mount(holder)
    holder.call_after_refresh(holder.remove)


def prefetch(app: App, *screens: LazyScreen) -> None:
    """Import these in a thread once the first frame is out, so the key that opens one does
    not wait for its import; then, on the UI thread, mount and drop the widgets their screens
    list in STYLED_WITH, so their CSS is parsed before the key too. The models' deferred
    schemas are built here as well (coach/ui/schemas.py)."""
    def load_all() -> None:
        from coach.ui.schemas import build_schemas

        classes: list[type[Widget]] = []
        for screen in screens:
            classes += getattr(screen.load(), "STYLED_WITH", ())
        build_schemas()
        try:
            app.call_from_thread(warm_styles, app, *classes)
        except RuntimeError:  # the app closed first: nothing to warm
            pass

    threading.Thread(target=load_all, name="prefetch-screens", daemon=True).start()
