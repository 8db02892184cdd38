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


def allowed_hosts(host: str, port: int, loopback: bool) -> frozenset[str] | None:
    """The Host headers a request may carry; None when any may (bound to an address others
    reach: the user names it however their network does, and the token still guards it)."""
    if not loopback:
        return None
    names = {_name(host)}
    names |= {"localhost", "127.0.0.1", "[::1]"}  # loopback by any of its names, never another
    return frozenset(f"{name}:{port}" for name in names)


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def guard(token: str, hosts: frozenset[str] | None) -> Middleware:
    """The aiohttp middleware that refuses every request but the token holder's own."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        host = (request.headers.get("Host") or "").lower()
        if hosts is not None and host not in hosts:
            raise web.HTTPForbidden(text="backcoach serve: not this server's address\n")
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


def guarded_server(command: str, host: str, port: int, loopback: bool, token: str):
    """textual-serve's Server with the guard in front of every route, saying its address with
    the token at start (instead of textual-serve's own line, which has no token)."""
    from textual_serve.server import Server

    class GuardedServer(Server):
        async def _make_app(self) -> web.Application:  # where textual-serve builds its routes
            app = await super()._make_app()
            app.middlewares.append(guard(token, allowed_hosts(host, port, loopback)))
            return app

        async def on_startup(self, app: web.Application) -> None:
            print(f"backcoach: open {self.public_url}/?token={token}\n"
                  "backcoach: press Ctrl+C to stop", flush=True)

    return GuardedServer(command, host=host, port=port, title="backcoach")
