"""The garbage collector is off while `backcoach` starts (coach/__main__.py, cli.main) and on
again once the first frame is out.

A start imports and builds some hundred thousand objects and frees almost none: the
collector's sweeps over them (a full one among them) were tens of ms of the first frame, and
found nothing to free.
"""

from __future__ import annotations

import gc


def sweeps_on() -> None:
    gc.enable()
