"""One session from first get-ready to summary: the player plus what gets written down."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass, field

from coach.core.content.loading import RoutineInfo
from coach.core.session.outcomes import honest_results
from coach.core.session.player import Player
from coach.core.session.records import SessionRecord, SessionStatus
from coach.core.text import terminal_safe
from coach.core.time.clock import Clock
from coach.core.time.days import training_day


@dataclass
class SessionRun:
    info: RoutineInfo
    clock: Clock
    zone: str
    day_start_hour: int = 4
    pain_before: int | None = None
    pain_after: int | None = None
    counts_for_streak: bool = True
    player: Player = field(init=False)
    started_at: dt.datetime = field(init=False)
    uuid: str = field(init=False)
    revisions: int = field(init=False, default=0)  # records made so far: the next one's number

    def __post_init__(self) -> None:
        self.player = Player(self.info.steps, self.clock)
        self.started_at = self.clock.now()
        self.uuid = str(uuidlib.uuid4())

    def record(self, status: SessionStatus) -> SessionRecord:
        """The session as it should be stored now; stopping includes the step under way."""
        ended = None if status == "in progress" else self.clock.now()
        self.revisions += 1  # every record is newer than the ones before it
        return SessionRecord(
            uuid=self.uuid,
            routine_id=self.info.routine.id,
            # A routine stored before names were checked may hold controls; the record may not.
            routine_name=terminal_safe(self.info.routine.name),
            started_at=self.started_at,
            ended_at=ended,
            zone=self.zone,
            day=training_day(self.started_at, self.zone, self.day_start_hour),
            status=status,
            steps=tuple(honest_results(
                self.player.results(include_current=status == "stopped"), self.info.steps)),
            pain_before=self.pain_before,
            pain_after=self.pain_after,
            counts_for_streak=self.counts_for_streak,
            revision=self.revisions,
        )

