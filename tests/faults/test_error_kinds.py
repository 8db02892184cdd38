"""What is wrong with the data folder comes out as its own kind, each with its own fix, and
moving a file aside never crashes, whatever the kind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from damage import KINDS, build

from coach.core.storage.errors import (
    BrokenFile,
    LockHeld,
    NewerFile,
    NotWritable,
    StoreError,
    Unreadable,
    WrongType,
)
from coach.core.storage.store import Store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    build(folder)
    return folder


def opening(folder: Path) -> StoreError:
    with pytest.raises(StoreError) as caught:
        Store(folder).open()
    return caught.value


@pytest.mark.parametrize(
    ("kind", "error", "movable", "says"),
    [
        ("sessions/2026-11.json:truncated", BrokenFile, True, "move it aside"),
        ("days/2026.json:newer-schema", NewerFile, False, "upgrade backcoach"),
        ("folder:days-is-a-file", WrongType, False, "is a file where backcoach keeps a folder"),
        ("folder:lock-is-a-folder", WrongType, False, "is a folder where backcoach keeps"),
        ("folder:settings-is-a-folder", WrongType, False, "is a folder where backcoach keeps"),
    ],
)
def test_each_kind_of_damage_has_its_own_error(folder, kind, error, movable, says):
    damaged = KINDS[kind](folder)
    caught = opening(folder)
    assert type(caught) is error and caught.movable is movable and caught.path == damaged
    assert says in str(caught)


def test_an_unreadable_file_is_not_a_broken_one(folder, monkeypatch):
    real = os.open

    def refused(path, flags, *args):
        if Path(path).name == "settings.json" and not flags & os.O_CREAT:  # a read
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", refused)
    caught = opening(folder)
    monkeypatch.undo()
    assert isinstance(caught, Unreadable) and not caught.movable
    assert str(caught) == f"{Store(folder).home / 'settings.json'}: cannot be read (Permission denied); check its permissions"


def test_a_read_only_folder_is_not_a_broken_file(folder, monkeypatch):
    real = os.open

    def read_only(path, flags, *args):
        if flags & os.O_CREAT and Path(path).name != ".lock":
            raise PermissionError(errno.EROFS, "Read-only file system", str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    store = Store(folder)
    with pytest.raises(NotWritable, match="make the folder writable") as caught:
        store.save_settings(store.settings().model_copy(update={"bell": True}))
    assert not caught.value.movable


def test_another_copy_holding_the_lock_is_named_by_its_process(folder):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from coach.core.storage.store import Store
            store = Store({str(folder)!r})
            with store.locked():
                print("held", flush=True)
                time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        store = Store(folder)
        store.lock_wait_s = 0.2  # the wait is a few seconds; the kind is what is tested
        with pytest.raises(LockHeld) as caught:
            store.save_settings(store.settings())
        assert caught.value.pid == holder.pid and not caught.value.movable
        assert f"another backcoach (process {holder.pid}) is writing" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
    Store(folder).save_settings(Store(folder).settings())  # free again once it is gone
    assert (Store(folder).home / ".lock").read_text() == ""  # no stale pid left to name the wrong process


@pytest.mark.parametrize("kind", sorted(k for k in KINDS if k.startswith(("folder:", "days/"))))
def test_moving_aside_never_crashes(folder, kind):
    KINDS[kind](folder)
    try:
        Store(folder).open()
    except StoreError as exc:
        try:
            moved = Store(folder).set_aside(exc.path)
        except StoreError as refused:  # a lock folder, say: the lock cannot even be taken
            assert not exc.movable and "\n" not in str(refused)
        else:
            assert moved.name.startswith(exc.path.name + ".broken-")
