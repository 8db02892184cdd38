"""`backcoach nudger --install` / `--uninstall`: a systemd user unit (Linux) or a launchd
agent (macOS). Written, never started: the user enables it with the command it prints."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from xml.sax.saxutils import escape

UNIT = "backcoach-nudger.service"
AGENT = "org.backcoach.nudger"


def service_file(home: Path, platform: str = sys.platform) -> Path:
    if platform == "darwin":
        return home / "Library" / "LaunchAgents" / f"{AGENT}.plist"
    return home / ".config" / "systemd" / "user" / UNIT


def service_text(command: list[str], platform: str = sys.platform) -> str:
    if platform == "darwin":
        args = "".join(f"    <string>{escape(a)}</string>\n" for a in command)
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                "<plist version=\"1.0\">\n<dict>\n"
                f"  <key>Label</key><string>{AGENT}</string>\n"
                "  <key>ProgramArguments</key>\n  <array>\n"
                f"{args}  </array>\n"
                "  <key>RunAtLoad</key><true/>\n  <key>KeepAlive</key><true/>\n"
                "</dict>\n</plist>\n")
    return ("[Unit]\nDescription=backcoach nudger: stand-up nudges with no window open\n\n"
            f"[Service]\nExecStart={shlex.join(command)}\nRestart=on-failure\n\n"
            "[Install]\nWantedBy=default.target\n")


def how_to(path: Path, platform: str = sys.platform) -> tuple[str, str]:
    """(enable, remove) commands for the file written."""
    if platform == "darwin":
        return (f"launchctl load -w {shlex.quote(str(path))}",
                f"launchctl unload -w {shlex.quote(str(path))}; backcoach nudger --uninstall")
    return (f"systemctl --user daemon-reload && systemctl --user enable --now {UNIT}",
            f"systemctl --user disable --now {UNIT}; backcoach nudger --uninstall")
