"""The nudge fields of `status`: minutes sitting, minutes to the next break, breaks today.

They come from this machine's one sitting clock (coach/core/nudge/shared.py). While some copy
keeps it (an app, a compact pane, the nudger), the stretch in it is counted to now. When none
does, nobody saw whether the user stayed: a stretch is still counted for away_minutes after
the last copy was heard (a restart goes on with it), and after that (a night, a laptop asleep
with nothing open) the gap was time away (coach/core/nudge/away.py): no sitting counted, "–".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coach.core.session.records import SessionRecord

NUDGE_FIELDS = ("sitting", "next_break", "breaks_today")
UNWATCHED_S = 5 * 60  # away_minutes' default: as long as a restart goes on with the stretch


def nudge_fields(
    folder: Path, now: dt.datetime, today: dt.date, last: SessionRecord | None,
    away_s: float = UNWATCHED_S,
) -> dict[str, int | None]:
    """sitting: minutes since the last break or session, while it is being counted;
    next_break: minutes to the next nudge, while some copy is there to give it; else None."""
    from coach.core.nudge.log import NudgeLog
    from coach.core.nudge.shared import clock_kept, last_heard
    from coach.core.nudge.wording import sitting_minutes

    log = NudgeLog(folder)
    timer = log.timer()
    kept = clock_kept(log)
    sitting = next_break = None
    if timer is not None and (kept or 0 <= (now - last_heard(log, timer)).total_seconds()
                              <= away_s):
        # A session logged by hand has times nobody saw: it does not restart the sitting clock.
        ended = None if last is None or last.logged else last.ended_at
        starts = [t for t in (timer.since, ended) if t]
        paused = timer.in_session or timer.away_since is not None
        sitting = 0 if paused else sitting_minutes(max(0.0, (now - max(starts)).total_seconds()))
        due = timer.pending_at or timer.due
        if kept and due is not None and not paused:
            next_break = max(0, -int(-(due - now).total_seconds() // 60))
    figures = log.days(today, today).get(today)
    return {"sitting": sitting, "next_break": next_break,
            "breaks_today": figures.breaks if figures else 0}
