"""Key positions as full poses: base angles, what each key changes, blends and mirrors."""

from __future__ import annotations

from dataclasses import dataclass, replace

from coach.core.figure.model import ANGLES, Base, Figure, Key, Part

# Each view's base poses: screen angles in degrees (0 right, 90 up). Feet left out follow
# the shin (see body.py).
_SIDE: dict[Base, dict[str, float]] = {
    "stand": dict(torso=90, head=90, arm_r=-92, forearm_r=-88, arm_l=-88, forearm_l=-92,
                  thigh_r=-90, shin_r=-90, thigh_l=-90, shin_l=-90),
    "sit": dict(torso=90, head=90, arm_r=-100, forearm_r=-10, arm_l=-100, forearm_l=-10,
                thigh_r=0, shin_r=-90, thigh_l=0, shin_l=-90),
    "prone": dict(torso=0, head=0, arm_r=180, forearm_r=180, arm_l=180, forearm_l=180,
                  thigh_r=180, shin_r=180, thigh_l=180, shin_l=180),
    "supine": dict(torso=180, head=180, arm_r=0, forearm_r=0, arm_l=0, forearm_l=0,
                   thigh_r=0, shin_r=0, thigh_l=0, shin_l=0),
    "all fours": dict(torso=0, head=-10, arm_r=-90, forearm_r=-90, arm_l=-90, forearm_l=-90,
                      thigh_r=-90, shin_r=180, thigh_l=-90, shin_l=180),
    "hang": dict(torso=90, head=90, arm_r=90, forearm_r=90, arm_l=90, forearm_l=90,
                 thigh_r=-90, shin_r=-90, thigh_l=-90, shin_l=-90),
}
_FRONT: dict[Base, dict[str, float]] = _SIDE | {
    "stand": dict(torso=90, head=90, arm_r=-75, forearm_r=-85, arm_l=-105, forearm_l=-95,
                  thigh_r=-84, shin_r=-90, thigh_l=-96, shin_l=-90),
    "sit": dict(torso=90, head=90, arm_r=-80, forearm_r=-95, arm_l=-100, forearm_l=-85,
                thigh_r=-45, shin_r=-90, thigh_l=-135, shin_l=-90),
    "hang": dict(torso=90, head=90, arm_r=72, forearm_r=85, arm_l=108, forearm_l=95,
                 thigh_r=-87, shin_r=-90, thigh_l=-93, shin_l=-90),
}
BASES: dict[str, dict[Base, dict[str, float]]] = {
    "side": _SIDE, "front": _FRONT, "back": _FRONT,
}


@dataclass(frozen=True)
class Pose:
    """Every angle resolved, plus what a key marks."""

    angles: dict[str, float]
    turn: float = 0.0
    under: float | None = None
    blades: float | None = None
    back: float = 0.0
    lift: tuple[Part, ...] = ()


def _changes(key: Key) -> dict[str, float]:
    return {name: value for name in ANGLES if (value := getattr(key, name)) is not None}


def poses(figure: Figure) -> list[Pose]:
    """The figure's key positions, each one the previous with the key's changes applied."""
    base = BASES[figure.view][figure.base]
    first_under = next((k.under for k in figure.keys if k.under is not None), None)
    out: list[Pose] = []
    last = Pose(dict(base), 0.0, first_under, None, 0.0)
    for key in figure.keys:
        last = Pose(
            last.angles | _changes(key),
            last.turn if key.turn is None else key.turn,
            last.under if key.under is None else key.under,
            last.blades if key.blades is None else key.blades,
            last.back if key.back is None else key.back,
            key.lift,
        )
        out.append(last)
    return out


def _mix(a: float | None, b: float | None, t: float) -> float | None:
    if a is None or b is None:
        return a if b is None else b
    return a + (b - a) * t


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction t of the way from a to b (angles move the short way round)."""
    angles = {}
    for name, start in a.angles.items():
        end = b.angles.get(name, start)
        step = (end - start + 180) % 360 - 180
        angles[name] = start + step * t
    for name in b.angles.keys() - a.angles.keys():
        angles[name] = b.angles[name]
    return Pose(
        angles,
        a.turn + (b.turn - a.turn) * t,
        _mix(a.under, b.under, t),
        _mix(a.blades, b.blades, t),
        a.back + (b.back - a.back) * t,
        a.lift if t < 0.5 else b.lift,
    )


def at(keys: list[Pose], position: float) -> Pose:
    """The pose at a position along the keys: 0 the first, 1.5 halfway from the 2nd to 3rd."""
    position = max(0.0, min(position, len(keys) - 1))
    low = int(position)
    if low >= len(keys) - 1:
        return keys[-1]
    return blend(keys[low], keys[low + 1], position - low)


def still(pose: Pose) -> Pose:
    """The same pose with no marks: what a start or rest position shows."""
    return replace(pose, lift=())
