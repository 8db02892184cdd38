"""The footer every screen uses: one line of keys drawn from public API, without the palette
key (? help lists ctrl+p), showing whole keys only: where the line is too short it drops keys
from the right and gives up `? Help` last.

It is one widget that renders a line of text, not a row of child widgets: nothing to
recompose when focus moves, and no private Footer flags to read. It looks as Textual's
compact Footer does (same theme variables), so a screen's picture does not change.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget

KEEP = "question_mark"  # help lists every key, so it is the last one given up
# The ways out and the settings come next to last: a narrow window (60x20) that cannot show
# every key gives up the screen's own extras (Edit, Progress, Skip…) before them.
KEPT_ACTIONS = frozenset({"quit", "app.quit", "settings", "app.settings", "stop",
                          "app.pop_screen", "back"})


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str  # the key as Textual names it ("question_mark"), what a click presses
    display: str  # the key as the footer draws it ("?")
    description: str
    enabled: bool
    action: str = ""  # what the key does: the ways out and settings are given up late

    @property
    def width(self) -> int:
        """Cells the key takes, with the gap after it."""
        return len(self.display) + 1 + len(self.description) + 1


def fitting(entries: list[FooterEntry], room: int) -> list[FooterEntry]:
    """The entries that fit in `room` cells, in their order: whole keys only, dropped from the
    right, the ways out and settings late, help last. The last key's gap may run off the edge."""
    shown = [True] * len(entries)
    rank = [2 if e.key == KEEP else 1 if e.action in KEPT_ACTIONS else 0 for e in entries]
    order = sorted(reversed(range(len(entries))), key=lambda n: rank[n])  # stable: right first
    for n in order:
        if sum(e.width for e, s in zip(entries, shown, strict=True) if s) <= room + 1:
            break
        shown[n] = False
    return [e for e, s in zip(entries, shown, strict=True) if s]


class KeyLine(Widget):
    """The keys as one line of text, as wide as the keys (the footer's background runs on)."""

    ALLOW_SELECT = False
    DEFAULT_CSS = "KeyLine { width: auto; height: 1; text-wrap: nowrap; }"

    def __init__(self, footer: KeyFooter) -> None:
        super().__init__()
        self.footer = footer

    def render(self) -> Text:
        return self.footer.line()

    def on_click(self, event: events.Click) -> None:
        self.footer.press_at(event.x)


class KeyFooter(Widget, can_focus=False):
    """The keys of the screen's active bindings, in one line docked at the bottom.

    `entries` is what the bindings offer; `shown` what fits now. A click on a key presses it.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[FooterEntry] = []

    def compose(self) -> ComposeResult:
        yield KeyLine(self)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        try:
            self.screen.bindings_updated_signal.unsubscribe(self)
        except NoScreen:
            pass

    def bindings_changed(self, screen: Screen) -> None:
        """The screen's bindings changed (focus moved, a binding was enabled): redraw only
        when what the footer shows changed."""
        if screen is not self.screen:
            return
        entries: dict[str, FooterEntry] = {}  # one key per action ("n,right": n), as Footer
        for _, b, enabled, _tooltip in screen.active_bindings.values():
            if b.show and b.action not in entries:
                entries[b.action] = FooterEntry(b.key, self.app.get_key_display(b),
                                                b.description, enabled, b.action)
        if list(entries.values()) != self.entries:
            self.entries = list(entries.values())
            self.query_one(KeyLine).refresh(layout=True)

    def on_resize(self) -> None:
        self.query_one(KeyLine).refresh(layout=True)

    @property
    def shown(self) -> list[FooterEntry]:
        return fitting(self.entries, self.size.width)

    def line(self) -> Text:
        """The shown keys with a one-cell gap between them (after the last key the footer's
        own background runs on, as after Textual's footer keys)."""
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        line = Text(no_wrap=True, overflow="crop")
        for entry in self.shown:
            if line:
                line.append(" ")
            start = len(line)
            line.append(entry.display, key_style)
            line.append(" " + entry.description, description_style)
            if not entry.enabled:
                line.stylize("dim", start)
        return line

    def press_at(self, x: int) -> None:
        """Press the key drawn at column x, as a click on Textual's footer does."""
        for entry in self.shown:
            if 0 <= x < entry.width - 1:
                if entry.enabled:
                    self.app.simulate_key(entry.key)
                else:
                    self.app.bell()
                return
            x -= entry.width
