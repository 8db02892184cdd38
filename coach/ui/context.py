"""What the App lends the helpers it owns (the routine book, the store opening, the session
keeper, the nudges, a session's flow): the store and the one writer every store call goes
through, and the few App calls a helper makes. A helper holds this, not the App, so what it can
reach is written down here and a test can hand it a stand-in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.message import Message

from coach.core.storage.store import Store
from coach.ui.storage import StoreWriter

if TYPE_CHECKING:
    from coach.core.content.loading import Library, RoutineInfo
    from coach.core.settings.model import Settings
    from coach.core.time.clock import Clock
    from coach.ui.store_gate import StoreGate


@dataclass(frozen=True)
class Lent:
    writer: StoreWriter  # every store call, read or write, queued to its one thread
    store: Store | None  # None: a run with nothing saved (tests, a store that cannot open)
    notify: Callable[..., Any]  # App.notify; helpers pass markup=False for user text
    push_screen: Callable[..., Any]  # App.push_screen, with its answer callback
    post: Callable[[Message], Any]  # a message up to the App, which answers it
    exit: Callable[..., Any]  # App.exit: a store that can never open ends the app


@dataclass(frozen=True)
class Running:
    """What the helpers that act across screens (the nudges, a session's flow) use besides
    `lent`: the time, the settings in use, the library, the gate to the store. `ui` is the App
    as Textual's App, for what such a helper needs of the framework (the screen stack, focus,
    the terminal's size, a timer, the terminal itself); none of backcoach's parts are reached
    through it: they are named here."""

    lent: Lent
    ui: App[Any]
    clock: Clock
    zone: str
    settings: Callable[[], Settings]  # the settings in use now
    change_settings: Callable[[Settings], None]  # used from now on, and saved
    adopt_settings: Callable[[Settings], None]  # changed on disk by another window: used, not saved
    today: Callable[[], dt.date]  # the training day it is now (App.today)
    library: Callable[[], Library]  # what ships plus the user's routines, as it is now
    start_routine: Callable[[RoutineInfo], None]  # safety, pain check-in, then the session
    gate: StoreGate  # when_open(action): what needs the store waits for it
    animate_every: float  # the nudge's picture: seconds between key positions (0: still)
