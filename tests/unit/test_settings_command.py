"""`backcoach settings`, `settings set`, `start` with a bad id, and the nudge fields of status."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from coach.cli import main
from coach.core.nudge.log import NudgeLog, StretchRecord, TimerState
from coach.core.nudge.shared import ALIVE_FILE, Presence
from coach.core.session.recorder import SessionRun
from coach.core.session.records import SessionRecord
from coach.core.settings.model import Settings
from coach.core.storage.store import Store
from coach.core.time.clock import ManualClock
from coach.core.time.days import local_zone_name, training_day


def test_lists_every_setting_with_its_value(data_dir, capsys):
    assert main(["settings"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == list(Settings.model_fields)
    values = {line.split()[0]: line.split()[1] for line in out}
    assert values["nudge_minutes"] == "30" and values["work_days"] == "mon,tue,wed,thu,fri"
    assert values["notify"] == "bell,toast,desktop" and values["theme"] == "textual-dark"
    assert not data_dir.exists()  # listing creates nothing


@pytest.mark.parametrize(("key", "value", "stored"), [
    ("nudge-minutes", "45", 45),
    ("snooze_minutes", "10", 10),
    ("work_hours", "7:30-16:00", "07:30-16:00"),
    ("work_days", "mon-thu,sat", ("mon", "tue", "wed", "thu", "sat")),
    ("notify", "desktop,bell", ("bell", "desktop")),
    ("notify", "none", ()),
    ("theme", "nord", "nord"),
    ("theme", " Rose-Pine ", "rose-pine"),
    ("bell", "off", False),
    ("reduce_motion", "yes", True),
    ("break_counts_for_streak", "on", True),
])
def test_set_changes_one_setting(data_dir, capsys, key, value, stored):
    assert main(["settings", "set", key, value]) == 0
    field = key.replace("-", "_")
    settings = Store(data_dir).settings()
    assert getattr(settings, field) == stored
    assert settings.model_dump(exclude={field}) == Settings().model_dump(exclude={field})
    assert capsys.readouterr().out.startswith(f"{field} = ")


@pytest.mark.parametrize(("key", "value", "says"), [
    ("nudge_minutes", "0", "nudge_minutes: must be at least 1"),
    ("nudge_minutes", "241", "nudge_minutes: must be at most 240"),
    ("snooze_minutes", "7", "must be 5 or 10"),
    ("work_hours", "9-5", "HH:MM-HH:MM"),
    ("work_days", "weekdays", "mon-fri"),
    ("notify", "bell,beep", "notify"),
    ("bell", "maybe", "bell: must be on or off (or true/false, yes/no), got 'maybe'"),
    ("volume", "11", "no setting 'volume'; the settings are: "),
    ("theme", "foo", "settings: theme: no theme 'foo'; pick one of: textual-dark, "),
    ("theme", "", "settings: theme: no theme ''; pick one of: "),
    ("theme", "nord\x1b[2J", "no theme 'nord\u241b[2J'"),
    ("day_start_hour", "13", "day_start_hour: must be at most 12"),
    ("weekly_goal_days", "0", "weekly_goal_days: must be at least 1"),
    ("away_minutes", "61", "away_minutes: must be at most 60"),
])
def test_a_bad_key_or_value_is_one_line_exit_2_and_changes_nothing(data_dir, capsys, key, value,
                                                                   says):
    main(["settings", "set", "nudge_minutes", "20"])
    before = (Store(data_dir).home / "settings.json").read_bytes()
    capsys.readouterr()
    assert main(["settings", "set", key, value]) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1 and err.startswith("backcoach: ")
    assert (Store(data_dir).home / "settings.json").read_bytes() == before


def test_start_names_the_ids_for_an_unknown_routine(data_dir, capsys):
    assert main(["start", "no-such"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "micro-break" in err and "after-work" in err


def test_status_gains_sitting_next_break_and_breaks_today(data_dir, library, capsys):
    now = dt.datetime.now(dt.UTC)
    log = NudgeLog(data_dir)
    log.save_timer(TimerState(since=now - dt.timedelta(minutes=12, seconds=5),
                              due=now + dt.timedelta(minutes=17, seconds=50), written_at=now))
    today = training_day(now, local_zone_name(), 4)
    log.add(stretches=[StretchRecord(ended_at=now, day=today, seconds=1700, ended_by="break",
                                     limit_s=1800)] * 3)
    # Breaks today are the stand-up break sessions kept (counting.py's rule), as Progress
    # counts them: a third break started and discarded is in the log but not a session.
    for back in (16, 14):  # both over before the sitting stretch began, 12 minutes ago
        clock = ManualClock(now - dt.timedelta(minutes=back))
        run = SessionRun(library.routines["micro-break"], clock, "UTC", counts_for_streak=False)
        run.player.start()
        while not run.player.finished:
            clock.advance(1)
            run.player.update()
        # Today's training day (from 04:00, local): true of any start this close to now.
        record = run.record("completed").model_dump() | {"day": today,
                                                           "zone": local_zone_name()}
        Store(data_dir).save_session(SessionRecord.model_validate(record))
    running = Presence(log.folder / ALIVE_FILE)  # an app keeping the clock
    assert running.hold()
    assert main(["status", "--format", "{sitting}m {next_break}m {breaks_today}"]) == 0
    assert capsys.readouterr().out == "12m 18m 2\n"
    assert main(["status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["sitting"], data["next_break"], data["breaks_today"]) == (12, 18, 2)
    running.release()  # closed: nobody to nudge; the stretch counts for a few minutes more
    assert main(["status", "--format", "{sitting}m {next_break}m {breaks_today}"]) == 0
    assert capsys.readouterr().out == "12m –m 2\n"


def test_a_night_nobody_watched_is_not_sitting(data_dir, capsys):
    """The app closed last evening: status said "sitting": 1488 the next morning."""
    now = dt.datetime.now(dt.UTC)
    NudgeLog(data_dir).save_timer(TimerState(since=now - dt.timedelta(minutes=1488),
                                             due=now, written_at=now - dt.timedelta(hours=14)))
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sitting"] is None


def test_status_without_any_nudge_data(data_dir, capsys):
    assert main(["status", "--format", "[{sitting}|{next_break}|{breaks_today}]"]) == 0
    assert capsys.readouterr().out == "[–|–|0]\n"


def test_the_themes_settings_takes_are_the_ones_the_app_offers(library, data_dir):
    """`settings set theme` takes a name the app can show, and every one the app can show."""
    from coach.commands.settings import themes
    from coach.ui.app import CoachApp

    app = CoachApp(library=library, store=Store(data_dir), clock=ManualClock(), zone="UTC",
                   animate=False)
    assert set(themes()) == set(app.available_themes) and "textual-dark" in themes()
