"""The shapes of backcoach's data: exercises, dosing, routines.

Every model is frozen and forbids unknown fields, so a typo in a content file is an error
that names the field instead of a value that silently does nothing.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coach.core.figure.model import Figure
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
Side = Literal["left", "right"]
# When a per-side exercise changes side: after every rep (right, left, right, left...), after
# each set (one side then the other within a set), or once (every set on one side first).
SwitchSides = Literal["every rep", "every set", "once"]

FLOOR_POSITIONS = frozenset({"prone", "supine", "all fours"})


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # schemas at first use: faster start


class Dosing(Frozen):
    """How much of an exercise: what a step asks of the user."""

    mode: Mode
    sets: int = Field(1, ge=1, le=10)
    reps: int = Field(1, ge=1, le=50)
    hold_s: int | None = Field(None, ge=1, le=300)
    duration_s: int | None = Field(None, ge=5, le=1800)
    rep_s: int | None = Field(None, ge=1, le=30)
    per_side: bool = False
    switch_sides: SwitchSides = "every set"
    first_side: Side = "left"
    rest_s: int = Field(0, ge=0, le=300)

    @model_validator(mode="after")
    def _fields_for_mode(self) -> Dosing:
        needed = {"hold": "hold_s", "timed": "duration_s", "reps": "rep_s", "breaths": "rep_s"}
        name = needed[self.mode]
        if getattr(self, name) is None:
            raise ValueError(f"mode {self.mode!r} needs {name}; add it, e.g. {name} = 10")
        if self.mode == "timed" and self.switch_sides == "every rep":
            raise ValueError(
                "timed work has no reps to switch sides on; use switch_sides = 'every set'"
            )
        return self

    @property
    def side_order(self) -> tuple[Side, Side]:
        """The two sides in the order they are worked."""
        return ("right", "left") if self.first_side == "right" else ("left", "right")


class DosingChange(Frozen):
    """A routine step's changes to an exercise's dosing; unset fields keep the default."""

    mode: Mode | None = None
    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    duration_s: int | None = None
    rep_s: int | None = None
    per_side: bool | None = None
    switch_sides: SwitchSides | None = None
    first_side: Side | None = None
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
    # Where the default dose comes from: an article, or "ours" where no article gives one.
    # (The seconds per rep are always ours: no article gives a tempo.)
    dose_from: ArticleId | Literal["ours"] | None = None
    # The cue to show instead of `cue` when a step does the exercise in another mode
    # (a "pause at the end" cue makes no sense for 5 s holds).
    mode_cues: dict[Mode, Annotated[str, Field(min_length=5, max_length=60)]] = {}
    # What the session calls each side when "left side" would mislead, e.g. a pair of limbs.
    side_names: dict[Side, str] = {}
    figure: Figure

    @model_validator(mode="after")
    def _source_dosing_cited(self) -> Exercise:
        for article in self.source_dosing:
            if article not in self.sources:
                raise ValueError(f"source_dosing names article {article} missing from sources")
        if self.dose_from not in (None, "ours", *self.sources):
            raise ValueError(f"dose_from names article {self.dose_from} missing from sources")
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
