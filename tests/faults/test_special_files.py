"""Files that are not files, where backcoach reads one: a FIFO, a link to /dev/zero, a link to
nowhere, a link out of the folder; in this machine's files and in another machine's.

Each command runs as a process of its own with a time limit, since a read that blocks may block
a thread the process then waits for: it must finish, with no traceback, and when the file is
one of this machine's that the command reads, exit 2 with one line naming it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from damage import DELETED, MONTH, OTHER, SETTINGS, SPECIAL, build, no_hang, own, special

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pristine") / "data"
    build(folder)
    return folder


def run(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(folder), *command],
                          capture_output=True, text=True, timeout=20, env=env, cwd=ROOT)


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("where", [MONTH, OTHER + MONTH])
def test_status_export_and_doctor_finish_and_say_what_is_wrong(
        pristine: Path, tmp_path: Path, where: str, kind: str):
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(pristine, folder, symlinks=True)
    # This machine's month in its own folder (machines/<id>/), another's where OTHER says.
    path = special(kind, (own(folder) if where == MONTH else folder) / where,
                   tmp_path / "outside.json")
    for command in ("status", "export", "doctor"):
        done = run(folder, command)  # used to wait for ever on a FIFO, or fill the memory
        assert "Traceback" not in done.stderr, (command, done.stderr)
        if where == MONTH and command != "doctor":
            assert done.returncode == 2 and done.stdout == "", (command, done)
            assert done.stderr.startswith(f"backcoach: {path}: ") and done.stderr.count("\n") == 1
        elif command != "doctor":
            assert done.returncode == 0 and "Office break" in done.stdout, (command, done)
        elif kind != "dangling":  # doctor and links is another item's: no traceback is enough
            assert str(path) in done.stdout + done.stderr, done


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("name", [MONTH, SETTINGS, DELETED])
def test_an_old_folder_s_special_file_at_the_top_is_reported_too(
        pristine: Path, tmp_path: Path, name: str, kind: str):
    """Before machine folders, this machine's files were at the top; they are read there until
    its next write moves them, through the same safe read."""
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(own(pristine), folder, symlinks=True)  # the files as an older copy kept them
    assert not (folder / "machines").exists()
    path = special(kind, folder / name, tmp_path / "outside.json")
    for command in ("status", "export"):
        done = run(folder, command)
        if command == "export" and name == SETTINGS:  # export does not read the settings
            assert done.returncode == 0 and "Office break" in done.stdout, done
            continue
        assert done.returncode == 2 and done.stdout == "", (command, done)
        assert done.stderr.startswith(f"backcoach: {path}: ") and done.stderr.count("\n") == 1
    assert not (folder / "machines").exists()  # reading moved nothing


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("name", ["clock.alive", "nudger.lock"])
def test_status_asks_who_keeps_the_clock_without_waiting(
        pristine: Path, tmp_path: Path, name: str, kind: str):
    """status tries the lock on nudges/clock.alive (is a copy keeping time?): a FIFO there
    made the probe's open wait for a writer, for ever."""
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(pristine, folder, symlinks=True)
    special(kind, own(folder) / "nudges" / name, tmp_path / "outside.json")
    done = run(folder, "status")  # within run's time limit
    assert done.returncode == 0 and "Office break" in done.stdout and done.stderr == "", done


def test_a_cache_with_the_right_key_and_a_changed_name_is_not_believed(tmp_path: Path):
    from coach.core.content import cache
    from coach.core.content.loading import load_library
    from coach.paths import content_dir

    load_library(content_dir(), tmp_path)
    path = cache.cache_path(tmp_path)
    hacked = path.read_text().replace('"Cobra stretch"', '"Cobra HACKED"')
    assert "Cobra HACKED" in hacked and cache.content_key(content_dir()) in hacked
    path.write_text(hacked)  # the key is anyone's to compute: it seals nothing
    assert load_library(content_dir(), tmp_path).exercises["cobra"].name == "Cobra stretch"


@pytest.mark.parametrize("kind", SPECIAL)
def test_a_cache_that_is_not_a_file_is_passed_over(tmp_path: Path, kind: str):
    from coach.core.content import cache
    from coach.core.content.loading import load_library
    from coach.paths import content_dir

    load_library(content_dir(), tmp_path)
    special(kind, cache.cache_path(tmp_path), tmp_path / "outside.json")
    with no_hang():
        library = load_library(content_dir(), tmp_path)
    assert library.exercises["cobra"].name == "Cobra stretch"


@pytest.mark.parametrize("kind", SPECIAL)
def test_a_kept_session_that_is_not_a_file_is_passed_over(tmp_path: Path, kind: str):
    from damage import LAST_DAY, record

    from coach.core.storage.recovery import Recovery

    recovery = Recovery(tmp_path / "data", tmp_path / "fallback")
    kept = recovery.keep(record(LAST_DAY))
    assert kept is not None
    special(kind, kept.with_name("planted.json"), tmp_path / "outside.json")
    with no_hang():
        assert [r.uuid for r in recovery.pending()] == [record(LAST_DAY).uuid]
