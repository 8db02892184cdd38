"""Screens imported when first shown, not at start: the first frame needs only the picker.

`LazyScreen("coach.ui.screens.help", "HelpScreen")` stands in for the class: calling it
imports the module and builds the screen, and `it.matches(screen)` (or isinstance) answers
without importing anything (no instance can exist before its module is loaded).
"""

from __future__ import annotations

import importlib
import sys
import threading
from typing import Any


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


def prefetch(*screens: LazyScreen) -> None:
    """Import these in a thread once the first frame is out, so the key that opens one
    does not wait for its import."""
    def load_all() -> None:
        for screen in screens:
            screen.load()

    threading.Thread(target=load_all, name="prefetch-screens", daemon=True).start()
