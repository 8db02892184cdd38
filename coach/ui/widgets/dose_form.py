"""The dose of one routine step: mode, numbers, each side. Filled by the editor, edited by keys.

Filling the form from a step is not an edit: it runs with the change messages prevented, and
a change from a field without focus (the Select settling on its first value at mount, a
message queued before a fill) is dropped, so only what the user does goes up as
DoseForm.Edited (or DoseForm.Mistyped for a non-number).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Select, Static

from coach.core.content.editing import UNUSED_FIELDS, DraftStep
from coach.ui.messages import Sent

NUMBER_FIELDS = [
    ("sets", "sets"),
    ("reps", "reps / holds"),
    ("hold_s", "hold, s"),
    ("duration_s", "timed, s"),
    ("rep_s", "per rep, s"),
    ("rest_s", "set rest, s"),
    ("rest_after_s", "rest after, s"),
]
MODES = [("reps", "reps"), ("hold", "hold"), ("timed", "timed"), ("breaths", "breaths")]


class TextCheckbox(Checkbox):
    """A checkbox that says [x] or [ ] in characters, so it reads without colour."""

    def render(self) -> Content:
        # As ToggleButton draws itself (button, then the padded label), from public parts.
        label = self.label.pad(1, 1).stylize_before(self.get_visual_style("toggle--label"))
        return Content.assemble(Content.styled("[x]" if self.value else "[ ]", "bold"), label)


def value_of(step: DraftStep, name: str) -> object:
    return step.rest_after_s if name == "rest_after_s" else step.value(name)


class DoseForm(VerticalScroll):
    FILL_MESSAGES = (Input.Changed, Select.Changed, Checkbox.Changed)
    DEFAULT_CSS = """
    DoseForm { width: 1fr; padding: 0 1; }
    DoseForm .field-row { height: 1; }
    DoseForm .field-label { width: 17; padding: 0 1; }
    DoseForm .number, DoseForm #f-mode { border: none; height: 1; padding: 0 1; }
    DoseForm .number { width: 8; }
    DoseForm #f-mode { width: 16; }
    DoseForm .error { color: $error; height: auto; padding: 0 1 0 17; }
    DoseForm #f-per_side { margin-left: 16; }
    """

    class Edited(Sent):
        def __init__(self, form: DoseForm, name: str, value: object) -> None:
            super().__init__(form)
            self.name, self.value = name, value

    class Mistyped(Sent):
        def __init__(self, form: DoseForm, name: str, problem: str | None) -> None:
            super().__init__(form)
            self.name, self.problem = name, problem

    def compose(self) -> ComposeResult:
        yield Static(id="dosing-title")
        with Horizontal(classes="field-row"):
            yield Label("mode", classes="field-label")
            yield Select(MODES, allow_blank=False, id="f-mode", compact=True)
        yield Static(id="err-mode", classes="error")
        for name, label in NUMBER_FIELDS:
            with Horizontal(id=f"row-{name}", classes="field-row"):
                yield Label(label, id=f"l-{name}", classes="field-label")
                yield Input(id=f"f-{name}", type="integer", classes="number")
            yield Static(id=f"err-{name}", classes="error")
        yield TextCheckbox("each side", id="f-per_side", compact=True)

    def fill(self, step: DraftStep, opened: dict[str, object]) -> None:
        """Show the step's dose; no change message goes out for what is filled in."""
        with self.prevent(*self.FILL_MESSAGES):
            self.query_one("#dosing-title", Static).update(
                Text(f"{step.exercise.name}: dose", "bold"))
            self.query_one("#f-mode", Select).value = step.value("mode")
            for name, _ in NUMBER_FIELDS:
                value = value_of(step, name)
                self.query_one(f"#f-{name}", Input).value = "" if value is None else str(value)
            self.query_one("#f-per_side", Checkbox).value = bool(step.value("per_side"))
        self.mark(step, opened)

    def mark(self, step: DraftStep, opened: dict[str, object]) -> None:
        """Hide fields the mode has no use for; mark with * what differs from when opened."""
        unused = UNUSED_FIELDS.get(str(step.value("mode")), set())
        for name, label in NUMBER_FIELDS:
            changed = value_of(step, name) != opened.get(name)
            self.query_one(f"#row-{name}").display = name not in unused or changed
            self.query_one(f"#l-{name}", Label).update(
                Text(f"{label}{' *' if changed else ''}", "bold" if changed else ""))

    def show_problems(self, problems: dict[str, str]) -> None:
        for name in ("mode", *(n for n, _ in NUMBER_FIELDS)):
            widget = self.query_one(f"#err-{name}", Static)
            widget.update(Text(problems.get(name, "")))
            widget.display = name in problems

    @on(Input.Changed, ".number")
    def _number(self, event: Input.Changed) -> None:
        event.stop()
        if not event.input.has_focus:
            return
        assert event.input.id is not None
        name = event.input.id.removeprefix("f-")
        raw = event.value.strip()
        try:
            value = None if raw == "" else int(raw)
        except ValueError:
            self.post_message(self.Mistyped(self, name, "must be a whole number"))
            return
        self.post_message(self.Mistyped(self, name, None))
        self.post_message(self.Edited(self, name, value))

    @on(Select.Changed, "#f-mode")
    def _mode(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.has_focus_within:
            self.post_message(self.Edited(self, "mode", event.value))

    @on(Checkbox.Changed, "#f-per_side")
    def _per_side(self, event: Checkbox.Changed) -> None:
        event.stop()
        if event.checkbox.has_focus:
            self.post_message(self.Edited(self, "per_side", event.value))
