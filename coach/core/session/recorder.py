"""One session from first get-ready to summary: the player plus what gets written down."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass, field

from coach.core.content.loading import RoutineInfo
from coach.core.history.days import training_day
from coach.core.session.clock import Clock
from coach.core.session.outcomes import honest_results
from coach.core.session.player import Player, View
from coach.core.session.records import SessionRecord, SessionStatus


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

    def __post_init__(self) -> None:
        self.player = Player(self.info.steps, self.clock)
        self.started_at = self.clock.now()
        self.uuid = str(uuidlib.uuid4())

    def record(self, status: SessionStatus) -> SessionRecord:
        """The session as it should be stored now; stopping includes the step under way."""
        ended = None if status == "in progress" else self.clock.now()
        return SessionRecord(
            uuid=self.uuid,
            routine_id=self.info.routine.id,
            routine_name=self.info.routine.name,
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
        )


def diagram_frame(view: View, frames: int, reduce_motion: bool) -> int:
    """Which frame of the diagram to show: moving with the reps, still during a hold."""
    if frames <= 1:
        return 0
    kind, mode = view.phase.kind, view.step.dosing.mode
    if kind == "work" and mode == "hold":
        return frames - 1  # the held position
    if reduce_motion or kind != "work" or view.paused:
        return 0
    rep_s = view.step.dosing.rep_s if mode in ("reps", "breaths") else 4
    assert rep_s
    return int((view.elapsed % rep_s) / rep_s * frames) % frames
