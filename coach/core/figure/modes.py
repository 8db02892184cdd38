"""Which characters a terminal can draw the figure with."""

from __future__ import annotations

from collections.abc import Mapping

from coach.core.figure.raster import Mode

MODES: tuple[Mode, ...] = ("braille", "blocks", "ascii")


def pick_mode(env: Mapping[str, str]) -> Mode:
    """BACKCOACH_FIGURES if set; ASCII without a UTF-8 locale; half blocks on the Linux
    console (its font has no braille); braille everywhere else."""
    chosen = env.get("BACKCOACH_FIGURES", "").strip().lower()
    if chosen in MODES:
        return chosen  # type: ignore[return-value]
    locale = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or ""
    if locale and "utf" not in locale.lower().replace("-", ""):
        return "ascii"
    if env.get("TERM", "") == "linux":
        return "blocks"
    return "braille"
