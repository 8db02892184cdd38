"""How the nudges speak: one rounding of the minutes sat, and one rule per answer, in words.

The nudge, the notice, the compact pane, the notifications and `status` all say the minutes
with sitting_minutes(), so a nudge that says 7 and a pane that says 6 a second later cannot
happen; help and the README quote ANSWER_RULES.
"""

from __future__ import annotations

from coach.core.nudge.timer import ESCALATE_AFTER
from coach.core.text import duration_text


def sitting_minutes(seconds: float) -> int:
    """Whole minutes sat, rounded down as a clock shows them (a hair's slack for the float
    arithmetic between copies: 29.9999... minutes is 30)."""
    return max(0, int((seconds + 0.001) // 60))


def sitting_text(seconds: float) -> str:
    """'7 min', '1 h 05 min': the minutes sat, as every nudge and pane words them."""
    return duration_text(max(1, sitting_minutes(seconds)) * 60)


def nudge_body(seconds: float) -> str:
    """The one line a notification, a notice or a status line carries."""
    return f"Sitting {sitting_text(seconds)}: time to stand up and move."


# (key, answer, what it does to the sitting clock): the rule SittingTimer.answer keeps.
ANSWER_RULES: tuple[tuple[str, str, str], ...] = (
    ("b", "break", "the micro-break starts; the clock starts again when it ends (a break "
     "discarded is no break)"),
    ("s", "skip", "asks again after a full interval"),
    ("z", "snooze", "asks again after the snooze time"),
    ("other", "no answer", "another key, a notice you did not answer, or no key for the snooze "
     "time: a snooze counted from when the nudge came up"),
)
ESCALATION = f"after {ESCALATE_AFTER} snoozes in a row the nudge fills the screen"


def rules_text() -> str:
    """The rule as one paragraph, for help."""
    parts = [f"{key}: {what}" if key != "other" else what for key, _, what in ANSWER_RULES]
    return "; ".join(parts) + f"; {ESCALATION}."
