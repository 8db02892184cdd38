"""Who may use `backcoach serve`: the holder of its token, from its own page, by its own name.

textual-serve has no login, and a server on 127.0.0.1 is reachable from every web page the user
opens: a page on evil.example may open a websocket to it (browsers allow cross-site websockets,
and send the Origin they came from) or rebind its own name to 127.0.0.1 (then the browser sends
`Host: evil.example`). Either would drive the app and read the history. So, as Jupyter does:

- the server makes a random token and prints the address with it; the first request must carry
  it (`/?token=...`), and gets it back as a cookie (HttpOnly, SameSite=Strict) so the page, its
  socket and its downloads carry it without putting it in every address;
- the Host header must name the address the server is bound to (a rebound name does not);
- the websocket's Origin must be that same address (a page elsewhere has its own Origin).

Anything else is refused with 403 before textual-serve sees it. Only /static (textual-serve's
own scripts and fonts, the same for everyone) needs no token, but still the right Host.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

COOKIE = "backcoach_token"
PUBLIC = "/static/"  # textual-serve's scripts, styles and fonts: nothing of the user's

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _name(host: str) -> str:
    """A host as it appears in a Host header or a URL: an IPv6 address in brackets."""
    bare = host.strip("[]")
    try:
        return f"[{bare}]" if ipaddress.ip_address(bare).version == 6 else bare
    except ValueError:
        return host.lower()


def allowed_hosts(host: str, port: int, loopback: bool,
                  names: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """Which Host headers a request may carry (DNS rebinding sends the attacker's name).

    On loopback: the bound address or loopback by any of its names. With --allow-remote, also
    any IP address (a rebound name is a name: a browser never sends an address it did not
    open), this machine's host name (and its .local), and each name given with --allow-host;
    always with the port served on."""
    if loopback:
        shown = {_name(host), "localhost", "127.0.0.1", "[::1]"}
        return frozenset(f"{name}:{port}" for name in shown).__contains__
    here = socket.gethostname().lower()
    known = {_name(host), "localhost", here, f"{here}.local", *(_name(n) for n in names)}

    def allowed(header: str) -> bool:
        name, colon, given = header.rpartition(":")
        if not colon or given != str(port):
            return False
        try:
            ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))
        except ValueError:
            return name in known
        return True

    return allowed


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def guard(token: str, hosts: Callable[[str], bool]) -> Middleware:
    """The aiohttp middleware that refuses every request but the token holder's own."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        host = (request.headers.get("Host") or "").lower()
        if not hosts(host):
            raise web.HTTPForbidden(text="backcoach serve: not this server's address (serve "
                                         "it by another name with --allow-host NAME)\n")
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower() != f"{request.scheme}://{host}":
            raise web.HTTPForbidden(text="backcoach serve: a page elsewhere may not use it\n")
        if request.path.startswith(PUBLIC):
            return await handler(request)
        if request.path == "/ws" and origin is None:  # every browser sends it on a websocket
            raise web.HTTPForbidden(text="backcoach serve: a websocket needs its Origin\n")
        if _same(request.query.get("token"), token):
            # Into a cookie, and out of the address bar (and the history, and a screenshot).
            rest = request.rel_url.with_query(
                [(k, v) for k, v in request.query.items() if k != "token"])
            answer = web.HTTPFound(str(rest))
            answer.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
            raise answer
        if not _same(request.cookies.get(COOKIE), token):
            raise web.HTTPForbidden(
                text="backcoach serve: open the address with the token that serve printed\n"
            )
        return await handler(request)

    return check


def guarded_server(command: str, host: str, port: int, loopback: bool, token: str,
                   names: tuple[str, ...] = ()):
    """textual-serve's Server with the guard in front of every route, saying its address with
    the token at start (instead of textual-serve's own line, which has no token).

    The guard goes in through on_startup, textual-serve's public hook, which gets the aiohttp
    Application after every route is added and before aiohttp freezes it (AppRunner runs
    startup, then freeze): a middleware appended there wraps every route. Should a later
    aiohttp freeze first, the append raises and the server does not start: it never serves
    unguarded (tests/unit/test_serve.py runs this path for real)."""
    from textual_serve.server import Server

    class GuardedServer(Server):
        async def on_startup(self, app: web.Application) -> None:
            app.middlewares.append(guard(token, allowed_hosts(host, port, loopback, names)))
            print(f"backcoach: open {self.public_url}/?token={token}\n"
                  "backcoach: press Ctrl+C to stop", flush=True)

    return GuardedServer(command, host=host, port=port, title="backcoach")
