"""Start `backcoach serve` on a free loopback port, open it in headless Chromium, save a PNG.

    python scripts/serve_screenshot.py [--output screenshots/serve.png] [--data-dir PATH]

Needs the web extra (textual-serve) and Chromium (Debian: apt-get install chromium). The data
folder defaults to a fresh temporary one with a few weeks of sample sessions, so the picture
never shows anyone's real history.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sample_data(folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from coach.core.content.loading import load_library
    from coach.core.history.sample import sample_history
    from coach.core.storage.store import Store
    from coach.paths import content_dir

    store = Store(folder)
    store.open()
    store.save_settings(store.settings().model_copy(update={"safety_acknowledged": True}))
    for record in sample_history(load_library(content_dir()), dt.date.today(), 40):
        store.save_session(record)


def wait_for(url: str, server: subprocess.Popen, tries: int = 300) -> None:
    for _ in range(tries):
        if server.poll() is not None:
            raise SystemExit(f"serve stopped: {server.stdout.read().decode()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} never answered")


async def screenshot(browser: str, url: str, size: str, wait_ms: int, tmp: Path) -> bytes:
    """The page after `wait_ms` of real time: the app draws over a websocket, after load."""
    import aiohttp  # textual-serve's own dependency, so the web extra brings it

    port = free_port()
    chromium = subprocess.Popen(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={size}", f"--remote-debugging-port={port}",
         f"--user-data-dir={tmp / 'browser'}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(150):
                try:
                    async with http.get(f"http://127.0.0.1:{port}/json/list") as reply:
                        pages = [p for p in await reply.json() if p["type"] == "page"]
                    break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.2)
            else:
                raise SystemExit("Chromium's debugging port never answered")
            async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                calls = iter(range(1, 1000))

                async def call(method: str, **params: object) -> dict:
                    number = next(calls)
                    await ws.send_json({"id": number, "method": method, "params": params})
                    async for message in ws:
                        data = message.json()
                        if data.get("id") == number:
                            return data["result"]
                    raise SystemExit("Chromium closed the connection")

                await call("Page.navigate", url=url)
                await asyncio.sleep(wait_ms / 1000)
                shot = await call("Page.captureScreenshot", format="png")
                return base64.b64decode(shot["data"])
    finally:
        chromium.terminate()
        chromium.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "screenshots" / "serve.png")
    parser.add_argument("--data-dir", type=Path, help="default: a temporary folder, sample data")
    parser.add_argument("--size", default="1100,760", help="browser window, pixels (w,h)")
    parser.add_argument("--wait-ms", type=int, default=8000, help="time for the app to draw")
    args = parser.parse_args()
    browser = next((b for b in map(shutil.which, BROWSERS) if b), None)
    if browser is None:
        raise SystemExit("no Chromium found; on Debian: apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="backcoach-serve-") as tmp:
        folder = args.data_dir or Path(tmp) / "data"
        if args.data_dir is None:
            sample_data(folder)
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [sys.executable, "-m", "coach", "--data-dir", str(folder), "serve", "--port",
             str(port)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            wait_for(url, server)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            png = asyncio.run(screenshot(browser, url, args.size, args.wait_ms, Path(tmp)))
            args.output.write_bytes(png)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
