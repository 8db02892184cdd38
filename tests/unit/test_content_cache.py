"""The content cache: a hit is the same library, and a bad cache is refused, never believed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.core.content import cache, loading
from coach.core.content.loading import Library, load_library


def same(a: Library, b: Library) -> bool:
    return (a.exercises == b.exercises and a.safety == b.safety
            and list(a.routines) == list(b.routines)
            and all(a.routines[k] == b.routines[k] for k in a.routines))


def toml_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every TOML file the loader parses."""
    seen: list[Path] = []
    real = loading.read_toml

    def counting(path: Path, problems: list[str]):
        seen.append(path)
        return real(path, problems)

    monkeypatch.setattr(loading, "read_toml", counting)
    return seen


def test_a_second_start_is_served_from_the_cache_and_equals_the_files(
        content, cache_dir, monkeypatch):
    fresh = load_library(content)
    assert same(load_library(content, cache_dir), fresh)  # a miss: loaded and written
    assert cache.cache_path(cache_dir).is_file()
    reads = toml_reads(monkeypatch)
    assert same(load_library(content, cache_dir), fresh)
    assert reads == []  # nothing parsed: it came from the cache


def test_a_changed_content_file_invalidates_the_cache(content, cache_dir):
    load_library(content, cache_dir)
    cobra = content / "exercises" / "cobra.toml"
    cobra.write_text(cobra.read_text().replace('name = "Cobra stretch"', 'name = "Cobra, edited"'))
    assert load_library(content, cache_dir).exercises["cobra"].name == "Cobra, edited"


def test_a_new_content_file_invalidates_the_cache(content, cache_dir):
    load_library(content, cache_dir)
    text = (content / "exercises" / "cobra.toml").read_text()
    (content / "exercises" / "cobra-two.toml").write_text(text.replace('"cobra"', '"cobra-two"'))
    assert "cobra-two" in load_library(content, cache_dir).exercises


def test_broken_content_is_still_refused_with_a_cache(content, cache_dir):
    load_library(content, cache_dir)
    cobra = content / "exercises" / "cobra.toml"
    cobra.write_text(cobra.read_text().replace('kind = "stretch"', 'kind = "dance"'))
    with pytest.raises(loading.ContentError, match="cobra.toml: kind"):
        load_library(content, cache_dir)


@pytest.mark.parametrize("garbage", [
    b"", b"\x00\xff not json", b'{"key": ', b"[]", b'{"key": 1}', b"[" * 100_000,
    b'{"key": "KEY", "exercises": 3, "routines": [], "safety": null}',
    b'{"key": "KEY"}',
])
def test_a_corrupt_cache_falls_back_to_the_files_and_is_rewritten(
        content, cache_dir, monkeypatch, garbage):
    fresh = load_library(content)
    cache_dir.mkdir()
    key = cache.content_key(content)
    cache.cache_path(cache_dir).write_bytes(garbage.replace(b"KEY", key.encode()))
    reads = toml_reads(monkeypatch)
    assert same(load_library(content, cache_dir), fresh)
    assert reads  # it went back to the files
    assert json.loads(cache.cache_path(cache_dir).read_text())["key"] == key


def forged(content: Path, cache_dir: Path, change) -> None:
    """Write a cache with the right key whose data `change` has tampered with."""
    load_library(content, cache_dir)
    path = cache.cache_path(cache_dir)
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def exercise(data: dict, name: str) -> dict:
    return next(e for e in data["exercises"] if e["id"] == name)


HOSTILE = {
    "a frame too wide to draw": lambda d: exercise(d, "cobra").update(frames=["=" * 90]),
    "an unknown field": lambda d: exercise(d, "cobra").update(run="rm -rf ~"),
    "a mode that does not exist": lambda d: exercise(d, "cobra")["dosing"].update(mode="forever"),
    "a hold of a day": lambda d: exercise(d, "cobra")["dosing"].update(hold_s=86_400),
    "an exercise no file holds": lambda d: d["exercises"].append(
        dict(exercise(d, "cobra"), id="injected")),
    "an exercise twice": lambda d: d["exercises"].append(exercise(d, "cobra")),
    "an exercise left out": lambda d: d["exercises"].remove(exercise(d, "cobra")),
    "a routine no file holds": lambda d: d["routines"].append(
        dict(d["routines"][0], id="injected")),
    "a step naming no exercise": lambda d: d["routines"][0]["steps"].append(
        {"exercise": "injected"}),
    "an empty cue": lambda d: exercise(d, "cobra").update(cue=""),
    "no safety page": lambda d: d.update(safety=None),
}


@pytest.mark.parametrize("change", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_forged_cache_with_the_right_key_cannot_get_past_validation(
        content, cache_dir, monkeypatch, change):
    fresh = load_library(content)
    forged(content, cache_dir, change)
    reads = toml_reads(monkeypatch)
    loaded = load_library(content, cache_dir)
    assert reads  # refused: the files were loaded instead
    assert same(loaded, fresh)
    assert "injected" not in loaded.exercises and "injected" not in loaded.routines


def test_the_key_follows_the_content_and_the_code(content, tmp_path, monkeypatch):
    key = cache.content_key(content)
    assert cache.content_key(content) == key
    assert Path(loading.__file__) in cache.CODE
    checker = tmp_path / "checks.py"
    checker.write_text("RULE = 1\n")
    monkeypatch.setattr(cache, "CODE", (*cache.CODE, checker))
    with_checker = cache.content_key(content)
    assert with_checker != key
    checker.write_text("RULE = 2\n")  # a changed check makes a fresh entry
    assert cache.content_key(content) != with_checker
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert cache.content_key(content) not in (key, with_checker)


def test_an_unwritable_cache_folder_is_no_loss(content, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    assert same(load_library(content, blocker / "cache"), load_library(content))
