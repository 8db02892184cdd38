"""The shapes of backcoach's data: exercises, dosing, routines.

Every model is frozen and forbids unknown fields, so a typo in a content file is an error
that names the field instead of a value that silently does nothing.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from coach.core.text import UserLine, UserText

Position = Literal["seated", "standing", "prone", "supine", "all fours", "hanging"]
Equipment = Literal["chair", "mat", "foam roller", "massage ball", "bar", "support"]
Kind = Literal["mobility", "stretch", "strength", "release"]
Mode = Literal["reps", "hold", "timed", "breaths"]
Target = Literal[
    "lower back",
    "mid back",
    "upper back",
    "spine",
    "neck",
    "shoulders",
    "chest",
    "core",
    "obliques",
    "hips",
    "hip flexors",
    "glutes",
    "hamstrings",
    "quads",
    "calves",
    "legs",
]
ArticleId = Literal["000", "001", "002", "003", "004"]

FRAME_MAX_COLS = 32
FRAME_MAX_ROWS = 10
FLOOR_POSITIONS = frozenset({"prone", "supine", "all fours"})


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Dosing(Frozen):
    """How much of an exercise: what a step asks of the user."""

    mode: Mode
    sets: int = Field(1, ge=1, le=10)
    reps: int = Field(1, ge=1, le=50)
    hold_s: int | None = Field(None, ge=1, le=300)
    duration_s: int | None = Field(None, ge=5, le=1800)
    rep_s: int | None = Field(None, ge=1, le=30)
    per_side: bool = False
    rest_s: int = Field(0, ge=0, le=300)

    @model_validator(mode="after")
    def _fields_for_mode(self) -> Dosing:
        needed = {"hold": "hold_s", "timed": "duration_s", "reps": "rep_s", "breaths": "rep_s"}
        name = needed[self.mode]
        if getattr(self, name) is None:
            raise ValueError(f"mode {self.mode!r} needs {name}; add it, e.g. {name} = 10")
        return self


class DosingChange(Frozen):
    """A routine step's changes to an exercise's dosing; unset fields keep the default."""

    mode: Mode | None = None
    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    duration_s: int | None = None
    rep_s: int | None = None
    per_side: bool | None = None
    rest_s: int | None = None

    def apply(self, base: Dosing) -> Dosing:
        """The base dosing with these changes, validated as a whole."""
        changes = self.model_dump(exclude_none=True)
        return Dosing.model_validate(base.model_dump() | changes)


class Exercise(Frozen):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: UserLine = Field(min_length=2, max_length=40)  # sessions store it: same rule
    aka: tuple[str, ...] = ()
    position: Position
    equipment: tuple[Equipment, ...] = ()
    targets: tuple[Target, ...] = Field(min_length=1)
    kind: Kind
    cue: str = Field(min_length=5, max_length=60)
    steps: tuple[str, ...] = Field(min_length=1, max_length=8)
    cautions: tuple[str, ...] = ()
    dosing: Dosing
    sources: tuple[ArticleId, ...] = Field(min_length=1)
    source_dosing: dict[ArticleId, Dosing] = {}
    frames: tuple[str, ...] = Field(min_length=1, max_length=4)

    @field_validator("frames")
    @classmethod
    def _frames_fit(cls, frames: tuple[str, ...]) -> tuple[str, ...]:
        drawn = []
        for n, frame in enumerate(frames, 1):
            lines = [line.rstrip() for line in frame.rstrip().split("\n")]
            if not any(lines):
                raise ValueError(f"frame {n} is empty; draw the position in it")
            if len(lines) > FRAME_MAX_ROWS:
                raise ValueError(f"frame {n} has {len(lines)} rows; keep it to {FRAME_MAX_ROWS}")
            wide = max(len(line) for line in lines)
            if wide > FRAME_MAX_COLS:
                raise ValueError(f"frame {n} is {wide} columns wide; keep it to {FRAME_MAX_COLS}")
            drawn.append(lines)
        # Frames stand on a common floor: pad short ones at the top so animation never jumps.
        tallest = max(len(lines) for lines in drawn)
        return tuple("\n".join([""] * (tallest - len(lines)) + lines) for lines in drawn)

    @model_validator(mode="after")
    def _source_dosing_cited(self) -> Exercise:
        for article in self.source_dosing:
            if article not in self.sources:
                raise ValueError(f"source_dosing names article {article} missing from sources")
        return self


class Step(Frozen):
    exercise: str
    dosing: DosingChange | None = None
    dosing_from: ArticleId | None = None
    rest_after_s: int | None = Field(None, ge=0, le=300)


class Routine(Frozen):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: UserLine = Field(min_length=2, max_length=40)  # user text: no terminal controls
    description: UserText = Field("", max_length=400)
    sources: tuple[ArticleId, ...] = ()
    steps: tuple[Step, ...] = Field(min_length=1, max_length=40)


class Safety(Frozen):
    """When not to exercise: shown before the first session and from help."""

    title: str
    skip_if_intro: str
    skip_if: tuple[str, ...] = Field(min_length=1)
    stop_if: str
    condition_note: str
    not_advice: str
