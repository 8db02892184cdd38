"""When a change was made, in an order every machine agrees on whatever its clock says.

Settings, routines and deletes are merged across machines by "the latest change wins". By wall
time alone, a machine whose clock runs a year ahead wins over every change made after it. So
each change carries a hybrid logical clock stamp: (hlc, n), where hlc is the wall time unless
something already seen is later, and then it is that later time with n one more than its n. A
change made after seeing another's therefore always sorts after it; changes made without seeing
each other fall back to wall time. A mark written before this has only its wall time ("at"),
and n 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

Stamp = tuple[dt.datetime, int]
NEVER: Stamp = (dt.datetime.min.replace(tzinfo=dt.UTC), 0)  # before any stamp (also: unreadable)


def stamp_of(doc: Any) -> Stamp:
    """The stamp of a saved mark ({"at": wall time, "hlc": ISO time, "n": int}; one written
    before stamps has only "at"); NEVER for one that is not a mark. Marks come from other
    machines' files: anything odd sorts first rather than winning."""
    if not isinstance(doc, dict):
        return NEVER
    text = doc.get("hlc", doc.get("at"))
    if not isinstance(text, str):
        return NEVER
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        return NEVER
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    n = doc.get("n")
    return at, n if type(n) is int and n >= 0 else 0


def next_mark(seen: Iterable[Stamp], now: dt.datetime | None = None) -> dict[str, Any]:
    """The mark of a change made now, after every one in `seen`: later than all of them. Its
    "at" stays this machine's wall time, for people to read (doctor); "hlc" and "n" order it."""
    now = now or dt.datetime.now(dt.UTC)
    top = max(seen, default=NEVER)
    hlc = (now, 0) if now > top[0] else (top[0], top[1] + 1)
    return {"at": now.isoformat(), "hlc": hlc[0].isoformat(), "n": hlc[1]}
