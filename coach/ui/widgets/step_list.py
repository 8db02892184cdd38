"""The editor's list of steps, and how a step's dose is compared with what was opened."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets.option_list import Option

from coach.core.content.editing import DOSING_FIELDS, Draft, DraftStep
from coach.ui.widgets.dose_form import value_of
from coach.ui.widgets.navlist import NavList, one_line

FIELDS = (*DOSING_FIELDS, "rest_after_s")


def dose_of(step: DraftStep) -> dict[str, object]:
    return {name: value_of(step, name) for name in FIELDS}


def state_of(draft: Draft) -> tuple:
    """Everything the user can change, comparable: the draft is dirty when this differs."""
    return (draft.name, draft.description,
            tuple((s.exercise.id, tuple(sorted(dose_of(s).items(), key=str))) for s in draft.steps))


class StepList(NavList):
    BINDINGS = [
        Binding("a", "screen.add", "Add", id="add_step"),
        Binding("x,delete", "screen.remove", "Remove", id="remove_step"),
        Binding("K,shift+up", "screen.move(-1)", "Move up", id="move_up", show=False),
        Binding("J,shift+down", "screen.move(1)", "Move down", id="move_down", show=False),
        Binding("c", "screen.copy", "Copy step", id="copy_step", show=False),
        Binding("enter", "screen.dose", "Dose", id="dose_step"),
    ]

    def show(self, steps: list[tuple[DraftStep, bool]], keep: bool = False) -> None:
        """One row per step, "*" before the number where its dose changed since opening. Rows change in
        place when only their text did; a new list when steps came or went, without the
        highlight messages that resetting the list would send."""
        prompts = []
        for n, (step, changed) in enumerate(steps, 1):
            text = Text()
            # The mark's column is kept on every row, so a changed step's number stays put.
            text.append("* " if changed else "  ", "bold")
            text.append(f"{n:>2}. {step.exercise.name}")
            prompts.append(one_line(text))
        if keep and self.option_count == len(prompts):
            for index, prompt in enumerate(prompts):
                self.replace_option_prompt_at_index(index, prompt)
            return
        index = (self.highlighted or 0) if keep else 0
        with self.prevent(StepList.OptionHighlighted):
            self.set_options(Option(prompt) for prompt in prompts)
            if prompts:
                self.highlighted = min(index or 0, len(prompts) - 1)
