"""Which characters a terminal can draw: the figure's mode, and whether it is the Linux console."""

from __future__ import annotations

from collections.abc import Mapping

from coach.core.figure.raster import Mode

MODES: tuple[Mode, ...] = ("braille", "blocks", "ascii")


def linux_console(env: Mapping[str, str]) -> bool:
    """The Linux virtual console (TERM=linux): its font has no braille, and none of ⏎ ▕ ≤ ⭘
    either, so the figures and the UI's few symbols fall back to what it has."""
    return env.get("TERM", "") == "linux"


def pick_mode(env: Mapping[str, str]) -> Mode:
    """BACKCOACH_FIGURES if set; ASCII without a UTF-8 locale; half blocks on the Linux
    console (its font has no braille); braille everywhere else."""
    chosen = env.get("BACKCOACH_FIGURES", "").strip().lower()
    if chosen in MODES:
        return chosen  # type: ignore[return-value]
    locale = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or ""
    if locale and "utf" not in locale.lower().replace("-", ""):
        return "ascii"
    if linux_console(env):
        return "blocks"
    return "braille"
