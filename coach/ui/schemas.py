"""Build the pydantic schemas the models deferred, in a thread after the first frame.

Every model of ours defers its schema to its first validation (`defer_build`), so importing
the models costs the first frame nothing. Left at that, the first validation would pay for it
instead: the first session's record as Enter starts it, the settings as the store opens. So
once the first frame is out, the prefetch thread (coach/ui/lazy.py) builds them all.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator

from pydantic import BaseModel

# Models the first session validates, in modules the first frame does not import: a session's
# start records the sitting stretch it ends (the nudge log's StretchRecord).
SESSION_MODULES = ("coach.core.nudge.log",)


def _models(cls: type[BaseModel]) -> Iterator[type[BaseModel]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _models(sub)


def build_schemas() -> list[str]:
    """Build the schema of every loaded model of ours not built yet (and of the session's);
    their names. Safe beside a thread that validates one: pydantic >= 2.14 locks a rebuild."""
    for module in SESSION_MODULES:
        importlib.import_module(module)
    built = []
    for model in _models(BaseModel):
        if model.__module__.startswith("coach.") and not model.__pydantic_complete__:
            model.model_rebuild()
            built.append(model.__name__)
    # They live as long as the app: out of the collector's full sweeps, as the App's gc.freeze()
    # puts what it loaded before them, so a sweep over them does not land in a session's start.
    gc.freeze()
    return built
