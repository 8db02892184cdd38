"""What an exercise file says about its picture: a view, props, and a few key positions.

Each key position changes only what differs from the one before (the first, from a base
pose), so a figure reads in a few lines:

    [figure]
    view = "front"
    base = "sit"
    props = ["chair"]
    keys = [{ arm_l = 0, forearm_l = 180 }, { turn = 60 }]

Angles are degrees on the screen: 0 points right, 90 up, -90 down, 180 left. In the side
view the body faces right and its left limbs are the near ones; in the front and back views
the figure's right side is on the screen's right, as in a mirror. Per-side exercises are
drawn for the right side (the near limbs in the side view); the other side is mirrored.

`crop = "knees"` or `crop = "hips"` draws a close-up from there up (the legs run off the
box's edge), so the arms and chest of a lift where the legs stay put come out bigger.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

View = Literal["side", "front", "back"]  # no view from above: nobody reads it as a body
Base = Literal["stand", "sit", "prone", "supine", "all fours", "hang"]
# A close-up: the picture fits the body from the knees (or the hips) up and the box's edge
# cuts the rest off, so a pose where only the trunk, arms and head matter (the face-down
# lifts) is drawn up to twice as big. What it cuts off must not move.
Crop = Literal["knees", "hips"]
_CUT = {"knees": ("shin", "foot", "leg_"), "hips": ("thigh", "shin", "foot", "leg_", "glute",
                                                    "hamstring")}
Prop = Literal["mat", "chair", "bar", "ball", "roller", "support", "wall"]
# What a key marks as moving: a limb (its hand or foot, or its elbow), the head, the chest
# or hips rising, or the trunk leaning (a curved arrow round the hips, the way the trunk went
# from the first key).
Part = Literal["arm_l", "arm_r", "elbow_l", "elbow_r", "leg_l", "leg_r", "head", "chest",
               "hips", "lean", "glute", "hamstring", "roll"]
# glute: an arrow at the buttock (it works here); hamstring: a two-headed arrow along the
# back of the thigh (it stretches here); roll: arrows either side of the ball or roller,
# along the floor (the body rolls over it).
ANGLES = (
    "torso", "head",
    "arm_l", "forearm_l", "arm_r", "forearm_r",
    "thigh_l", "shin_l", "thigh_r", "shin_r", "foot_l", "foot_r",
)
Angle = Annotated[int, Field(ge=-180, le=360)]  # whole degrees: easy to read and tweak


class Key(BaseModel):
    """One key position: the base pose with these angles changed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    torso: Angle | None = None
    head: Angle | None = None
    arm_l: Angle | None = None
    forearm_l: Angle | None = None
    arm_r: Angle | None = None
    forearm_r: Angle | None = None
    thigh_l: Angle | None = None
    shin_l: Angle | None = None
    thigh_r: Angle | None = None
    shin_r: Angle | None = None
    foot_l: Angle | None = None
    foot_r: Angle | None = None
    turn: int | None = Field(None, ge=-90, le=90)  # shoulders turned against the hips (+ = right)
    under: float | None = Field(None, ge=-0.3, le=1)  # ball or roller along the back: 0 hips,
    # below 0 past the hips toward the knees (the front of the hip crease, the thighs)
    blades: float | None = Field(None, ge=0, le=1)  # shoulder blades, 0 together, 1 apart
    back: float | None = Field(None, ge=-1, le=1)  # the back's shape: 1 rounded, -1 arched
    lift: tuple[Part, ...] = ()  # what rises here: an arrow beside it, pointing up

    @model_validator(mode="before")
    @classmethod
    def _joints_known(cls, data: object) -> object:
        if isinstance(data, dict):
            for name in data:
                if name not in cls.model_fields:
                    raise ValueError(
                        f"{name!r} is not a joint or mark a key knows; use one of "
                        + ", ".join(cls.model_fields)
                    )
        return data


class Figure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    view: View
    base: Base
    props: tuple[Prop, ...] = ()
    crop: Crop | None = None  # draw from the knees or the hips up (see Crop)
    keys: tuple[Key, ...] = Field(max_length=4)

    @model_validator(mode="after")
    def _props_used(self) -> Figure:
        if not self.keys:
            raise ValueError("keys is empty; give at least one key position, e.g. keys = [{}]")
        under = any(key.under is not None for key in self.keys)
        rolling = "ball" in self.props or "roller" in self.props
        if under and not rolling:
            raise ValueError("a key sets `under` but props has no ball or roller; add one")
        if rolling and not under:
            raise ValueError("props has a ball or roller; say where it is with `under` in a key")
        if "bar" in self.props and self.base != "hang":
            raise ValueError("a bar is for hanging; use base = 'hang' or drop the bar")
        self._crop_hides_nothing()
        return self

    def _crop_hides_nothing(self) -> None:
        """A crop that cut off a moving leg (or its arrow) would hide the exercise."""
        if self.crop is None:
            return
        cut = _CUT[self.crop]
        for n, key in enumerate(self.keys):
            moved = [name for name in (*ANGLES, *key.lift)
                     if name.startswith(cut) and (
                         name in key.lift or (n and getattr(key, name) is not None))]
            if moved:
                raise ValueError(
                    f"crop = {self.crop!r} cuts off {moved[0]}, which key {n + 1} moves; "
                    "drop the crop or set that angle in the first key only"
                )
