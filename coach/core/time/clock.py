"""Time, injected: the real clock for the app, a hand-wound one for tests and screenshots."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never jumps; phases end on deadlines measured on it."""
        ...

    def now(self) -> dt.datetime:
        """The wall-clock instant, timezone-aware UTC; only for what records say."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class ManualClock:
    """A clock that moves only when told to."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._mono = 1000.0
        self._start = start or dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> dt.datetime:
        return self._start + dt.timedelta(seconds=self._mono - 1000.0)

    def advance(self, seconds: float) -> None:
        self._mono += seconds
