"""Shape a routine: name it, add, order and dose its exercises; save only what is valid.

The screen keeps a Draft (coach/core/content/editing.py) and asks the core to check it after every
keystroke; the problems come back keyed by field and are shown beside that field.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Header, Input, Label, Select, Static
from textual.widgets.option_list import Option

from coach.core.content.editing import UNUSED_FIELDS, Checked, Draft, DraftStep, check
from coach.core.content.models import Exercise
from coach.core.text import duration_text
from coach.ui.screens.chooser import ExerciseChooser
from coach.ui.screens.dialogs import Confirm
from coach.ui.widgets.navlist import NavList

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

class StepList(NavList):
    BINDINGS = [
        Binding("a", "screen.add", "Add", id="add_step"),
        Binding("x,delete", "screen.remove", "Remove", id="remove_step"),
        Binding("K,shift+up", "screen.move(-1)", "Up", id="move_up"),
        Binding("J,shift+down", "screen.move(1)", "Down", id="move_down"),
        Binding("c", "screen.copy", "Copy", id="copy_step"),
        Binding("enter", "screen.dose", "Dose", id="dose_step"),
    ]


class EditorScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("ctrl+e", "export", "Export", id="export"),
        Binding("ctrl+o", "import_file", "Import", id="import"),
        Binding("escape", "leave", "Back", id="leave"),
    ]

    def __init__(self, draft: Draft, routine_id: str, taken_names: set[str],
                 exercises: list[Exercise]) -> None:
        super().__init__()
        self.draft = draft
        self.routine_id = routine_id
        self.taken = taken_names
        self.exercises = exercises
        self.typed: dict[str, str] = {}  # field -> 'must be a whole number' while typed so
        self.dirty = False
        self.checked: Checked = check(draft, routine_id, taken_names)
        self._filling = False  # while the form is filled from the draft, changes are not edits
        self._form_for: int | None = None  # the step whose dose the form shows

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="field-row"):
            yield Label("Name ", classes="field-label")
            yield Input(self.draft.name, id="name", classes="wide")
            yield Static(id="estimate")
        yield Static(id="err-name", classes="error")
        with Horizontal(classes="field-row"):
            yield Label("About", classes="field-label")
            yield Input(self.draft.description, id="description", classes="wide")
        with Horizontal(id="editor-body"):
            with Vertical(id="steps-pane"):
                yield StepList(id="steps")
                yield Static(id="err-steps", classes="error")
            with VerticalScroll(id="dosing"):
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
                yield Checkbox("each side", id="f-per_side", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "New routine" if self.draft.routine_id is None else "Edit routine"
        self.redraw_steps()
        self.fill_form()
        self.recheck()
        self.query_one("#name" if not self.draft.name else "#steps").focus()

    # -- the draft ---------------------------------------------------------------------------

    def step_index(self) -> int | None:
        index = self.query_one("#steps", StepList).highlighted
        return index if index is not None and index < len(self.draft.steps) else None

    def current(self) -> DraftStep | None:
        index = self.step_index()
        return None if index is None else self.draft.steps[index]

    def edited(self) -> None:
        self.dirty = True
        self.recheck()

    def recheck(self) -> None:
        self.checked = check(self.draft, self.routine_id, self.taken)
        problems = dict(self.checked.problems)
        index = self.step_index()
        for field, message in self.typed.items():
            problems[f"steps[{index}].{field}"] = message
        self._error("#err-name", problems.get("name", ""))
        steps_problem = problems.get("steps", "")
        bad = sorted({int(k[6:k.index("]")]) + 1 for k in problems if k.startswith("steps[")})
        if bad:
            steps_problem = f"fix step {', '.join(map(str, bad))}" + (
                f"; {steps_problem}" if steps_problem else "")
        self._error("#err-steps", steps_problem)
        for field in ("mode", *(n for n, _ in NUMBER_FIELDS)):
            self._error(f"#err-{field}", problems.get(f"steps[{index}].{field}", ""))
        seconds = self.checked.seconds
        self.query_one("#estimate", Static).update(
            Text(f" ≈ {duration_text(seconds)}" if seconds else " ≈ –", "bold"))
        self.redraw_steps(keep=True)

    def _error(self, selector: str, message: str) -> None:
        """A problem shows under its field; no problem, no line."""
        widget = self.query_one(selector, Static)
        widget.update(message)
        widget.display = bool(message)

    def step_prompt(self, n: int, step: DraftStep) -> Text:
        text = Text()
        text.append(f"{n:>2}. {step.exercise.name[:22]}")
        if step.changes or step.rest_after_s is not None:
            text.append(" *", "bold")  # a dose changed from the exercise's own
        return text

    def redraw_steps(self, keep: bool = False) -> None:
        """Rows in place when only their text changed; a new list when steps came or went,
        since resetting the list re-highlights and would loop through _step_moved."""
        listing = self.query_one("#steps", StepList)
        prompts = [self.step_prompt(n, step) for n, step in enumerate(self.draft.steps, 1)]
        if keep and listing.option_count == len(prompts):
            for index, prompt in enumerate(prompts):
                listing.replace_option_prompt_at_index(index, prompt)
            return
        index = listing.highlighted if keep else 0
        listing.set_options(Option(prompt) for prompt in prompts)
        if prompts:
            listing.highlighted = min(index or 0, len(prompts) - 1)

    def fill_form(self) -> None:
        """Show the highlighted step's dosing; a changed value is marked with its label."""
        step = self.current()
        self._form_for = self.step_index()
        self.query_one("#dosing").display = step is not None
        if step is None:
            return
        self._filling = True
        self.typed.clear()
        self.query_one("#dosing-title", Static).update(
            Text(f"{step.exercise.name}: dose", "bold"))
        self.query_one("#f-mode", Select).value = step.value("mode")
        for name, _ in NUMBER_FIELDS:
            value = step.rest_after_s if name == "rest_after_s" else step.value(name)
            self.query_one(f"#f-{name}", Input).value = "" if value is None else str(value)
        self.fill_labels(step)
        self.query_one("#f-per_side", Checkbox).value = bool(step.value("per_side"))
        self._filling = False

    # -- form events -------------------------------------------------------------------------

    @on(Input.Changed, "#name")
    def _name(self, event: Input.Changed) -> None:
        self.draft.name = event.value
        self.edited()

    @on(Input.Changed, "#description")
    def _description(self, event: Input.Changed) -> None:
        self.draft.description = event.value
        self.edited()

    @on(Input.Changed, ".number")
    def _number(self, event: Input.Changed) -> None:
        step = self.current()
        if self._filling or step is None:
            return
        name = event.input.id.removeprefix("f-")
        raw = event.value.strip()
        self.typed.pop(name, None)
        try:
            value = None if raw == "" else int(raw)
        except ValueError:
            self.typed[name] = "must be a whole number"
            self.recheck()
            return
        if name == "rest_after_s":
            step.rest_after_s = value
        else:
            step.set(name, value)
        self.edited()
        self.fill_labels(step)

    @on(Select.Changed, "#f-mode")
    def _mode(self, event: Select.Changed) -> None:
        step = self.current()
        if not self._filling and step is not None:
            step.set("mode", event.value)
            self.edited()
            self.fill_labels(step)

    @on(Checkbox.Changed, "#f-per_side")
    def _per_side(self, event: Checkbox.Changed) -> None:
        step = self.current()
        if not self._filling and step is not None:
            step.set("per_side", event.value)
            self.edited()

    def fill_labels(self, step: DraftStep) -> None:
        unused = UNUSED_FIELDS.get(str(step.value("mode")), set())
        for name, label in NUMBER_FIELDS:
            self.query_one(f"#row-{name}").display = name not in unused or name in step.changes
            changed = name in step.changes or (name == "rest_after_s" and
                                               step.rest_after_s is not None)
            self.query_one(f"#l-{name}", Label).update(
                Text(f"{label}{' *' if changed else ''}", "bold" if changed else ""))

    @on(StepList.OptionHighlighted, "#steps")
    def _step_moved(self, event: StepList.OptionHighlighted) -> None:
        if event.option_index == self._form_for:
            return
        self.fill_form()
        self.recheck()

    # -- step commands -----------------------------------------------------------------------

    def action_dose(self) -> None:
        if self.current() is not None:
            self.query_one("#f-mode").focus()

    def action_add(self) -> None:
        self.app.push_screen(ExerciseChooser(self.exercises), self._added)

    def _added(self, exercise: Exercise | None) -> None:
        if exercise is None:
            return
        index = self.step_index()
        at = len(self.draft.steps) if index is None else index + 1
        self.draft.steps.insert(at, DraftStep(exercise))
        self.edited()
        self.query_one("#steps", StepList).highlighted = at
        self.fill_form()

    def action_remove(self) -> None:
        index = self.step_index()
        if index is not None:
            del self.draft.steps[index]
            self.edited()
            self.fill_form()

    def action_move(self, delta: int) -> None:
        index = self.step_index()
        if index is not None:
            at = self.draft.move(index, delta)
            self.edited()
            self.query_one("#steps", StepList).highlighted = at

    def action_copy(self) -> None:
        index = self.step_index()
        if index is not None:
            self.draft.duplicate(index)
            self.edited()
            self.query_one("#steps", StepList).highlighted = index + 1

    # -- saving and leaving ------------------------------------------------------------------

    def action_save(self) -> None:
        routine = self.checked.routine
        if routine is None or self.typed:
            count = len(self.checked.problems) + len(self.typed)
            self.notify(f"Not saved: fix the {count} problem{'s' if count > 1 else ''} shown "
                        "in red first.", severity="warning", timeout=5)
            return
        if self.app.save_user_routine(routine, new=self.draft.routine_id is None):
            self.dirty = False
            self.app.pop_screen()

    def action_leave(self) -> None:
        if not self.dirty:
            self.app.pop_screen()
            return
        self.app.push_screen(Confirm("Discard your changes to this routine?",
                                     "discard them", "keep editing"),
                             lambda yes: yes and self.app.pop_screen())

    def action_export(self) -> None:
        self.app.export_routine_file(self.checked.routine)

    def action_import_file(self) -> None:
        self.app.import_routine_file(self)

    def load(self, draft: Draft) -> None:
        """Replace the draft's content with an imported routine's."""
        self.draft.name, self.draft.description = draft.name, draft.description
        self.draft.steps = draft.steps
        self.query_one("#name", Input).value = draft.name
        self.query_one("#description", Input).value = draft.description
        self.redraw_steps()
        self.fill_form()
        self.edited()
