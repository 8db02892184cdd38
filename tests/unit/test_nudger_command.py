"""`backcoach nudger`: one per machine, and --install / --uninstall of the user service."""

from __future__ import annotations

import os

import pytest

from coach.cli import main
from coach.core.nudge.log import NudgeLog
from coach.core.nudge.shared import NUDGER_FILE, Presence
from coach.nudger.service import service_file, service_text


def test_a_second_nudger_for_the_machine_says_so_and_exits_2(data_dir, capsys):
    running = Presence(NudgeLog(data_dir).folder / NUDGER_FILE, exclusive=True)
    assert running.hold()
    try:
        assert main(["--data-dir", str(data_dir), "nudger"]) == 2
    finally:
        running.release()
    assert "a nudger already runs for this machine" in capsys.readouterr().err


def test_install_writes_the_unit_says_how_to_enable_and_uninstall_removes_it(
        data_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["--data-dir", str(data_dir), "nudger", "--install"]) == 0
    unit = service_file(tmp_path)
    text = unit.read_text()
    assert "ExecStart=" in text and f"--data-dir {data_dir} nudger" in text
    said = capsys.readouterr().out
    assert "systemctl --user enable --now backcoach-nudger.service" in said
    assert "Nothing runs yet" in said
    assert main(["nudger", "--uninstall"]) == 0
    assert not unit.exists() and "Removed" in capsys.readouterr().out
    assert main(["nudger", "--uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_the_macos_agent_runs_the_same_command(tmp_path):
    path = service_file(tmp_path, "darwin")
    assert path.name == "org.backcoach.nudger.plist" and "LaunchAgents" in str(path)
    text = service_text(["/usr/bin/python3", "-m", "coach", "nudger", "<&>"], "darwin")
    assert "<string>&lt;&amp;&gt;</string>" in text and "<key>RunAtLoad</key>" in text


def tick_interrupted(sleep):
    """time.sleep for the nudger: its loop's first tick is a Ctrl+C; other waits are kept."""
    from coach.commands.nudger import TICK_S

    def sleeping(seconds: float) -> None:
        if seconds == TICK_S:
            raise KeyboardInterrupt
        sleep(seconds)

    return sleeping


@pytest.mark.parametrize("kind", ["fifo", "folder", "link"])
def test_a_lock_path_that_is_no_regular_file_is_named_with_the_fix_not_taken_for_a_nudger(
        data_dir, capsys, monkeypatch, kind):
    """A FIFO (or a folder, a link) at nudges/nudger.lock was reported as another nudger, or
    taken as the lock (then the nudger ran; its first sleep ends it here)."""
    import coach.commands.nudger as command

    monkeypatch.setattr(command.time, "sleep", tick_interrupted(command.time.sleep))
    lock = NudgeLog(data_dir).folder / NUDGER_FILE
    lock.parent.mkdir(parents=True, exist_ok=True)
    {"fifo": os.mkfifo, "folder": os.mkdir,
     "link": lambda p: os.symlink("/dev/zero", p)}[kind](lock)
    assert main(["--data-dir", str(data_dir), "nudger"]) == 2
    err = capsys.readouterr().err
    assert "already runs" not in err
    assert err.startswith(f"backcoach: {lock}: is a ") and err.count("\n") == 1
    assert "where backcoach keeps a lock file, not a regular file; remove it" in err


@pytest.mark.parametrize("name", [".lock", "nudges/.lock"])
def test_a_fifo_at_a_folder_lock_is_refused_with_the_fix(data_dir, capsys, name):
    """The store's and the nudges' write locks took a FIFO as their file and locked it."""
    from coach.core.storage.store import Store

    Store(data_dir).open()
    lock = NudgeLog(data_dir).folder.parent / name
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.unlink(missing_ok=True)
    os.mkfifo(lock)
    command = ["settings", "set", "bell", "off"] if name == ".lock" else \
        ["remind", "micro-break", "10:30"]
    assert main(["--data-dir", str(data_dir), *command]) == 2
    err = capsys.readouterr().err
    assert err == f"backcoach: {lock}: is a FIFO (named pipe) where backcoach keeps a lock " \
                  "file, not a regular file; remove it\n"


def test_a_fifo_at_clock_alive_is_named_by_the_nudger_which_still_runs(
        data_dir, capsys, monkeypatch):
    import coach.commands.nudger as command
    from coach.core.nudge.shared import ALIVE_FILE

    monkeypatch.setattr(command.time, "sleep", tick_interrupted(command.time.sleep))
    alive = NudgeLog(data_dir).folder / ALIVE_FILE
    alive.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(alive)
    assert main(["--data-dir", str(data_dir), "nudger"]) == 0
    out = capsys.readouterr()
    assert f"backcoach nudger: warning: {alive}: is a FIFO (named pipe) where backcoach " \
           "keeps a lock file, not a regular file; remove it" in out.out + out.err
