"""Actions that need the store wait until it has opened.

The store opens in a thread after the first frame (checking ten years of files takes a
moment); a key pressed before then is queued, not lost and not run against defaults.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any


def after_store_opens(method: Callable[..., Any]) -> Callable[..., None]:
    @functools.wraps(method)
    def wrapper(self, *args: Any, **kwargs: Any) -> None:
        if self.store_ready:
            method(self, *args, **kwargs)
        else:
            self.waiting_for_store.append(lambda: method(self, *args, **kwargs))

    return wrapper
