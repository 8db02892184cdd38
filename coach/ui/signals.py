"""SIGHUP (the SSH link drops) and SIGTERM (the system stops us): keep the work, then leave.

Textual leaves both alone: without these handlers the process dies and nothing after run()
executes. Loop handlers run between callbacks, never in the middle of a save.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable

SIGNALS = (signal.SIGHUP, signal.SIGTERM)


def hang_up(keep_work: Callable[[], None]) -> None:
    """The terminal is gone: keep the work, then leave without touching the dead tty again."""
    keep_work()
    os._exit(128 + signal.SIGHUP)


def catch(keep_work: Callable[[], None], exit_app: Callable[[int], None]) -> None:
    loop = asyncio.get_running_loop()

    def terminate() -> None:
        keep_work()
        exit_app(128 + signal.SIGTERM)

    loop.add_signal_handler(signal.SIGHUP, hang_up, keep_work)
    loop.add_signal_handler(signal.SIGTERM, terminate)


def release() -> None:
    loop = asyncio.get_running_loop()
    for sig in SIGNALS:
        loop.remove_signal_handler(sig)
