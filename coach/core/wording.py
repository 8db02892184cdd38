"""How the app counts things in words: one place for plurals and for what a rep is called."""

from __future__ import annotations

# what one repetition of each dosing mode is called; breaths are not reps
REP_UNITS = {"hold": "hold", "breaths": "breath", "reps": "rep", "timed": "rep"}



def plural(noun: str, number: int, many: str | None = None) -> str:
    """The noun as it reads after `number`: 'hold' for 1, 'holds' (or `many`) otherwise."""
    if number == 1:
        return noun
    return many if many is not None else noun + "s"


def count(number: int, noun: str, many: str | None = None) -> str:
    """'1 hold', '2 holds', '0 sessions', '(1 check-in)'."""
    return f"{number} {plural(noun, number, many)}"


def reps(number: int, mode: str) -> str:
    """A number of repetitions in the words of the mode: '8 holds', '16 breaths', '1 rep'."""
    return count(number, REP_UNITS.get(mode, "rep"))
