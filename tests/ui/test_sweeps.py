"""`python -m coach` starts with the garbage collector off (its sweeps found nothing to free
and cost the first frame tens of ms); the app turns it on once its first frame is out."""

from __future__ import annotations

import gc
import subprocess
import sys

from coach.ui.app import CoachApp


async def test_the_collector_is_on_again_after_the_first_frame(library):
    gc.disable()
    try:
        app = CoachApp(library=library, store=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


def test_a_command_that_is_not_the_app_runs_with_the_collector_on(data_dir):
    code = ("import coach.cli\n"
            "try:\n"
            "    coach.cli.main(['status', '--json'])\n"
            "finally:\n"
            "    print('enabled', gc.isenabled())\n")
    out = subprocess.run([sys.executable, "-c", "import gc; gc.disable()\n" + code],
                         capture_output=True, text=True).stdout
    assert "enabled True" in out
