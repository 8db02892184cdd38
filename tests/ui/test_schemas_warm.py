"""The models defer their pydantic schemas (the first frame builds none); once the first frame
is out, the prefetch thread builds them, so the first session's start builds none either."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

CODE = """
import asyncio, threading, pydantic
from coach.commands.common import shipped_library
from coach.ui.app import CoachApp

def ours():
    def walk(c):
        for s in c.__subclasses__():
            yield s
            yield from walk(s)
    return {c for c in walk(pydantic.BaseModel) if c.__module__.startswith("coach.")}

async def main():
    app = CoachApp(library=shipped_library(), store=None)
    async with app.run_test(size=(80, 24)) as pilot:
        print("at first frame:", sorted(c.__name__ for c in ours() if c.__pydantic_complete__
                                       and c.__name__ in ("Settings", "SessionRecord")))
        for thread in threading.enumerate():
            if thread.name == "prefetch-screens":
                thread.join(20)
        await pilot.pause()
        print("after:", sorted(c.__name__ for c in ours() if not c.__pydantic_complete__),
              "StretchRecord" in {c.__name__ for c in ours()})

asyncio.run(main())
"""


def test_no_schema_at_the_first_frame_and_every_one_built_after_it(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CACHE_HOME=str(tmp_path / "cache"),
               BACKCOACH_DATA_DIR=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env,
                         check=True, timeout=120).stdout
    assert "at first frame: []" in out
    assert "after: [] True" in out
