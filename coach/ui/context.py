"""What the App lends the helpers it owns (the routine book, the store opening, the session
keeper): the store and the one writer every store call goes through, and the few App calls a
helper makes. A helper holds this, not the App, so what it can reach is written down here and
a test can hand it a stand-in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.message import Message

from coach.core.storage.store import Store
from coach.ui.storage import StoreWriter


@dataclass(frozen=True)
class Lent:
    writer: StoreWriter  # every store call, read or write, queued to its one thread
    store: Store | None  # None: a run with nothing saved (tests, a store that cannot open)
    notify: Callable[..., Any]  # App.notify; helpers pass markup=False for user text
    push_screen: Callable[..., Any]  # App.push_screen, with its answer callback
    post: Callable[[Message], Any]  # a message up to the App, which answers it
    exit: Callable[..., Any]  # App.exit: a store that can never open ends the app
