"""Which calendar day a session counts for. Defined once, here, for every screen and command."""

from __future__ import annotations

import datetime as dt
import warnings
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def training_day(instant: dt.datetime, zone: str, day_start_hour: int = 4) -> dt.date:
    """The local day an instant counts for; before day_start_hour it still counts as yesterday."""
    local = instant.astimezone(ZoneInfo(zone))
    return (local - dt.timedelta(hours=day_start_hour)).date()


def local_zone_name() -> str:
    """The IANA name of the machine's zone, as tzlocal finds it ($TZ, /etc/timezone, the
    /etc/localtime link and the other places systems keep it). Where /etc/localtime is a copy
    and nothing names it (common in containers), the name of a zone whose clock it keeps;
    'UTC' only when the machine says nothing (no /etc/localtime at all)."""
    import tzlocal  # only here: the first frame does not wait for it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tzlocal warns on stderr, which the TUI draws over
        try:
            name = tzlocal.get_localzone_name()
            if not name:
                return zone_keeping(tzlocal.get_localzone())
        except (ZoneInfoNotFoundError, ValueError, OSError):  # conflicting or unreadable
            return "UTC"
    return name if known_zone(name) else "UTC"


def known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


# A week apart over two years: zones that agree on all of these change clocks on the same days.
SAMPLES = tuple(dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC) + dt.timedelta(weeks=n)
                for n in range(105))


def zone_keeping(zone: dt.tzinfo) -> str:
    """The first zone by name (UTC first) that keeps the same clock as `zone`, so days begin
    and end at the same moments; 'UTC' if none does."""
    key = getattr(zone, "key", "")
    if key and key != "local" and known_zone(key):
        return key
    for name in ("UTC", *sorted(available_timezones())):
        try:
            candidate = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        if all(t.astimezone(candidate).utcoffset() == t.astimezone(zone).utcoffset()
               for t in SAMPLES):
            return name
    return "UTC"
