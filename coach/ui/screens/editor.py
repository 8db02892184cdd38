"""Shape a routine: name it, add, order and dose its exercises; save only what is valid.

The screen keeps a Draft (coach/core/content/editing.py) and asks the core to check it after every
keystroke; the problems come back keyed by field and are shown beside that field. "Changed"
means "differs from what was opened": a snapshot taken at open is what Esc and * compare with.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from coach.core.content.editing import (
    Checked,
    Draft,
    DraftStep,
    check,
    shown_problems,
)
from coach.core.content.models import Exercise, Routine
from coach.core.text import duration_text
from coach.core.wording import count
from coach.ui.messages import Sent
from coach.ui.screens.chooser import ExerciseChooser
from coach.ui.screens.dialogs import Confirm
from coach.ui.widgets.app_header import AppHeader
from coach.ui.widgets.dose_form import DoseForm
from coach.ui.widgets.key_footer import KeyFooter
from coach.ui.widgets.size_guard import SizeGuard
from coach.ui.widgets.step_list import StepList, dose_of, state_of


class EditorScreen(Screen):
    DEFAULT_CSS = """
    EditorScreen .field-row { height: 1; }
    EditorScreen .field-label { width: 17; padding: 0 1; }
    EditorScreen .wide { border: none; height: 1; padding: 0 1; width: 1fr; }
    EditorScreen #estimate { width: auto; }  /* " ≈ 9 min 59 s" whole */
    EditorScreen .error { color: $error; height: auto; padding: 0 1; }
    EditorScreen #err-name { padding: 0 1 0 17; }
    EditorScreen #editor-body { height: 1fr; margin-top: 1; }
    EditorScreen #steps-pane { width: 1fr; min-width: 34; max-width: 56; }
    EditorScreen #steps { height: 1fr; }
    EditorScreen DoseForm { width: 2fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        # Priority, like ctrl+s: from a field too (a field's own ctrl+e, go to end, is `end`).
        Binding("ctrl+e", "export", "Export", id="export", show=False, priority=True),
        Binding("ctrl+o", "import_file", "Import", id="import", show=False, priority=True),
        Binding("escape", "leave", "Back", id="leave"),
    ]

    class SaveAsked(Sent):
        def __init__(self, editor: EditorScreen, routine: Routine, new: bool) -> None:
            super().__init__(editor)
            self.editor, self.routine, self.new = editor, routine, new

    class FileAsked(Sent):
        """export (the checked routine to a file) or import (a file into this draft)."""

        def __init__(self, editor: EditorScreen, verb: str) -> None:
            super().__init__(editor)
            self.editor, self.verb = editor, verb

    def __init__(self, draft: Draft, routine_id: str, taken_names: set[str],
                 exercises: list[Exercise]) -> None:
        super().__init__()
        self.draft = draft
        self.routine_id = routine_id
        self.taken = taken_names
        self.exercises = exercises
        self.typed: dict[str, str] = {}  # field -> 'must be a whole number' while typed so
        self.checked: Checked = check(draft, routine_id, taken_names)
        self.take_snapshot()
        self._form_for: int | None = None  # the step whose dose the form shows

    def take_snapshot(self) -> None:
        self.snapshot = state_of(self.draft)
        self.opened = {id(step): dose_of(step) for step in self.draft.steps}

    @property
    def dirty(self) -> bool:
        return state_of(self.draft) != self.snapshot

    def baseline(self, step: DraftStep) -> dict[str, object]:
        """The dose this step had when opened; a step added since starts from its exercise's."""
        return self.opened.get(id(step)) or dose_of(DraftStep(step.exercise))

    def compose(self) -> ComposeResult:
        yield AppHeader()
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
            yield DoseForm(id="dosing")
        yield KeyFooter()
        yield SizeGuard(60, 16)

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

    def recheck(self) -> None:
        self.checked = check(self.draft, self.routine_id, self.taken)
        index = self.step_index()
        shown = shown_problems(self.checked.problems, self.typed, index)
        self._error("#err-name", shown.name)
        self._error("#err-steps", shown.steps)
        if index is not None:
            self.query_one(DoseForm).show_problems(shown.step)
        seconds = self.checked.seconds
        self.query_one("#estimate", Static).update(
            Text(f" ≈ {duration_text(seconds)}" if seconds else " ≈ –", "bold"))
        self.redraw_steps(keep=True)

    def _error(self, selector: str, message: str) -> None:
        """A problem shows under its field; no problem, no line."""
        widget = self.query_one(selector, Static)
        widget.update(Text(message))
        widget.display = bool(message)

    def redraw_steps(self, keep: bool = False) -> None:
        self.query_one("#steps", StepList).show(
            [(step, dose_of(step) != self.baseline(step)) for step in self.draft.steps], keep)

    def fill_form(self) -> None:
        """Show the highlighted step's dose in the form."""
        step = self.current()
        self._form_for = self.step_index()
        form = self.query_one(DoseForm)
        form.display = step is not None
        self.typed.clear()
        if step is not None:
            form.fill(step, self.baseline(step))

    def edited(self) -> None:
        self.recheck()

    # -- form events -------------------------------------------------------------------------

    @on(Input.Changed, "#name")
    def _name_changed(self, event: Input.Changed) -> None:
        self.draft.name = event.value
        self.edited()

    @on(Input.Changed, "#description")
    def _description(self, event: Input.Changed) -> None:
        self.draft.description = event.value
        self.edited()

    @on(DoseForm.Mistyped)
    def _mistyped(self, event: DoseForm.Mistyped) -> None:
        if event.problem is None:
            self.typed.pop(event.name, None)
        else:
            self.typed[event.name] = event.problem
            self.recheck()

    @on(DoseForm.Edited)
    def _dose(self, event: DoseForm.Edited) -> None:
        step = self.current()
        if step is None:
            return
        if event.name == "rest_after_s":
            step.rest_after_s = event.value  # type: ignore[assignment]
        else:
            step.set(event.name, event.value)
        self.edited()
        self.query_one(DoseForm).mark(step, self.baseline(step))

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
        self._steps_changed(at)

    def _steps_changed(self, highlight: int | None) -> None:
        self.redraw_steps()
        if highlight is not None and self.draft.steps:
            self.query_one("#steps", StepList).highlighted = min(highlight,
                                                                 len(self.draft.steps) - 1)
        self.fill_form()
        self.edited()

    def action_remove(self) -> None:
        index = self.step_index()
        if index is not None:
            del self.draft.steps[index]
            self._steps_changed(index)

    def action_move(self, delta: int) -> None:
        index = self.step_index()
        if index is not None:
            self._steps_changed(self.draft.move(index, delta))

    def action_copy(self) -> None:
        index = self.step_index()
        if index is not None:
            self.draft.duplicate(index)
            self._steps_changed(index + 1)

    # -- saving and leaving ------------------------------------------------------------------

    def action_save(self) -> None:
        routine = self.checked.routine
        if routine is None or self.typed:
            n = len(self.checked.problems) + len(self.typed)
            self.notify(f"Not saved: fix the {count(n, 'problem')} shown in red first.",
                        severity="warning", timeout=5)
            return
        self.post_message(self.SaveAsked(self, routine, new=self.draft.routine_id is None))

    def saved(self) -> None:
        """The App stored the routine: nothing is unsaved any more."""
        self.take_snapshot()
        self.app.pop_screen()

    def action_leave(self) -> None:
        if not self.dirty:
            self.app.pop_screen()
            return
        self.app.push_screen(Confirm("Discard your changes to this routine?",
                                     "discard them", "keep editing"),
                             lambda yes: yes and self.app.pop_screen())

    def action_export(self) -> None:
        self.post_message(self.FileAsked(self, "export"))

    def action_import_file(self) -> None:
        # A file's routine replaces the whole draft: unsaved work goes only when the user says.
        if self.dirty:
            self.app.push_screen(Confirm("A routine from a file replaces this one, and your "
                                         "changes are not saved.", "replace it", "keep editing"),
                                 self._import_answered)
        else:
            self._import_answered(True)

    def _import_answered(self, yes: bool | None) -> None:
        if yes:
            self.post_message(self.FileAsked(self, "import"))

    def load(self, draft: Draft) -> None:
        """Replace the draft's content with an imported routine's."""
        self.draft.name, self.draft.description = draft.name, draft.description
        self.draft.steps = draft.steps
        with self.prevent(Input.Changed):
            self.query_one("#name", Input).value = draft.name
            self.query_one("#description", Input).value = draft.description
        self._steps_changed(0)
