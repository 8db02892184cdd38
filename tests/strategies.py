"""Hostile text for property tests: what a user, a pasted file or an attacker may put in a name.

Reusable by any test (CLI, TUI, core): `hostile_text()` mixes terminal escapes, C0/C1 controls,
bidi overrides, Rich/Textual markup, lone surrogates, wide and combining letters, spreadsheet
formulas and very long runs, joined at random with ordinary text.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Each one has broken a terminal, a markup parser or a spreadsheet somewhere.
NASTY = (
    "\x1b[2J",  # clear the screen
    "\x1b]52;c;aGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b]8;;http://example.invalid\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1bP+q544e\x1b\\",  # DCS: ask the terminal to answer
    "\x1b[6n",  # ask for the cursor position (an answer arrives as input)
    "\x9b2J",  # CSI as a single C1 byte
    "\x85",  # NEL
    "\x00", "\x07", "\x08", "\t", "\n", "\r", "\x7f",
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c",
    "\u2028", "\u2029",
    "[/]", "[b]", "[/b]", "[@click=app.quit]q[/]", "[link=http://x]x[/link]", "[red on red]",
    "\\[b]", "[", "]", "[[", "{streak}", "{0}", "%s", "%n",
    "\ud800", "\udfff", "\udc80",  # lone surrogates (not encodable as UTF-8)
    "背中", "🧘\u200d♀️", "e\u0301\u0301\u0301\u0301", "\uff37\uff29\uff24\uff25", "\ufeff",
    '=HYPERLINK("http://example.invalid","x")', "+1", "-1", "@SUM(A1)",
    '"', "'", "\\", '"""', "'''", "#", "= [", "\\u001b",
)

_nasty = st.sampled_from(NASTY)
_any_char = st.characters(exclude_categories=())  # every code point, surrogates included
_plain = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12)
_fragment = st.one_of(_nasty, _plain, st.text(_any_char, max_size=8))


@st.composite
def _repeated(draw: st.DrawFn) -> str:
    # Huge text: a fragment many times over, past every length limit a screen or model has.
    return draw(_fragment) * draw(st.integers(min_value=50, max_value=3000))


def hostile_text(min_size: int = 0) -> st.SearchStrategy[str]:
    """Any string, weighted towards ones that break terminals, markup and spreadsheets."""
    joined = st.lists(_fragment, max_size=8).map("".join)
    return st.one_of(joined, joined, joined, _repeated()).filter(lambda s: len(s) >= min_size)


def hostile_line(max_size: int = 40) -> st.SearchStrategy[str]:
    """Hostile text cut to a name's length (2..max_size): it gets past length checks."""
    return hostile_text().map(lambda s: (s + "xx")[:max_size])
