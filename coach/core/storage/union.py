"""Every machine's sessions read as one history: merged by uuid, tombstones applied.

A sync tool may deliver anything in any order: a month file before its summary, a conflict copy
("2026-11.sync-conflict-....json"), temp files. Temp names are never read; a conflict copy is
merged like any other file; a summary counts only when it was made from the month file as it is
here now (same stamp on this machine, or the same bytes from another), otherwise the month is
recomputed from its files. Summaries of months that several machines wrote are added up only
when no session is in two of them and none is deleted; otherwise they are recomputed too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from coach.core.disk import read_file
from coach.core.storage.errors import StoreError
from coach.core.storage.files import DATA_LIMIT
from coach.core.storage.folder import DAYS, SESSIONS, TOTALS
from coach.core.storage.listing import data_files_in
from coach.core.storage.marks import Marks
from coach.core.storage.stamps import Stamp
from coach.core.storage.summaries import (
    DAY_TABLE,
    RULE,
    TOTALS_TABLE,
    DayTotals,
    MonthTotals,
    added_up,
    checked_day_totals,
    rows_of,
    stamp,
    summarize,
    totals_of,
)
from coach.core.storage.witness import is_witness

Source = tuple[Path, Path, bool]  # (machine folder, file, is a conflict copy)
Stored = tuple[dict[str, tuple[Any, Path]], dict[str, Any]]
_FINAL = {"completed": 2, "stopped": 2, "in progress": 1}


def digest(path: Path) -> str | None:
    """A short hash of the file's bytes: the same on every machine that holds the same file."""
    try:
        return hashlib.sha256(read_file(path, DATA_LIMIT)).hexdigest()[:20]
    except OSError:
        return None


def revision(doc: Any) -> int:
    """A stored session's revision (records.py); 0 for one saved before revisions, or bad."""
    found = doc.get("revision") if isinstance(doc, dict) else None
    return found if type(found) is int and found >= 0 else 0


def rank(doc: Any) -> tuple[int, int, str, int, str]:
    """Which of two documents with one uuid wins: the later revision; for ones saved before
    revisions, the finished one, the later end, the more work; then any fixed order, so every
    machine picks the same."""
    if not isinstance(doc, dict):
        return (0, 0, "", 0, repr(doc))
    steps = doc.get("steps")
    worked = sum(s.get("seconds", 0) for s in steps if isinstance(s, dict)
                 and type(s.get("seconds")) is int) if isinstance(steps, list) else 0
    ended = doc.get("ended_at")
    return (revision(doc), _FINAL.get(str(doc.get("status")), 0),
            ended if isinstance(ended, str) else "", worked,
            json.dumps(doc, sort_keys=True, default=str))


class Everyone(Marks):
    """Reading every machine's files as one history."""

    def __init__(self, folder: Path, machine: str | None = None) -> None:
        super().__init__(folder, machine)
        self._digests: dict[Path, tuple[Any, str | None]] = {}

    def session_sources(self) -> dict[str, list[Source]]:
        """month -> every file holding it, on every machine, conflict copies included."""
        out: dict[str, list[Source]] = {}
        for _, folder in self.source_dirs():
            for month, paths in self.files_in(folder, SESSIONS, len("2026-11")).items():
                out.setdefault(month, []).extend((folder, p, p.name != f"{month}.json")
                                                 for p in paths)
        return dict(sorted(out.items()))

    def files_in(self, folder: Path, sub: str, length: int) -> dict[str, list[Path]]:
        """data_files_in(folder / sub): this machine's must list; another's that cannot (a
        link, say) is noted in `unread` and holds nothing."""
        try:
            return data_files_in(folder / sub, length)
        except StoreError as exc:
            if folder == self.own_dir():
                raise
            self.unread[folder / sub] = str(exc)
            return {}

    def months(self) -> list[str]:
        """The months some machine has a session file for, oldest first."""
        return list(self.session_sources())

    def docs_by_file(self, month: str, sources: list[Source] | None = None,
                     deleted: dict[str, Stamp] | None = None) -> dict[Path, dict[str, Any]]:
        """The month's documents, one per uuid (the winner), minus the deleted ones, grouped by
        the file each came from. This machine's file that cannot be read raises; any other is
        noted in `unread` and skipped until the sync tool delivers it whole."""
        if sources is None:
            sources = self.session_sources().get(month, [])
        if deleted is None:
            deleted = self.tombstones()["sessions"]
        best: dict[str, tuple[Path, Any]] = {}
        own = self.own_dir()
        for folder, path, copy in sources:
            # Only this machine's own file stops a read: another machine's is not ours to move
            # aside (the move would reach that machine too), and a copy is a copy.
            strict = folder == own and not copy
            docs = self.read_tables(path, SESSIONS, strict).get(SESSIONS, {})
            witness = is_witness(path.name)  # only what a rolled-back file lacks (witness.py)
            for key, doc in docs.items():
                if key in deleted or witness and key in best:
                    continue
                if key not in best or rank(doc) > rank(best[key][1]):
                    best[key] = (path, doc)
        out: dict[Path, dict[str, Any]] = {}
        for key, (path, doc) in best.items():
            out.setdefault(path, {})[key] = doc
        return out

    def month_docs(self, month: str) -> dict[str, Any]:
        """A month's stored documents by uuid, over every machine's files."""
        return {k: d for docs in self.docs_by_file(month).values() for k, d in docs.items()}

    def _stored(self, year: str) -> dict[Path, Stored]:
        """Every machine's summaries of one year: folder -> (month -> (day totals doc, its year
        file), month -> totals doc). This machine's are checked strictly; another's count as
        missing when unreadable (they are derived, and the month files are there). A year at a
        time: ten years of summaries parsed at once held about 4 MB."""
        own = self.own_dir()
        out: dict[Path, Stored] = {}
        for _, folder in self.source_dirs():
            days: dict[str, tuple[Any, Path]] = {}
            totals: dict[str, Any] = {}
            for path in self.files_in(folder, DAYS, len("2026")).get(year, [])[:1]:
                tables = self.read_tables(path, DAYS, strict=folder == own)
                days.update((m, (d, path)) for m, d in tables.get(DAY_TABLE, {}).items())
            for path in self.files_in(folder, TOTALS, len("2026")).get(year, [])[:1]:
                tables = self.read_tables(path, DAYS, strict=folder == own)
                totals.update(tables.get(TOTALS_TABLE, {}))
            out[folder] = (days, totals)
        return out

    def union_days(self) -> dict[str, DayTotals]:
        """month -> day totals over every machine. This machine's own summaries are taken as
        they are (open() repairs them), as before sync; the rest only when they can be trusted."""
        own = self.own_dir()
        deleted = self.tombstones()["sessions"]
        sources = self.session_sources()
        out: dict[str, DayTotals] = {}
        years = {m[:4] for m in sources} | set(data_files_in(own / DAYS, len("2026")))
        for year in sorted(years):
            stored = self._stored(year)
            mine_days, mine_totals = stored.get(own, ({}, {}))
            for month in sorted({m for m in sources if m[:4] == year} | set(mine_days)):
                found = sources.get(month, [])
                mine = mine_days.get(month)
                doc = mine_totals.get(month)
                doc = doc if isinstance(doc, dict) else {}
                keys = doc.get("keys")
                # Made here (or before sync), by today's counting rule, from nothing but this
                # machine's own files as they are now: a sync tool may have replaced a month
                # file under its summary.
                ours = doc.get("by") in (None, self.machine) and doc.get("rule") == RULE and all(
                    f == own and not c and self._made_from(doc, p) for f, p, c in found)
                if mine is not None and ours and (
                        not deleted or (isinstance(keys, list) and not deleted.keys() & set(keys))):
                    out[month] = checked_day_totals(mine[1], month, mine[0])
                elif found:
                    out[month] = self._month_summary(month, found, stored, deleted)[0]
        return dict(sorted(out.items()))

    def union_totals(self) -> dict[str, MonthTotals]:
        """month -> its totals over every machine, recomputed where no summary can be trusted."""
        deleted = self.tombstones()["sessions"]
        out: dict[str, MonthTotals] = {}
        stored: tuple[str, dict[Path, Stored]] | None = None  # one year's summaries at a time
        for month, found in self.session_sources().items():  # oldest first
            if stored is None or stored[0] != month[:4]:
                stored = (month[:4], self._stored(month[:4]))
            out[month] = self._month_summary(month, found, stored[1], deleted)[1]
        return out

    def _month_summary(self, month: str, sources: list[Source], stored: dict[Path, Stored],
                       deleted: dict[str, Stamp]) -> tuple[DayTotals, MonthTotals]:
        trusted = self._trusted(month, sources, stored, deleted)
        if trusted is not None:
            return trusted
        rows: list[Any] = []
        bad: dict[str, str] = {}
        for path, docs in self.docs_by_file(month, sources, deleted).items():
            found_rows, found_bad = rows_of(path, docs, None)
            rows += found_rows
            bad |= found_bad
        day_totals, doc = summarize(rows, bad, None)
        totals = totals_of(doc)
        assert totals is not None  # a document just built always reads back
        return day_totals, totals

    def _trusted(self, month: str, sources: list[Source], stored: dict[Path, Stored],
                 deleted: dict[str, Stamp]) -> tuple[DayTotals, MonthTotals] | None:
        """The month's totals added up from its files' summaries, or None when they cannot be."""
        if any(copy for _, _, copy in sources):
            return None
        parts = []
        seen: set[str] = set()
        for folder, path, _ in sources:
            days_doc, doc = stored[folder][0].get(month), stored[folder][1].get(month)
            totals = totals_of(doc) if self._made_from(doc, path) else None
            if totals is None or days_doc is None and totals.routines:
                return None
            keys = doc.get("keys") if isinstance(doc, dict) else None
            if len(sources) > 1 or deleted:
                if not isinstance(keys, list) or seen.intersection(keys) or deleted.keys() & set(keys):
                    return None
                seen.update(str(k) for k in keys)
            try:
                parts.append((checked_day_totals(path, month, days_doc[0] if days_doc else {}),
                              totals))
            except StoreError:
                return None
        return added_up(parts)

    def _made_from(self, doc: Any, path: Path) -> bool:
        """Whether a summary was made from the month file as it is here now."""
        if not isinstance(doc, dict):
            return False
        now = stamp(path)
        if now is not None and doc.get("file") == now:
            return True
        if now is None or "digest" not in doc:
            return False
        known = self._digests.get(path)
        if known is None or known[0] != now:
            known = (now, digest(path))
            self._digests[path] = known
        return known[1] == doc["digest"]

