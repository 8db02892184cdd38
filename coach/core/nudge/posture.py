"""The sitting-posture checklist (article 002), one item per nudge, in turn."""

from __future__ import annotations

CHECKLIST = (
    "Feet: both flat on the floor. Too high? Lower the seat or rest them on a box.",
    "Knees: level with your hips or a bit lower, and legs uncrossed.",
    "Back: sit into the backrest; a rolled towel fills the hollow of the low back.",
    "Head: stacked over your shoulders, ears above them, not pushed toward the screen.",
    "Shoulders: let them drop away from your ears and stay loose.",
    "Forearms: level with the floor while you type, elbows by your sides.",
)


def posture_tip(number: int) -> str:
    """The checklist item for the n-th nudge: every item comes round in turn."""
    return CHECKLIST[number % len(CHECKLIST)]
