"""A routine as a TOML file, the format of content/routines/: written out, and read back checked.

This is how a user shares a routine or edits one in their own editor: `backcoach routines export`
writes the file, `backcoach routines import` reads it. Reading checks everything a built-in
routine must pass, and more (a free name), before anything is stored.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pydantic import ValidationError

from coach.core.content.errors import describe
from coach.core.content.loading import ContentError, Library, parse_toml, plan_steps
from coach.core.content.models import DosingChange, Exercise, Routine, Step
from coach.core.disk import NotAFile, TooLarge, read_file
from coach.core.text import STEERING

FALLBACK_ID = "routine"  # for a name with no letters or digits that ASCII can spell
# The id the editor checks a not-yet-saved routine under; a file never carries it (see below).
DRAFT_ID = "draft"
MAX_ROUTINE_BYTES = 2**20  # a routine of 40 steps is about 2 KB; more is the wrong file

# TOML basic strings must escape these; the short forms read better than \u00XX.
_SHORT_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


# ---------------------------------------------------------------------------------------------
# Writing


def _string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in text:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif STEERING.match(char):  # C0, DEL, C1 and bidi controls, which editors hide
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _value(value: object) -> str:
    # bool first: it is an int to Python but true/false to TOML.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    raise TypeError(f"no TOML form for {value!r}")  # a new model field needs a line here


def _inline_table(change: DosingChange) -> str:
    fields = change.model_dump(exclude_none=True)
    if not fields:
        return "{}"  # an empty change still round-trips as a change, not as None
    return "{ " + ", ".join(f"{key} = {_value(v)}" for key, v in fields.items()) + " }"


def _step_lines(step: Step) -> list[str]:
    lines = ["[[steps]]", f"exercise = {_string(step.exercise)}"]
    if step.dosing_from is not None:
        lines.append(f"dosing_from = {_string(step.dosing_from)}")
    if step.dosing is not None:
        lines.append(f"dosing = {_inline_table(step.dosing)}")
    if step.rest_after_s is not None:
        lines.append(f"rest_after_s = {step.rest_after_s}")
    return lines


def routine_to_toml(routine: Routine) -> str:
    """The routine as a TOML file like content/routines/*.toml, ending in a newline.

    A routine the editor has not saved yet carries the placeholder DRAFT_ID; its file gets the
    id saving would give it, a slug of its name, so every exported file has a real id.
    """
    routine_id = new_routine_id(routine.name, set()) if routine.id == DRAFT_ID else routine.id
    lines = [
        f"id = {_string(routine_id)}",
        f"name = {_string(routine.name)}",
        f"description = {_string(routine.description)}",
    ]
    if routine.sources:
        lines.append("sources = [" + ", ".join(_string(s) for s in routine.sources) + "]")
    for step in routine.steps:
        lines += ["", *_step_lines(step)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Reading


def _name_key(name: str) -> str:
    # "Desk  Break " and "desk break" would look the same in the picker: treat them as one.
    return " ".join(name.split()).casefold()


def _without_echoes(where: str, exc: ValidationError) -> list[str]:
    # When a step is invalid pydantic also says "steps: needs at least 1 item", counting only
    # the valid steps; that second line would send the user looking for a problem they lack.
    errors = exc.errors()
    lists_with_bad_items = {
        error["loc"][:i]
        for error in errors
        for i, part in enumerate(error["loc"])
        if isinstance(part, int)
    }
    return [
        line
        for error, line in zip(errors, describe(where, exc), strict=True)
        if not (error["type"] == "too_short" and error["loc"] in lists_with_bad_items)
    ]


def routine_from_toml(text: str, where: str, library: Library, taken_names: set[str]) -> Routine:
    """The routine a TOML file describes, checked against the library, or ContentError.

    Every problem is one line, 'where: field: what is wrong and how to fix it': TOML syntax
    (with its line), unknown or bad fields, exercise ids the library lacks, dosing changes that
    make an invalid dose, and a name that matches one in `taken_names` (ignoring case).
    """
    data = parse_toml(text, where)
    try:
        routine = Routine.model_validate(data)
    except ValidationError as exc:
        raise ContentError(_without_echoes(where, exc)) from None
    problems: list[str] = []
    if _name_key(routine.name) in {_name_key(name) for name in taken_names}:
        problems.append(
            f"{where}: name: a routine called {routine.name!r} exists; rename it in the file"
        )
    plan_steps(routine, library.exercises, where, problems)
    if problems:
        raise ContentError(problems)
    return routine


def read_routine_text(path: Path, where: str) -> str:
    """The text of a routine file, or ContentError with one line naming the file and the fix.

    `where` is how the message names the file (the path as the user typed it).
    """
    try:
        # The user named it: a pipe (`<(curl ...)`) is read as it comes, never without end.
        raw = read_file(path, MAX_ROUTINE_BYTES, links=True, streams=True)
    except IsADirectoryError:
        raise ContentError([f"{where}: is a folder; give the routine's .toml file"]) from None
    except FileNotFoundError:
        raise ContentError([f"{where}: no such file; check the path"]) from None
    except PermissionError:
        raise ContentError([f"{where}: cannot be read (permission denied); check its permissions"]) from None
    except TooLarge:
        raise ContentError(
            [f"{where}: is over 1 MB; a routine file is a few KB, is it the right file?"]
        ) from None
    except NotAFile as exc:
        raise ContentError([f"{where}: {exc.strerror}; give the routine's .toml file"]) from None
    except OSError as exc:
        raise ContentError([f"{where}: cannot be read ({exc.strerror or exc}); check the file"]) from None
    try:
        return raw.decode("utf-8-sig")  # -sig: some editors start UTF-8 files with a BOM
    except UnicodeDecodeError:
        raise ContentError([f"{where}: not UTF-8 text; save it as UTF-8"]) from None


def check_routine_file(path: Path, where: str, exercises: dict[str, Exercise]) -> list[str]:
    """The problems `routines import` would find in this file, its name clashes aside.

    The one rule for a routine file, whoever reads it (`check`, `routines import`, the editor):
    its contents count, its file name does not, since a shared file is often renamed.
    """
    try:
        routine_from_toml(read_routine_text(path, where), where, Library(exercises), set())
    except ContentError as exc:
        return exc.problems
    return []


def new_routine_id(name: str, taken: set[str]) -> str:
    """A stable id for a new user routine: the name as a slug, with -2, -3... if it is taken.

    'Desk stretches (mine)' -> 'desk-stretches-mine'. Pass every routine id in use, the
    built-in ones included, as `taken`; the result matches Routine's id pattern.
    """
    # NFKD splits 'é' into 'e' and an accent, so accented names keep their letters.
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or FALLBACK_ID
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate
