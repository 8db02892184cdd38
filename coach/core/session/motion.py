"""Which picture a moment of a session shows: the keys move with the rep's tempo, stand
still in a hold, mirror for the left side, and show only the key position with reduce
motion. Pure arithmetic on the player's view: the figure never drives the clock."""

from __future__ import annotations

from coach.core.figure.render import Frame
from coach.core.session.player import View

STEPS = 6  # positions between two keys: smooth enough to follow, few redraws over SSH
TIMED_CYCLE_S = 6.0  # timed work (rolling, walking): one sweep through the keys and back
BROWSE_CYCLE_S = 4.0  # a picture shown outside a session moves at this pace


def sweep(t: float, keys: int) -> float:
    """A rep as a position along the keys: out (0-40%), a pause at the end, back (60-100%)."""
    last = keys - 1
    t %= 1.0
    if t < 0.4:
        position = last * t / 0.4
    elif t < 0.6:
        position = float(last)
    else:
        position = last * (1.0 - t) / 0.4
    return round(position * STEPS) / STEPS


def session_frame(view: View, keys: int, reduce_motion: bool) -> Frame:
    """The frame for the session's current moment."""
    mirrored = view.side == "left"
    phase, dosing = view.phase, view.step.dosing
    if phase.kind != "work":
        return Frame(0.0, mirrored, marks=False)  # getting ready: the starting position
    end = float(keys - 1)
    if reduce_motion or dosing.mode in ("hold", "breaths"):
        return Frame(end, mirrored)
    period = float(dosing.rep_s) if dosing.mode == "reps" and dosing.rep_s else TIMED_CYCLE_S
    return Frame(sweep(view.elapsed / period, keys), mirrored)


def browse_frame(seconds: float, keys: int) -> Frame:
    """The frame a library or preview picture shows `seconds` after it appeared."""
    return Frame(sweep(seconds / BROWSE_CYCLE_S, keys))
