"""Which calendar day a session counts for. Defined once, here, for every screen and command."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def training_day(instant: dt.datetime, zone: str, day_start_hour: int = 4) -> dt.date:
    """The local day an instant counts for; before day_start_hour it still counts as yesterday."""
    local = instant.astimezone(ZoneInfo(zone))
    return (local - dt.timedelta(hours=day_start_hour)).date()


def local_zone_name() -> str:
    """The IANA name of the machine's zone ($TZ, then /etc/localtime), or 'UTC' when unknown."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        candidates.append(str(Path("/etc/localtime").resolve()).split("zoneinfo/", 1)[1])
    except (OSError, IndexError):
        pass
    for name in candidates:
        if not name:
            continue
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return "UTC"
