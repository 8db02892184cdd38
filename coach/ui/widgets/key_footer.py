"""The footer every screen uses: compact, and without the palette key (? help lists ctrl+p),
so the keys a screen needs most fit in 80 columns without a word cut."""

from __future__ import annotations

from textual.dom import NoScreen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

KEEP = "question_mark"  # help lists every key, so it is the last one given up
# The ways out and the settings come next to last: a narrow window (60x20) that cannot show
# every key gives up the screen's own extras (Edit, Progress, Skip…) before them.
KEPT_ACTIONS = frozenset({"quit", "app.quit", "settings", "app.settings", "stop"})


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._composed_for: tuple | None = None  # the keys the footer shows now

    def shown_keys(self) -> tuple:
        """What compose() would draw: each shown binding's key, label, action and state."""
        app = self.app
        return tuple(
            (b.key, app.get_key_display(b), b.description, b.action, enabled, tooltip, b.group)
            for _, b, enabled, tooltip in self.screen.active_bindings.values() if b.show
        )

    async def recompose(self) -> None:
        """Footer recomposes on every bindings refresh (each focus change, each reactive with
        bindings=True): a screen opening asks five or six times, and each rebuild restyles
        every key. Build the keys again only when what they show changed."""
        try:
            keys = self.shown_keys() if self._bindings_ready else None
        except NoScreen:  # on its way out: Footer's own recompose then does nothing
            keys = None
        if keys is not None and keys == self._composed_for:
            return
        self._composed_for = keys
        await super().recompose()
        self.call_after_refresh(self.fit_keys)

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit_keys)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_keys)

    def fit_keys(self) -> None:
        """Hide the keys that would run past the edge (from the right; the ways out and
        settings late, help last): a footer shows whole keys or none, never half a word."""
        keys = list(self.query(FooterKey))
        room = self.size.width
        if room <= 0 or not self.screen.is_current:  # not laid out, or under another screen
            return
        for key in keys:  # measured while shown; a hidden key keeps its last width
            if key.display and key.outer_size.width:
                key.fit_width = key.outer_size.width  # type: ignore[attr-defined]
        # Each key's width with its right margin (the footer's CSS puts one after every key).
        widths = [getattr(key, "fit_width", 0) + key.styles.margin.right for key in keys]
        shown = [True] * len(keys)
        rank = [2 if key.key == KEEP else 1 if key.action in KEPT_ACTIONS else 0 for key in keys]
        order = sorted(reversed(range(len(keys))), key=lambda n: rank[n])  # stable: right first
        for n in order:
            if sum(w for w, s in zip(widths, shown, strict=True) if s) <= room + 1:
                break
            shown[n] = False
        for key, show in zip(keys, shown, strict=True):
            key.display = show
