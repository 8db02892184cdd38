"""The progress screen's totals, pain series and history list, without reading ten years.

Totals and pain come from the per-month summaries the store keeps up to date at every save;
the history list is read a page (whole months, newest first) at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Protocol

from coach.core.content.models import Exercise
from coach.core.history.progress import Totals, sorted_totals
from coach.core.session.records import SessionRecord
from coach.core.storage.summaries import MonthTotals

PAGE = 50  # history rows a page reads at least: a screenful or two, one month of most users


class History(Protocol):
    """What this module needs of a Store."""

    def months(self) -> list[str]: ...
    def month_totals(self) -> dict[str, MonthTotals]: ...
    def month_sessions(self, month: str) -> list[SessionRecord]: ...


def totals_of(months: Mapping[str, MonthTotals], exercises: Mapping[str, Exercise]) -> Totals:
    """Totals over the months' summaries; the same as totals() over every record."""
    sessions = seconds = 0
    by_routine: dict[str, tuple[int, int]] = {}
    by_target: dict[str, int] = {}
    for month in months.values():
        for name, (count, worked) in month.routines.items():
            old_count, old_worked = by_routine.get(name, (0, 0))
            by_routine[name] = (old_count + count, old_worked + worked)
            sessions += count
            seconds += worked
        for exercise_id, worked in month.exercises.items():
            exercise = exercises.get(exercise_id)
            for target in dict.fromkeys(exercise.targets if exercise else ()):
                by_target[target] = by_target.get(target, 0) + worked
    breaks = sum(month.breaks for month in months.values())
    return sorted_totals(sessions, seconds, by_routine, by_target, breaks)


def pain_of(months: Mapping[str, MonthTotals]) -> list[tuple[dt.date, int | None, int | None]]:
    """(day, pain before, pain after) per check-in, as pain_trend() gives over every record.

    `months` in month order, as Store.month_totals() gives them.
    """
    return [check for month in months.values() for check in month.pain]


def newest_months(store: History, before: str | None = None
                  ) -> Iterator[tuple[str, list[SessionRecord], bool]]:
    """Month by month, newest first (those older than `before`, a month; None for all): the
    month, its sessions newest first, and whether older months follow. One month read at a
    time, so a caller that keeps less than the records holds one month of them at most."""
    months = [m for m in store.months() if before is None or m < before][::-1]
    for n, month in enumerate(months):
        yield (month, sorted(store.month_sessions(month), key=lambda r: r.started_at,
                             reverse=True), n + 1 < len(months))


def history_page(store: History, before: str | None = None,
                 rows: int = PAGE) -> tuple[list[SessionRecord], str | None]:
    """Sessions newest first, whole months older than `before` (a month, None for the newest)
    until at least `rows`; and the month to pass as `before` for the next page, None at the end.
    """
    page: list[SessionRecord] = []
    for month, records, older in newest_months(store, before):
        page.extend(records)
        if len(page) >= rows:
            return page, month if older else None
    return page, None
