"""Content problems as one line a user can act on (file, field, fix): pydantic's, and TOML's."""

from __future__ import annotations

import tomllib
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from coach.core.wording import count

MAX_CONTENT_BYTES = 2**20  # an exercise or routine file is a few kB; more is the wrong file
BROKEN_INSTALL = "the shipped content is broken; reinstall backcoach:\n"  # + the problems


class ContentError(Exception):
    """Content that cannot be used; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def parse_toml(text: str, where: str) -> dict:
    """The TOML document, or ContentError with one line: what every reader of a content or
    routine file says about text that is not TOML, or TOML no content could be."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([f"{where}: not valid TOML: {exc}"]) from None
    except RecursionError:  # arrays nested thousands deep
        raise ContentError([f"{where}: is nested too deeply to be a content file"]) from None
    except ValueError:  # an integer of thousands of digits
        raise ContentError([f"{where}: holds a number too long to be a content file's"]) from None


def field_path(loc: tuple[int | str, ...]) -> str:
    """('steps', 2, 'exercise') -> 'steps[2].exercise'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _seconds(loc: tuple[int | str, ...]) -> bool:
    return bool(loc) and isinstance(loc[-1], str) and loc[-1].endswith("_s")


def _fix(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    got = error.get("input")
    loc = error["loc"]
    unit = " seconds" if _seconds(loc) else ""
    if kind == "missing":
        return "is missing; add it"
    if kind == "extra_forbidden":
        return "is not a known field; remove it or fix its spelling"
    if kind in ("greater_than_equal", "greater_than"):
        low = ctx.get("ge", ctx.get("gt"))
        if unit and low in (0, 1):
            return f"must be a positive number of seconds, got {got!r}"
        return f"must be at least {low}{unit}, got {got!r}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}{unit}, got {got!r}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}, got {got!r}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number{unit}, got {got!r}"
    if kind == "bool_parsing":  # text that is no yes or no: `settings set bell maybe`
        return f"must be on or off (or true/false, yes/no), got {got!r}"
    if kind == "string_too_short":
        return f"must be at least {ctx.get('min_length')} characters long"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters long"
    if kind == "too_short":
        return f"needs at least {count(int(ctx.get('min_length', 1)), 'item')}"
    if kind == "too_long":
        return f"may have at most {ctx.get('max_length')} items"
    if kind == "string_pattern_mismatch":
        return f"must be lowercase words joined by dashes (like 'knee-hug'), got {got!r}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind.endswith("_type"):
        return f"{error['msg'].lower().replace('input should be', 'must be')}, got {got!r}"
    return error["msg"]


def field_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """(field path, what is wrong and how to fix it) for each problem, for forms."""
    return [(field_path(error["loc"]), _fix(error)) for error in exc.errors()]


def describe(where: str, exc: ValidationError) -> list[str]:
    """One line per problem: 'where: field: what is wrong and how to fix it'."""
    lines = []
    for error in exc.errors():
        loc = error["loc"]
        field = field_path(loc)
        prefix = f"{where}: {field}: " if field else f"{where}: "
        lines.append(prefix + _fix(error))
    return lines
