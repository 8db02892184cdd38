"""`backcoach serve`: the app in a web browser, through textual-serve (the optional web extra).

The served app reads and changes the user's history, and textual-serve has no login. So it binds
to loopback unless the user says otherwise, plainly, and serve_guard.py lets in only the holder
of the token it prints, from its own page and by its own address (any web page the user opens
can reach 127.0.0.1).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path

from coach.commands.common import UserError
from coach.paths import data_dir

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
WARNING = (
    "anyone who can reach the port can use the app and read and change your history "
    "(there is no login)"
)


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host`: 127.0.0.0/8, ::1, or the name localhost."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # another host name: what it resolves to may change, so it is not
        return False


def served_by_web_driver() -> bool:
    """Whether this process is the app textual-serve started (keys come through a pipe)."""
    return os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default=DEFAULT_HOST,
        help=f"the address to listen on (default: {DEFAULT_HOST}, this machine only)",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"the port (default: {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--allow-remote", action="store_true",
        help=f"listen on an address other machines can reach; {WARNING}",
    )
    parser.add_argument(
        "--allow-host", action="append", default=[], metavar="NAME",
        help="with --allow-remote: a name the browser may reach it by, besides its addresses "
        "and this machine's host name (others are refused: DNS rebinding)",
    )


def check_port(host: str, port: int) -> None:
    """Bind the address once, as the server will, before anything is printed: a port in use
    is one line and exit 2, not the "Serving…" banner and then a failure."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
            probe.bind((host.strip("[]"), port))
    except OSError as exc:  # in use, or an address that is not this machine's
        raise UserError(
            f"serve: cannot listen on {host}:{port} ({exc.strerror or exc}); "
            "pick another --port or --host"
        ) from None


def cmd_serve(args: argparse.Namespace) -> int:
    if not is_loopback(args.host) and not args.allow_remote:
        raise UserError(
            f"serve: {args.host} can be reached from other machines, and {WARNING}; "
            "use --host 127.0.0.1, or add --allow-remote if you mean it"
        )
    if args.allow_host and is_loopback(args.host):
        raise UserError("serve: --allow-host is for --allow-remote; on loopback only this "
                        "machine's own names reach it")
    if not 1 <= args.port <= 65535:
        raise UserError(f"serve: --port {args.port} is not a port; give 1 to 65535")
    try:
        from coach.commands.serve_guard import guarded_server, new_token
    except ImportError:
        raise UserError(
            "serve: needs the web extra; install it with: pip install 'backcoach[web]'"
        ) from None
    check_port(args.host, args.port)
    folder = data_dir(args.data_dir)
    # The app runs as a shell command; the same coach as this one, wherever the shell starts.
    here = shlex.quote(str(Path(__file__).resolve().parents[2]))
    command = f'PYTHONPATH={here}"${{PYTHONPATH:+:$PYTHONPATH}}" ' + shlex.join(
        [sys.executable, "-m", "coach", "--data-dir", str(folder)]
    )
    server = guarded_server(command, args.host, args.port, is_loopback(args.host), new_token(),
                            tuple(args.allow_host))
    if not is_loopback(args.host):
        print(f"backcoach: warning: serving on {args.host}: {WARNING}", file=sys.stderr)
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        raise UserError(
            f"serve: cannot listen on {args.host}:{args.port} ({exc.strerror or exc}); "
            "pick another --port or --host"
        ) from None
    return 0
