"""What needs the store waits until it has opened.

The store opens in the writer's thread after the first frame (checking ten years of files
takes a moment). A key pressed before then that needs it (start, progress, settings, a routine
verb) is neither lost nor run against default settings: it awaits the gate's event, which the
App sets when StoreOpened arrives, and then runs on the App's own queue.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


class StoreGate:
    def __init__(self, is_open: bool, call_later: Callable[..., Any]) -> None:
        self.opened = asyncio.Event()
        if is_open:  # no store at all: nothing to wait for
            self.opened.set()
        self.call_later = call_later  # App.call_later: the action runs as the App's message
        self.waiting: set[asyncio.Task] = set()

    @property
    def is_open(self) -> bool:
        return self.opened.is_set()

    def open(self) -> None:
        self.opened.set()

    def when_open(self, action: Callable[..., None], *args: object) -> None:
        """Run action(*args) now if the store is open, else as soon as it opens."""
        if self.opened.is_set():
            action(*args)
            return

        async def wait() -> None:  # a task, not a worker: a store that never opens leaves no
            await self.opened.wait()  # work undone for workers.wait_for_complete
            self.call_later(action, *args)

        task = asyncio.create_task(wait())
        self.waiting.add(task)
        task.add_done_callback(self.waiting.discard)

    def close(self) -> None:
        for task in self.waiting:
            task.cancel()
