"""A running app follows this machine's history when `backcoach doctor --sync-dir` moves it."""

from __future__ import annotations

from pathlib import Path

from coach.core.text import terminal_safe
from coach.ui.context import Lent
from coach.ui.store_gate import StoreGate


def follow_data_folder(lent: Lent, gate: StoreGate) -> None:
    """Asked every half minute: the store follows a move (in the writer, after any write under
    way, so no save lands half in each folder) and the user hears where it went."""
    store = lent.store
    if store is None or not gate.is_open:
        return
    before = store.folder

    def said(folder: Path) -> None:
        if folder != before:
            lent.notify(f"Your history moved to {terminal_safe(str(folder))} (backcoach doctor "
                        "--sync-dir); the app saves there from now on.",
                        title="Data folder moved", timeout=15, markup=False)

    lent.writer.write("follow your data folder", store.follow_move, then=said)
