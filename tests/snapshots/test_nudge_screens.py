"""The nudge, the insistent nudge and the compact pane at 80x24, on a hand-wound clock.

Regenerate with `pytest tests/snapshots/test_nudge_screens.py --snapshot-update` only after
looking at the pictures.
"""

from __future__ import annotations

import pytest

from coach.core.time.clock import ManualClock
from coach.ui.app import CoachApp


def nudge_after(snoozes: int):
    """A run_before: sit through the interval, snooze `snoozes` times, then the nudge."""

    async def run(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        clock = pilot.app.clock
        for _ in range(snoozes + 1):
            clock.advance(60 if pilot.app.nudges.timer.snoozes == 0 and _ == 0 else 5 * 60)
            pilot.app.nudges.tick()
            await pilot.pause()
            if _ < snoozes:
                await pilot.press("z")
        pilot.app.clear_notifications()  # "Snoozed" notices, gone long before five minutes
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run


@pytest.mark.parametrize(("compact", "snoozes"), [(False, 0), (False, 2), (True, -1)],
                         ids=["nudge", "insistent_nudge", "compact_pane"])
def test_nudge_screens(snap_compare, library, ready_store, compact, snoozes):
    ready_store.save_settings(ready_store.settings().model_copy(update={"nudge_minutes": 1}))
    app = CoachApp(library=library, store=ready_store, clock=ManualClock(), zone="UTC",
                   animate=False, compact=compact or None)
    if compact:  # the pane a while into a stretch, no nudge yet
        async def run(pilot) -> None:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            pilot.app.clock.advance(35)
            pilot.app.nudges.tick()
            await pilot.pause()
    assert snap_compare(app, terminal_size=(80, 24),
                        run_before=run if compact else nudge_after(snoozes))
