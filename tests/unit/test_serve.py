"""`backcoach serve`: refuses an address others can reach unless told, and serves on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from coach.cli import main
from coach.commands.serve import is_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.com", "10.0.0.1"])
def test_serve_refuses_an_address_others_reach(capsys, data_dir: Path, host: str):
    assert main(["serve", "--host", host]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"backcoach: serve: {host} can be reached from other machines")
    assert "--allow-remote" in err and "anyone who can reach the port" in err
    assert not data_dir.exists()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("LOCALHOST", True), ("0.0.0.0", False), ("localhost.evil", False)],
)
def test_which_addresses_are_loopback(host: str, loopback: bool):
    assert is_loopback(host) is loopback


def test_help_says_who_can_use_it():
    done = subprocess.run([sys.executable, "-m", "coach", "serve", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert "Anyone who can reach the port can use the app" in " ".join(done.stdout.split())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_starts_on_loopback(tmp_path: Path):
    pytest.importorskip("textual_serve")  # the web extra; the test extra installs it
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "coach", "--data-dir", str(tmp_path / "data"), "serve",
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        page = None
        for _ in range(300):  # up to a minute on a slow machine; polled, not timed
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    page = reply.read().decode()
                    break
            except OSError:
                time.sleep(0.2)
        assert page is not None, server.stdout.read().decode() if server.poll() is not None else ""
        assert "<div>backcoach</div>" in page
        assert f"ws://127.0.0.1:{port}/ws" in page  # the app's socket, on loopback too
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_port_in_use_is_one_line_before_any_banner(tmp_path: Path):
    pytest.importorskip("textual_serve")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "coach", "--data-dir", str(tmp_path / "data"), "serve",
             "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""  # no "Serving…" banner first
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"backcoach: serve: cannot listen on 127.0.0.1:{port} (")
    assert "pick another --port" in done.stderr
