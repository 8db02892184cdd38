from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from coach.core.history.progress import streaks
from coach.core.time.days import training_day

UTC = dt.UTC


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def local(text: str, zone: str, fold: int = 0) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone), fold=fold)


D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("instant", "zone", "day_start_hour", "expected"),
    [
        # The same instant is a different local day across the widest spread of zones.
        (utc("2026-06-15T12:00"), "Etc/GMT+12", 4, D("2026-06-14")),  # 00:00 local, UTC-12
        (utc("2026-06-15T12:00"), "Etc/GMT+12", 0, D("2026-06-15")),
        (utc("2026-06-15T12:00"), "UTC", 4, D("2026-06-15")),
        (utc("2026-06-15T12:00"), "Pacific/Kiritimati", 4, D("2026-06-15")),  # 02:00, UTC+14
        (utc("2026-06-15T12:00"), "Pacific/Kiritimati", 0, D("2026-06-16")),
        (utc("2026-06-15T09:59"), "Pacific/Kiritimati", 0, D("2026-06-15")),  # 23:59 local
        (utc("2026-06-15T10:00"), "Pacific/Kiritimati", 0, D("2026-06-16")),
        # Half- and quarter-hour zones: the day starts at 04:00 local, not on a UTC hour.
        (utc("2026-06-15T22:29"), "Asia/Kolkata", 4, D("2026-06-15")),  # 03:59 +05:30
        (utc("2026-06-15T22:30"), "Asia/Kolkata", 4, D("2026-06-16")),  # 04:00 +05:30
        (utc("2026-06-15T22:14"), "Asia/Kathmandu", 4, D("2026-06-15")),  # 03:59 +05:45
        (utc("2026-06-15T22:15"), "Asia/Kathmandu", 4, D("2026-06-16")),  # 04:00 +05:45
        # Berlin springs forward on 2026-03-29 at 01:00 UTC: 02:00 CET becomes 03:00 CEST.
        (utc("2026-03-29T00:59"), "Europe/Berlin", 4, D("2026-03-28")),  # 01:59 CET
        (utc("2026-03-29T01:30"), "Europe/Berlin", 4, D("2026-03-28")),  # 03:30 CEST
        (utc("2026-03-29T02:00"), "Europe/Berlin", 4, D("2026-03-29")),  # 04:00 CEST
        (utc("2026-03-28T02:30"), "Europe/Berlin", 4, D("2026-03-27")),  # 03:30 CET, day before
        (utc("2026-03-29T00:59"), "Europe/Berlin", 2, D("2026-03-28")),  # 01:59, then a gap
        (utc("2026-03-29T01:00"), "Europe/Berlin", 2, D("2026-03-29")),  # 03:00: 02:xx skipped
        (local("2026-03-29T02:30", "Europe/Berlin"), "Europe/Berlin", 2, D("2026-03-29")),
        # Berlin falls back on 2026-10-25 at 01:00 UTC: 02:00-03:00 local happens twice.
        (utc("2026-10-25T00:30"), "Europe/Berlin", 4, D("2026-10-24")),  # 02:30 CEST
        (utc("2026-10-25T01:30"), "Europe/Berlin", 4, D("2026-10-24")),  # 02:30 CET
        (utc("2026-10-25T02:59"), "Europe/Berlin", 4, D("2026-10-24")),  # 03:59 CET
        (utc("2026-10-25T03:00"), "Europe/Berlin", 4, D("2026-10-25")),  # 04:00 CET
        (utc("2026-10-24T23:59"), "Europe/Berlin", 2, D("2026-10-24")),  # 01:59 CEST
        (utc("2026-10-25T00:00"), "Europe/Berlin", 2, D("2026-10-25")),  # 02:00 CEST
        (utc("2026-10-25T01:59"), "Europe/Berlin", 2, D("2026-10-25")),  # 02:59 CET, the repeat
        (local("2026-10-25T02:30", "Europe/Berlin", fold=1), "Europe/Berlin", 2, D("2026-10-25")),
        # New York springs forward on 2026-03-08 at 07:00 UTC: 02:00 EST becomes 03:00 EDT.
        (utc("2026-03-08T06:59"), "America/New_York", 2, D("2026-03-07")),  # 01:59 EST
        (utc("2026-03-08T07:00"), "America/New_York", 2, D("2026-03-08")),  # 03:00 EDT
        (utc("2026-03-08T07:30"), "America/New_York", 4, D("2026-03-07")),  # 03:30 EDT
        (utc("2026-03-08T08:00"), "America/New_York", 4, D("2026-03-08")),  # 04:00 EDT
        # New York falls back on 2026-11-01 at 06:00 UTC: 01:00-02:00 local happens twice.
        (utc("2026-11-01T04:59"), "America/New_York", 1, D("2026-10-31")),  # 00:59 EDT
        (utc("2026-11-01T05:30"), "America/New_York", 1, D("2026-11-01")),  # 01:30 EDT
        (utc("2026-11-01T06:30"), "America/New_York", 1, D("2026-11-01")),  # 01:30 EST
        (utc("2026-11-01T06:30"), "America/New_York", 4, D("2026-10-31")),
        (utc("2026-11-01T08:59"), "America/New_York", 4, D("2026-10-31")),  # 03:59 EST
        (utc("2026-11-01T09:00"), "America/New_York", 4, D("2026-11-01")),  # 04:00 EST
        # Leap day 2028.
        (utc("2028-02-29T03:59"), "UTC", 4, D("2028-02-28")),
        (utc("2028-02-29T04:00"), "UTC", 4, D("2028-02-29")),
        (utc("2028-03-01T03:00"), "UTC", 4, D("2028-02-29")),
        (utc("2028-03-01T06:00"), "America/Los_Angeles", 4, D("2028-02-29")),  # 22:00 PST
        (utc("2028-02-29T23:59"), "Asia/Tokyo", 0, D("2028-03-01")),  # 08:59 JST
    ],
)
def test_training_day(instant, zone, day_start_hour, expected):
    assert training_day(instant, zone, day_start_hour) == expected


def test_the_default_day_starts_at_four_so_half_past_midnight_is_the_evening_before():
    assert training_day(local("2026-05-13T00:30", "Europe/Berlin"), "Europe/Berlin") == D(
        "2026-05-12"
    )
    assert training_day(local("2026-05-13T04:00", "Europe/Berlin"), "Europe/Berlin") == D(
        "2026-05-13"
    )


@pytest.mark.parametrize("day_start_hour", [0, 4])
def test_a_session_across_midnight_counts_for_the_day_it_started(day_start_hour):
    # A record's day comes from its start (see core/session.py), whatever the end says.
    zone = "Europe/Berlin"
    start = local("2026-05-12T23:50", zone)
    end = local("2026-05-13T00:20", zone)
    assert training_day(start, zone, day_start_hour) == D("2026-05-12")
    assert training_day(end, zone, day_start_hour) >= D("2026-05-12")


def test_an_instant_is_the_same_day_whatever_zone_it_arrives_in():
    instant = local("2026-05-13T21:00", "Europe/Berlin")
    assert training_day(instant.astimezone(UTC), "Europe/Berlin") == D("2026-05-13")
    assert training_day(instant.astimezone(ZoneInfo("Asia/Tokyo")), "Europe/Berlin") == D(
        "2026-05-13"
    )


# A traveller trains once each local day at 07:00 wherever they are. The records hold UTC
# instants plus the zone they were made in; the days must line up without a gap or a double.
TRIP = [
    ("2026-05-10T07:00", "America/New_York"),
    ("2026-05-11T07:00", "America/New_York"),
    ("2026-05-12T07:00", "America/New_York"),  # then a night flight east, 13 hours ahead
    ("2026-05-13T20:00", "Asia/Tokyo"),  # lands: trains in the evening of the 13th
    ("2026-05-14T07:00", "Asia/Tokyo"),
    ("2026-05-15T07:00", "Asia/Tokyo"),  # then flies west and lands the same morning
    ("2026-05-15T18:00", "America/New_York"),  # same local day again, a second session
    ("2026-05-16T07:00", "America/New_York"),
    ("2026-05-17T07:00", "Europe/London"),  # an overnight flight east
    ("2026-05-18T07:00", "Pacific/Kiritimati"),  # then to UTC+14
    ("2026-05-19T07:00", "Etc/GMT+12"),  # and back over the date line to UTC-12
]


def trip_days() -> list[dt.date]:
    instants = [(local(text, zone).astimezone(UTC), zone) for text, zone in TRIP]
    return [training_day(instant, zone) for instant, zone in instants]


def test_a_traveller_flying_east_and_west_keeps_one_unbroken_streak():
    days = trip_days()
    assert sorted(set(days)) == [D(f"2026-05-{d}") for d in range(10, 20)]
    assert streaks(days, D("2026-05-19")) == (10, 10)


def test_a_traveller_counts_local_days_not_24_hour_gaps():
    instants = [local(text, zone).astimezone(UTC) for text, zone in TRIP]
    days = trip_days()
    # Flying west: two sessions a full 24 hours apart fall on one local day and count once.
    assert instants[6] - instants[5] == dt.timedelta(hours=24) and days[5] == days[6]
    # Flying east: 11 hours apart, yet two local days, and both count.
    assert instants[9] - instants[8] == dt.timedelta(hours=11)
    assert days[9] - days[8] == dt.timedelta(days=1)
    assert streaks(reversed(days), D("2026-05-20")) == (10, 10)


def test_a_clock_set_back_two_days_neither_breaks_nor_inflates_streaks():
    honest = [D("2026-05-01") + dt.timedelta(days=n) for n in range(5)]  # 1st..5th
    # On the 6th the clock says the 4th: the session is recorded with an earlier day than the
    # one before it.
    wrong = training_day(utc("2026-05-04T18:00"), "UTC")
    days = [*honest, wrong]
    assert wrong < honest[-1]
    # While the clock is wrong, its "today" is the 4th: later days count for neither run.
    assert streaks(days, wrong) == (4, 4)
    # Once it is right again, the streak stands (today not trained yet) and the 4th counts once.
    assert streaks(days, D("2026-05-06")) == (5, 5)
    assert streaks([*days, D("2026-05-06")], D("2026-05-06")) == (6, 6)


def test_leap_day_in_a_streak():
    days = [
        training_day(utc("2028-02-28T20:00"), "UTC"),
        training_day(utc("2028-03-01T02:00"), "UTC"),  # the night of the 29th
        training_day(utc("2028-03-01T20:00"), "UTC"),
    ]
    assert days == [D("2028-02-28"), D("2028-02-29"), D("2028-03-01")]
    assert streaks(days, D("2028-03-01")) == (3, 3)


# The machine's zone, read by tzlocal. tzlocal looks for its files under a root its tests
# choose (`_root`); these point it at a folder shaped like a machine's /.
@pytest.fixture
def machine_root(tmp_path, monkeypatch):
    import tzlocal
    import tzlocal.unix

    monkeypatch.delenv("TZ", raising=False)

    def under_root(look):  # whatever root tzlocal passes on, look under ours
        return lambda *_: look(_root=str(tmp_path))

    for name in ("_get_localzone_name", "_get_localzone"):
        monkeypatch.setattr(tzlocal.unix, name, under_root(getattr(tzlocal.unix, name)))
    (tmp_path / "etc").mkdir()
    yield tmp_path
    monkeypatch.undo()
    forget_zone()  # the made-up machine's


def forget_zone() -> None:
    """tzlocal keeps what it found: make it look again (quietly: it warns when it finds none)."""
    import warnings

    import tzlocal

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tzlocal.reload_localzone()


def zone_file(name: str) -> bytes:
    from importlib.resources import files

    return files("tzdata.zoneinfo").joinpath(*name.split("/")).read_bytes()


def test_a_copied_localtime_keeps_its_clock(machine_root):
    from coach.core.time.days import local_zone_name

    (machine_root / "etc" / "localtime").write_bytes(zone_file("Europe/Berlin"))
    forget_zone()
    zone = local_zone_name()
    assert zone != "UTC"
    summer, winter = utc("2026-07-01T00:00"), utc("2026-01-01T00:00")
    for instant in (summer, winter, utc("2026-03-29T02:00"), utc("2026-10-25T02:00")):
        assert instant.astimezone(ZoneInfo(zone)).utcoffset() == \
            instant.astimezone(ZoneInfo("Europe/Berlin")).utcoffset()
    # 23:30 UTC on 30 June is already 1 July in Berlin, past the 4 o'clock day start
    assert training_day(utc("2026-06-30T23:30"), zone, 0) == D("2026-07-01")


def test_a_zone_named_beside_the_copy_is_used_by_its_name(machine_root):
    from coach.core.time.days import local_zone_name

    (machine_root / "etc" / "localtime").write_bytes(zone_file("America/New_York"))
    (machine_root / "etc" / "timezone").write_text("America/New_York\n")
    forget_zone()
    assert local_zone_name() == "America/New_York"


def test_no_localtime_at_all_is_utc(machine_root, monkeypatch):
    from coach.core.time.days import local_zone_name

    forget_zone()
    zone = ZoneInfo(local_zone_name())  # "UTC" or "Etc/UTC": tzlocal picks one of them
    assert {utc(f"2026-{m}-01T00:00").astimezone(zone).utcoffset() for m in ("01", "07")} == \
        {dt.timedelta(0)}
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # $TZ still says, as on any machine
    forget_zone()
    assert local_zone_name() == "Asia/Tokyo"
