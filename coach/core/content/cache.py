"""The shipped content, remembered as JSON between starts, and never believed unchecked.

Profiling showed where a start's content time goes: parsing ~37 TOML files (tomllib is pure
Python) costs ten times what pydantic's validation of the parsed data does. So the cache
keeps the validated content as JSON (parsed in C) and validates it again, with the same
models, on every start: a cache that is stale, corrupt, or written by someone hostile is at
worst refused, and then the TOML files are loaded as if there were no cache.

The key hashes every content file (name and bytes), the code that validates them, and the
pydantic versions, so an edited file or an upgrade makes a fresh entry.

The key is no seal: anyone can compute it from the shipped files, so a cache with the right
key and a renamed exercise ("Cobra HACKED") would pass validation. So the cache also carries
an HMAC of its data under a secret only this user can read (content.secret, 0600, made once,
never a link). A cache is never trusted more than the files it was built from: without a
matching seal, or with any doubt about the secret, the files are read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

import pydantic
import pydantic_core
from pydantic import ValidationError

import coach
from coach.core.content.loading import Library, describe_routine, plan_steps
from coach.core.content.models import Dosing, DosingChange, Exercise, Frozen, Routine, Safety
from coach.core.disk import FILE_MODE, make_folder, read_file

FORMAT = 2  # 2: sealed with an HMAC
SECRET_BYTES = 32
MAX_BYTES = 4_000_000  # the shipped content is ~100 kB; anything huge is not ours
M = TypeVar("M", bound=Frozen)
CODE = tuple(sorted(Path(__file__).parent.glob("*.py")))  # the code that reads and checks content


def content_files(root: Path) -> list[Path]:
    return [*sorted((root / "exercises").glob("*.toml")),
            *sorted((root / "routines").glob("*.toml")), root / "safety.toml"]


def content_key(root: Path) -> str | None:
    """A hash of what the library is built from; None if a file cannot be read."""
    digest = hashlib.sha256(
        f"{FORMAT} {coach.__version__} {pydantic.VERSION} {pydantic_core.__version__}".encode()
    )
    try:
        for path in (*CODE, *content_files(root)):
            data = read_file(path, MAX_BYTES, links=True)  # never a FIFO or /dev/zero
            name = path.name if path in CODE else path.relative_to(root).as_posix()
            digest.update(f"\0{name}\0{len(data)}\0".encode() + data)
    except OSError:
        return None
    return digest.hexdigest()


def cache_path(cache_dir: Path) -> Path:
    return cache_dir / "content.json"


def _secret(cache_dir: Path, make: bool) -> bytes | None:
    """This user's key for sealing the cache; made (with make) when there is none.

    None when it cannot be trusted: a link, not a plain file, readable by others, not ours."""
    path = cache_dir / "content.secret"
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        if not make:
            return None
        try:
            make_folder(cache_dir)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
        except OSError:  # another start made it first, or the folder refuses: no cache now
            return None
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(SECRET_BYTES))
        return _secret(cache_dir, make=False)
    except OSError:
        return None
    if (not stat.S_ISREG(found.st_mode) or found.st_mode & 0o077
            or found.st_uid != os.getuid()):
        return None
    try:
        secret = read_file(path, SECRET_BYTES)
    except OSError:
        return None
    return secret if len(secret) == SECRET_BYTES else None


def _seal(secret: bytes, data: dict) -> str:
    body = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def sealed(cache_dir: Path, key: str) -> dict | None:
    """The cache's data if it is a plain file of a sane size, for exactly this content
    (the key), and sealed with this user's secret; None for anything else."""
    secret = _secret(cache_dir, make=False)
    if secret is None:
        return None
    try:
        data = json.loads(read_file(cache_path(cache_dir), MAX_BYTES))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    seal = data.pop("mac", None)
    if not isinstance(seal, str) or not hmac.compare_digest(seal, _seal(secret, data)):
        return None
    return data


def read(cache_dir: Path, root: Path, key: str) -> Library | None:
    """The cached library if the cache is sealed for exactly this content and passes
    validation."""
    data = sealed(cache_dir, key)
    if data is None:
        return None
    try:
        return rebuild(data, root, validated, DosingChange.apply)
    except (ValidationError, TypeError, KeyError, AttributeError, ValueError):
        return None


def validated(model: type[M], value: object) -> M:
    return model.model_validate(value)


class Make(Protocol):
    """How rebuild makes each model: validated, or built unvalidated (sealed.build)."""

    def __call__(self, model: type[M], value: object) -> M: ...


def rebuild(data: dict, root: Path, make: Make,
            apply: Callable[[DosingChange, Dosing], Dosing]) -> Library | None:
    """The library in the cache's data, each model made by make(Model, value) (validated, or
    built unvalidated by sealed.py); None if its ids are not exactly the files'."""
    exercises = {e.id: e for e in (make(Exercise, e) for e in data["exercises"])}
    routines = [make(Routine, r) for r in data["routines"]]
    safety = make(Safety, data["safety"])
    # The same ids as the files, as the TOML loader insists: nothing added, nothing left out.
    if (set(exercises) != {p.stem for p in (root / "exercises").glob("*.toml")}
            or len(exercises) != len(data["exercises"])
            or [r.id for r in routines] != [p.stem for p in content_files(root)
                                             if p.parent.name == "routines"]):
        return None
    infos = {}
    for routine in routines:
        problems: list[str] = []
        steps = plan_steps(routine, exercises, routine.id, problems, apply)
        if problems:
            return None
        infos[routine.id] = describe_routine(routine, steps)
    return Library(exercises, infos, safety)


def write(cache_dir: Path, key: str, library: Library) -> None:
    """Remember a library loaded from the files; a cache that cannot be written is no loss."""
    data = {
        "key": key,
        "exercises": [e.model_dump(mode="json") for e in library.exercises.values()],
        "routines": [i.routine.model_dump(mode="json") for i in library.routines.values()],
        "safety": library.safety.model_dump(mode="json") if library.safety else None,
    }
    from coach.core.disk import write_atomic

    secret = _secret(cache_dir, make=True)
    if secret is None:
        return
    data["mac"] = _seal(secret, data)
    try:
        write_atomic(cache_path(cache_dir), json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
