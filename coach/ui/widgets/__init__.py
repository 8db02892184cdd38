"""The widgets backcoach builds its screens from; the reusable ones are exported here.

    from coach.ui.widgets import MonthCalendar, YearHeatmap, Countdown, Diagram, NavList

Each class documents its arguments, reactives and messages in its docstring. They read no
App of their own: what they show comes in as arguments or reactives (a Countdown is given
its window's size, a BreaksPanel its source of figures), so any Textual app can use them.

Names load on first use (PEP 562), not when this package is imported: a screen that
imports one widget module does not pay for every other one before its first frame.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.ui.widgets.breaks import BreaksPanel, BreaksSource
    from coach.ui.widgets.calendar import MonthCalendar, YearHeatmap
    from coach.ui.widgets.countdown import Countdown
    from coach.ui.widgets.diagram import Diagram
    from coach.ui.widgets.key_footer import KeyFooter
    from coach.ui.widgets.navlist import NavList, row
    from coach.ui.widgets.session_bar import SessionBar
    from coach.ui.widgets.size_guard import SizeGuard

WHERE = {
    "MonthCalendar": "calendar",
    "YearHeatmap": "calendar",
    "Countdown": "countdown",
    "Diagram": "diagram",
    "NavList": "navlist",
    "row": "navlist",
    "BreaksPanel": "breaks",
    "BreaksSource": "breaks",
    "KeyFooter": "key_footer",
    "SessionBar": "session_bar",
    "SizeGuard": "size_guard",
}
__all__ = [
    "BreaksPanel", "BreaksSource", "Countdown", "Diagram", "KeyFooter", "MonthCalendar",
    "NavList", "SessionBar", "SizeGuard", "YearHeatmap", "row",
]


def __getattr__(name: str) -> Any:
    if name not in WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{WHERE[name]}"), name)
