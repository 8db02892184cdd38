"""The first frame's library from the sealed cache: the same library, no schema built for it,
and anything but an intact cache of ours refused (the full load runs instead)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.core.content import cache, sealed
from coach.core.content.loading import load_library
from coach.core.content.models import Exercise, Routine
from tests.unit.test_content_cache import exercise, same


def test_a_miss_loads_in_full_and_a_hit_is_the_same_library_to_check_later(content, cache_dir):
    fresh = load_library(content)
    library, check = sealed.first_library(content, cache_dir)  # a miss: validated, cached
    assert check is None and same(library, fresh)
    library, check = sealed.first_library(content, cache_dir)  # a hit: unvalidated, for now
    assert check is not None and same(library, fresh)
    assert same(check(), fresh)
    # Not only equal: every model is its own class, nested ones too, tuples where JSON had lists.
    cobra = library.exercises["cobra"]
    assert type(cobra) is Exercise and type(cobra.dosing).__name__ == "Dosing"
    assert type(cobra.figure.keys) is tuple and type(cobra.figure.keys[0]).__name__ == "Key"
    assert all(type(info.routine) is Routine for info in library.routines.values())


def test_the_first_frames_library_builds_no_pydantic_schema(content, cache_dir):
    load_library(content, cache_dir)  # write the cache
    code = (
        "import sys, pydantic\n"
        "from pathlib import Path\n"
        "from coach.core.content.sealed import quick_library\n"
        f"lib = quick_library(Path({str(cache_dir)!r}), Path({str(content)!r}))\n"
        "assert lib is not None and lib.routines\n"
        "def walk(c):\n"
        "    for s in c.__subclasses__():\n"
        "        yield s\n"
        "        yield from walk(s)\n"
        "print(sorted({c.__name__ for c in walk(pydantic.BaseModel) if c.__pydantic_complete__}))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout
    assert out.strip() == "[]"


def reseal(cache_dir: Path, change) -> None:
    """Change the cache's data and seal it again with this user's secret: what only a bug of
    ours, or someone holding the secret, could write."""
    path = cache.cache_path(cache_dir)
    data = json.loads(path.read_text())
    data.pop("mac")
    change(data)
    secret = (cache_dir / "content.secret").read_bytes()
    data["mac"] = cache._seal(secret, data)
    path.write_text(json.dumps(data))


UNSOUND = {
    "a name that is a number": lambda d: exercise(d, "cobra").update(name=5),
    "a name with an escape": lambda d: exercise(d, "cobra").update(name="Cobra\x1b[2J"),
    "a bidi override": lambda d: d["routines"][0].update(description="\u202eevil"),
    "a mode that does not exist": lambda d: exercise(d, "cobra")["dosing"].update(mode="forever"),
    "an unknown field": lambda d: exercise(d, "cobra").update(run="rm -rf ~"),
    "a missing field": lambda d: exercise(d, "cobra").pop("figure"),
    "a bool for a number": lambda d: exercise(d, "cobra")["dosing"].update(reps=True),
    "an object for a list": lambda d: exercise(d, "cobra").update(steps={"a": 1}),
    "a list for an object": lambda d: d["routines"][0].update(steps=[[1, 2]]),
    "a step naming no exercise": lambda d: d["routines"][0]["steps"].append(
        {"exercise": "injected"}),
    "an exercise left out": lambda d: d["exercises"].remove(exercise(d, "cobra")),
    "no safety page": lambda d: d.update(safety=None),
}


@pytest.mark.parametrize("change", UNSOUND.values(), ids=UNSOUND.keys())
def test_a_sealed_cache_that_does_not_fit_the_models_is_not_believed(content, cache_dir, change):
    load_library(content, cache_dir)
    reseal(cache_dir, change)
    assert sealed.quick_library(cache_dir, content) is None
    assert sealed.first_library(content, cache_dir)[1] is None  # the validating load ran


def tampered(cache_dir: Path) -> None:
    path = cache.cache_path(cache_dir)
    path.write_text(path.read_text().replace("Cobra stretch", "Cobra HACKED"))


def damaged(cache_dir: Path) -> None:
    path = cache.cache_path(cache_dir)
    path.write_bytes(path.read_bytes()[:-200])


def too_large(cache_dir: Path) -> None:
    path = cache.cache_path(cache_dir)
    data = json.loads(path.read_text())
    data["padding"] = "x" * cache.MAX_BYTES  # resealing would not help: it is never read
    path.write_text(json.dumps(data))


def a_link(cache_dir: Path) -> None:
    path = cache.cache_path(cache_dir)
    real = path.with_name("elsewhere.json")
    path.rename(real)
    path.symlink_to(real)  # an intact, sealed cache, but behind a link


def a_fifo(cache_dir: Path) -> None:
    path = cache.cache_path(cache_dir)
    path.unlink()
    os.mkfifo(path)  # would block a reader that waited for a writer


def a_folder(cache_dir: Path) -> None:
    path = cache.cache_path(cache_dir)
    path.unlink()
    path.mkdir()


def no_secret(cache_dir: Path) -> None:
    (cache_dir / "content.secret").unlink()


def shared_secret(cache_dir: Path) -> None:
    (cache_dir / "content.secret").chmod(0o644)  # others could forge a seal with it


BAD = [tampered, damaged, too_large, a_link, a_fifo, a_folder, no_secret, shared_secret]


@pytest.mark.parametrize("spoil", BAD, ids=[f.__name__ for f in BAD])
def test_a_bad_cache_is_ignored_and_the_full_load_runs(content, cache_dir, spoil):
    load_library(content, cache_dir)
    spoil(cache_dir)
    assert sealed.quick_library(cache_dir, content) is None
    library, check = sealed.first_library(content, cache_dir)
    assert check is None
    assert same(library, load_library(content))
    assert library.exercises["cobra"].name == "Cobra stretch"


def test_a_changed_content_file_is_a_miss_not_a_stale_hit(content, cache_dir):
    load_library(content, cache_dir)
    cobra = content / "exercises" / "cobra.toml"
    cobra.write_text(cobra.read_text().replace('name = "Cobra stretch"', 'name = "Cobra, edited"'))
    library, check = sealed.first_library(content, cache_dir)
    assert check is None and library.exercises["cobra"].name == "Cobra, edited"
