"""`backcoach serve`: refuses an address others can reach unless told, and serves on loopback."""

from __future__ import annotations

import base64
import contextlib
import http.client
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
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


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str]]:
    """A real `backcoach serve` on loopback: (its port, the token it printed)."""
    yield from serving(tmp_path_factory)


@pytest.fixture(scope="module")
def served_remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str]]:
    """A real `backcoach serve --allow-remote` on every address, with one --allow-host."""
    yield from serving(tmp_path_factory, "--host", "0.0.0.0", "--allow-remote",
                       "--allow-host", "Coach.Example")


def serving(tmp_path_factory: pytest.TempPathFactory, *options: str) -> Iterator[tuple[int, str]]:
    pytest.importorskip("textual_serve")  # the web extra; the test extra installs it
    port = free_port()
    folder = tmp_path_factory.mktemp("serve") / "data"
    server = subprocess.Popen(
        [sys.executable, "-m", "coach", "--data-dir", str(folder), "serve", "--port", str(port),
         *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        said = b""
        deadline = time.monotonic() + 60  # a slow machine; polled, not timed
        while b"?token=" not in said or not said.endswith(b"\n"):
            ready, _, _ = select.select([server.stdout], [], [], 1)
            assert time.monotonic() < deadline and server.poll() is None, said.decode()
            if ready:
                said += os.read(server.stdout.fileno(), 4096)  # type: ignore[union-attr]
        found = re.search(rf"open http://[0-9.]+:{port}/\?token=([A-Za-z0-9_-]{{40,}})\n",
                          said.decode())
        assert found, said.decode()
        for _ in range(300):
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            time.sleep(0.2)
        yield port, found.group(1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
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


def ask(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """GET path with exactly these headers (Host too); a websocket upgrade's body is not read."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    for name, value in headers.items():
        connection.putheader(name.replace("_", "-"), value)
    connection.endheaders()
    reply = connection.getresponse()
    body = b"" if reply.status == 101 else reply.read()
    connection.close()
    return reply.status, dict(reply.getheaders()), body


UPGRADE = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec_WebSocket_Version": "13",
           "Sec_WebSocket_Key": base64.b64encode(b"0123456789abcdef").decode()}


def test_the_right_page_gets_in_and_is_given_the_token_as_a_cookie(served):
    port, token = served
    here = f"127.0.0.1:{port}"
    status, headers, _ = ask(port, f"/?token={token}", Host=here)
    assert status == 302 and headers["Location"] == "/"  # out of the address bar
    cookie = headers["Set-Cookie"]
    assert f"backcoach_token={token}" in cookie and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    status, _, page = ask(port, "/", Host=here, Cookie=f"backcoach_token={token}")
    assert status == 200 and "<div>backcoach</div>" in page.decode()
    assert f"ws://{here}/ws" in page.decode()  # the app's socket, on loopback too
    status, _, _ = ask(port, "/ws?width=80&height=24", Host=here, Origin=f"http://{here}",
                       Cookie=f"backcoach_token={token}", **UPGRADE)
    assert status == 101  # the app's socket opens for its own page


HERE, EVIL, TOKEN = "127.0.0.1:{port}", "evil.example:{port}", "backcoach_token={token}"
HOSTILE = {  # what a web page elsewhere can make the user's browser send
    "no token": ("/", {"Host": HERE}),
    "a guessed token": ("/?token=guessed", {"Host": HERE}),
    "a guessed cookie": ("/", {"Host": HERE, "Cookie": "backcoach_token=guessed"}),
    "DNS rebinding, with the token": ("/?token={token}", {"Host": EVIL}),
    "DNS rebinding, with the cookie": ("/", {"Host": EVIL, "Cookie": TOKEN}),
    "DNS rebinding, no port": ("/", {"Host": "evil.example", "Cookie": TOKEN}),
    "cross-site websocket": ("/ws", {"Host": HERE, "Origin": "http://evil.example",
                                     "Cookie": TOKEN, **UPGRADE}),
    "cross-site websocket, rebound": ("/ws", {"Host": EVIL, "Origin": f"http://{EVIL}",
                                              "Cookie": TOKEN, **UPGRADE}),
    "websocket from a sandboxed page": ("/ws", {"Host": HERE, "Origin": "null",
                                                "Cookie": TOKEN, **UPGRADE}),
    "websocket with no Origin": ("/ws", {"Host": HERE, "Cookie": TOKEN, **UPGRADE}),
    "websocket with no token": ("/ws", {"Host": HERE, "Origin": f"http://{HERE}", **UPGRADE}),
    "a download with no token": ("/download/x", {"Host": HERE}),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_requests_are_refused(served, case: str):
    port, token = served
    path, headers = HOSTILE[case]
    status, _, body = ask(port, path.format(token=token),
                          **{k: v.format(port=port, token=token) for k, v in headers.items()})
    assert status == 403, (case, body)


REMOTE = {  # Host header -> let in: with --allow-remote, DNS rebinding still sends its own name
    "evil.example:{port}": False,
    "evil.example": False,
    "coach.example:{port}": True,  # named with --allow-host
    "coach.example:1": False,
    "192.168.1.20:{port}": True,  # an address: no rebound name
    "[fe80::1]:{port}": True,
    "127.0.0.1:{port}": True,
    f"{socket.gethostname()}:{{port}}": True,
}


@pytest.mark.parametrize("host", REMOTE)
def test_with_allow_remote_the_host_header_must_still_be_an_address_or_a_known_name(
        served_remote, host: str):
    port, token = served_remote
    status, _, body = ask(port, f"/?token={token}", Host=host.format(port=port))
    assert status == (302 if REMOTE[host] else 403), (host, body)
    if status == 403:
        assert b"--allow-host NAME" in body


def test_allow_host_is_refused_on_loopback(capsys, data_dir: Path):
    assert main(["serve", "--allow-host", "coach.example"]) == 2
    assert capsys.readouterr().err.startswith("backcoach: serve: --allow-host is for --allow-")
