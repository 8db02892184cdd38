"""A lock file that is no regular file, met by the app: said in a notice, and the app goes on."""

from __future__ import annotations

import os

from coach.core.nudge.log import NudgeLog
from coach.core.nudge.shared import ALIVE_FILE
from tests.ui.test_faults import make, notices, start, written


async def test_a_fifo_at_clock_alive_is_a_notice_naming_it_and_the_app_goes_on(
        library, data_dir, ready_store, settle, tmp_path):
    """The app's share of clock.alive (so `status` sees a copy keeping time) failed silently
    on a FIFO there; now a notice names the file and the fix."""
    alive = NudgeLog(data_dir).folder / ALIVE_FILE
    alive.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(alive)
    app, _, _ = make(library, data_dir, (), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await written(pilot)
        assert f"{alive}: is a FIFO (named pipe) where backcoach keeps a lock file, not a " \
               "regular file; remove it" in notices(app)
        await start(pilot)  # and the app goes on
