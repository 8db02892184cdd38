"""The `settings` command: list every setting, or change one, checked by the settings model."""

from __future__ import annotations

import argparse

from pydantic import ValidationError

from coach.commands.common import UserError
from coach.core.content.errors import describe
from coach.core.session.records import Settings
from coach.paths import data_dir

ABOUT = {
    "safety_acknowledged": "the safety screen has been read",
    "bell": "bell at each change of phase in a session",
    "reduce_motion": "diagrams hold still",
    "pain_checkin": "pain check-in before and after a session",
    "day_start_hour": "hour a new training day starts (0-12)",
    "weekly_goal_days": "weekly goal: days with a session (1-7)",
    "theme": "the colour theme",
    "nudge_minutes": "minutes of sitting before a stand-up nudge (1-240)",
    "snooze_minutes": "a snooze lasts 5 or 10 minutes",
    "work_hours": "nudges only between these hours, HH:MM-HH:MM",
    "work_days": "nudges only on these days, e.g. mon-fri",
    "notify": "how a nudge reaches you: bell, toast, desktop (or none)",
    "break_counts_for_streak": "a micro-break keeps the daily streak",
}


def shown(value: object) -> str:
    """A value as `settings set` takes it back."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, tuple):
        return ",".join(map(str, value)) or "none"
    return str(value)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("settings", help="list the settings, or change one",
                            usage="%(prog)s [-h] | %(prog)s set KEY VALUE")
    actions = parser.add_subparsers(dest="settings_command", metavar="ACTION")
    change = actions.add_parser("set", help="change one setting, e.g. `set nudge_minutes 45`")
    change.add_argument("key", metavar="KEY", help="a name from `backcoach settings`")
    change.add_argument("value", metavar="VALUE")


def changed(settings: Settings, key: str, value: str) -> Settings:
    """The settings with one changed, as the model checks it; UserError names the fix."""
    field = key.strip().lower().replace("-", "_")
    if field not in Settings.model_fields:
        raise UserError(f"settings: no setting {key!r}; the settings are: "
                        + ", ".join(Settings.model_fields))
    try:
        return Settings.model_validate(settings.model_dump() | {field: value})
    except ValidationError as exc:
        raise UserError(describe("settings", exc)[0]) from None


def cmd_settings(args: argparse.Namespace) -> int:
    from coach.core.storage.datafile import make_folder
    from coach.core.storage.store import Store, StoreError

    store = Store(data_dir(args.data_dir))
    try:
        if args.settings_command != "set":
            settings = store.settings()
            width = max(map(len, Settings.model_fields))
            for field in Settings.model_fields:
                value = shown(getattr(settings, field))
                print(f"{field:<{width}}  {value:<16} {ABOUT.get(field, '')}".rstrip())
            return 0
        make_folder(store.folder)
        with store.locked():  # read, check, write: another copy cannot change it in between
            new = changed(store.settings(), args.key, args.value)
            store.save_settings(new)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{store.folder}: cannot be written ({exc.strerror})") from None
    field = args.key.strip().lower().replace("-", "_")
    print(f"{field} = {shown(getattr(new, field))}")
    return 0
