"""The nudge fields of `status`: minutes sitting, minutes to the next break, breaks today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coach.core.session.records import SessionRecord

NUDGE_FIELDS = ("sitting", "next_break", "breaks_today")


def nudge_fields(
    folder: Path, now: dt.datetime, today: dt.date, last: SessionRecord | None
) -> dict[str, int | None]:
    """sitting: minutes since the last break or session (or the start of the working day);
    next_break: minutes to the next nudge the running app has planned; None when unknown."""
    from coach.core.storage.nudges import NudgeLog

    log = NudgeLog(folder)
    timer = log.timer()
    # A session logged by hand has times nobody saw: it does not restart the sitting clock.
    ended = None if last is None or last.logged else last.ended_at
    starts = [t for t in (timer.since if timer else None, ended) if t]
    since = max(starts, default=None)
    sitting = None if since is None else max(0, int((now - since).total_seconds() // 60))
    due = timer.due if timer else None
    next_break = None if due is None else max(0, -int(-(due - now).total_seconds() // 60))
    figures = log.days(today, today).get(today)
    return {"sitting": sitting, "next_break": next_break,
            "breaks_today": figures.breaks if figures else 0}
