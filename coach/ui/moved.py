"""A running app follows this machine's history when `backcoach doctor --sync-dir` moves it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.text import terminal_safe

if TYPE_CHECKING:
    from coach.ui.app import CoachApp


def follow_data_folder(app: CoachApp) -> None:
    """Asked every half minute: the store follows a move (in the writer, after any write under
    way, so no save lands half in each folder) and the user hears where it went."""
    store = app.store
    if store is None or not app.store_ready:
        return
    before = store.folder

    def said(folder: Path) -> None:
        if folder != before:
            app.notify(f"Your history moved to {terminal_safe(str(folder))} (backcoach doctor "
                       "--sync-dir); the app saves there from now on.",
                       title="Data folder moved", timeout=15, markup=False)

    app.writer.write("follow your data folder", store.follow_move, then=said)
