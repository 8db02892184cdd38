"""The first frame's library, straight from the sealed content cache, validated later.

Validating the cached content is most of a start's content time: pydantic builds the schema of
every content model at its first validation (the models defer it, so importing them is cheap)
and loads its plugin machinery with it. The cache's seal (an HMAC under this user's secret, see
cache.py) says its data is what this program wrote after validating it, for exactly these
files and this code. So the first frame is drawn from it with the models built unvalidated
(model_construct), but only after a strict check of every value against its field's type:
the right JSON type, a Literal's own values, known fields only, required fields present, and
no string a terminal would obey. Anything else, or a cache that is missing, damaged, a link,
too large or not sealed, gives None and the caller validates as before.

The full validation still runs, in the background after the first frame (first_library's
`check`, run by coach/ui/library_check.py), and its library replaces this one.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from coach.core.content import cache
from coach.core.content.loading import Library, load_library
from coach.core.content.models import Dosing, DosingChange, Frozen
from coach.core.text import terminal_safe_lines

M = TypeVar("M", bound=Frozen)


class Unsound(ValueError):
    """A value that is not what its field holds: the cache is not believed."""


Convert = Callable[[object], object]


def build(model: type[M], value: object) -> M:
    """model built from JSON data without validating it, every value checked against its
    field's type first (Unsound if one does not fit)."""
    built = _for_model(model)(value)
    assert isinstance(built, model)
    return built


@functools.cache
def _for_model(model: type[BaseModel]) -> Convert:
    """The converter for a model, compiled once from its fields' types: the cache holds a few
    thousand values, and reading each one's type afresh cost more than validating."""
    fields = model.model_fields
    convert = {name: _compile(field.annotation) for name, field in fields.items()}
    required = [name for name, field in fields.items() if field.is_required()]

    def make(value: object) -> BaseModel:
        if not isinstance(value, dict) or not value.keys() <= convert.keys():
            raise Unsound(f"{model.__name__}: not an object of its fields")
        if any(name not in value for name in required):
            raise Unsound(f"{model.__name__}: a required field is missing")
        values = {name: convert[name](item) for name, item in value.items()}
        return model.model_construct(_fields_set=set(values), **values)

    return make


def _compile(kind: object) -> Convert:
    origin, args = get_origin(kind), get_args(kind)
    if origin is Annotated:  # the constraints are the background validation's to check
        return _compile(args[0])
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return lambda value: _for_model(kind)(value)  # late: a model may nest itself
    if origin in (Union, types.UnionType):
        return _first_of([_compile(arm) for arm in args])
    if origin is Literal:
        allowed = {(type(arg), arg) for arg in args}
        return _checked(lambda value: (type(value), value) in allowed)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _compile(args[0])
        return lambda value: tuple(map(item, _of_type(list, value)))
    if origin is dict:
        key, item = _compile(args[0]), _compile(args[1])
        return lambda value: {key(k): item(v) for k, v in _of_type(dict, value).items()}
    if kind is str:  # validated content never holds a character a terminal would obey
        return _checked(lambda value: type(value) is str and terminal_safe_lines(value) == value)
    if kind is float:
        return _checked(lambda value: type(value) in (int, float))
    if kind in (int, bool, type(None)):
        return _checked(lambda value: type(value) is kind)
    raise TypeError(f"sealed.py cannot check a {kind}")  # a new field type: teach it here


def _of_type(kind: type, value: object):
    if type(value) is not kind:
        raise Unsound(f"{value!r:.40} is no {kind.__name__}")
    return value


def _checked(fits: Callable[[object], bool]) -> Convert:
    def check(value: object) -> object:
        if not fits(value):
            raise Unsound(f"{value!r:.40} does not fit")
        return value

    return check


def _first_of(arms: list[Convert]) -> Convert:
    def first(value: object) -> object:
        for arm in arms:
            try:
                return arm(value)
            except Unsound:
                continue
        raise Unsound(f"{value!r:.40} fits no type it may have")

    return first


def _apply(change: DosingChange, base: Dosing) -> Dosing:
    """DosingChange.apply without validating: the checked cache planned it once already."""
    changes = {name: value for name, value in change if value is not None}
    # Every field set, as apply's model_validate of a whole dump sets them.
    return Dosing.model_construct(_fields_set=set(Dosing.model_fields), **(dict(base) | changes))


def quick_library(cache_dir: Path, root: Path) -> Library | None:
    """The library in the sealed cache, built unvalidated, or None if it cannot be believed."""
    key = cache.content_key(root)
    data = cache.sealed(cache_dir, key) if key else None
    if data is None:
        return None
    try:
        return cache.rebuild(data, root, build, _apply)
    except (Unsound, TypeError, KeyError, AttributeError):
        return None


def first_library(root: Path, cache_dir: Path) -> tuple[Library, Callable[[], Library] | None]:
    """The library for the first frame, and the check that validates it (None if it already
    is): the sealed cache's when it can be believed, else the full load (ContentError)."""
    quick = quick_library(cache_dir, root)
    if quick is None:
        return load_library(root, cache_dir), None
    return quick, lambda: load_library(root, cache_dir)
