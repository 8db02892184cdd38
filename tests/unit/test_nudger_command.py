"""`backcoach nudger`: one per machine, and --install / --uninstall of the user service."""

from __future__ import annotations

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
