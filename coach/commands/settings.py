"""The `settings` command: list every setting, or change one, checked by the settings model."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from pydantic import ValidationError

from coach.commands.common import UserError
from coach.core.content.errors import describe
from coach.core.settings.model import Settings
from coach.core.text import one_line
from coach.paths import data_dir

if TYPE_CHECKING:
    from coach.core.storage.store import Store

ABOUT = {  # each fits beside the widest value in 80 columns
    "safety_acknowledged": "the safety screen was read",
    "bell": "bell at each phase of a session",
    "reduce_motion": "diagrams hold still",
    "pain_checkin": "pain check-in around a session",
    "day_start_hour": "a training day starts (0-12 h)",
    "weekly_goal_days": "goal: days a week (1-7)",
    "theme": "colour theme (ctrl+p, Theme)",
    "nudge_minutes": "sitting before a nudge (1-240)",
    "snooze_minutes": "a snooze: 5 or 10 minutes",
    "work_hours": "nudges only then, HH:MM-HH:MM",
    "work_days": "nudges only then, e.g. mon-fri",
    "notify": "bell, toast, desktop, or none",
    "break_counts_for_streak": "a micro-break keeps the streak",
    "away_minutes": "no input this long: a break (1-60)",
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
                            description="List every setting with its value, or change one. "
                            "A value is checked as the app checks it; a bad one changes nothing.",
                            usage="%(prog)s [-h] | %(prog)s set KEY VALUE")
    actions = parser.add_subparsers(dest="settings_command", metavar="ACTION")
    change = actions.add_parser("set", help="change one setting, e.g. `set nudge_minutes 45`",
                                description="Change one setting, e.g. `set nudge_minutes 45`.")
    change.add_argument("key", metavar="KEY", help="a name from `backcoach settings`")
    change.add_argument("value", metavar="VALUE")


def themes() -> tuple[str, ...]:
    """The themes the app offers: Textual's own, as the app registers none of its own."""
    from textual.theme import BUILTIN_THEMES

    return tuple(BUILTIN_THEMES)


def changed(settings: Settings, key: str, value: str) -> Settings:
    """The settings with one changed, as the model checks it; UserError names the fix."""
    field = key.strip().lower().replace("-", "_")
    if field not in Settings.model_fields:
        raise UserError(f"settings: no setting {key!r}; the settings are: "
                        + ", ".join(Settings.model_fields))
    if field == "theme":
        if value.strip().lower() not in themes():  # the model takes any name (a newer app's)
            raise UserError(f"settings: theme: no theme {one_line(value.strip(), 60)!r}; pick "
                            "one of: " + ", ".join(themes()))
        value = value.strip().lower()
    try:
        return Settings.model_validate(settings.model_dump() | {field: value})
    except ValidationError as exc:
        raise UserError(describe("settings", exc)[0]) from None


def kept(store: Store, new: Settings) -> None:
    """UserError unless the settings in use are now the ones saved: read back, never assumed
    (another machine's could win over them), so a value is never reported that was not kept."""
    found = store.all_settings()
    if (found[0][2] if found else store.settings()) != new:
        where = f"those in {found[0][1].relative_to(store.folder)}" if found else "the defaults"
        raise UserError(one_line(
            f"settings: not kept; the settings in use are still {where}; run `backcoach "
            "doctor` to see every machine's settings", 200))


def listing(store) -> list[str]:
    """One line a setting: name, value, what it does."""
    from coach.core.storage.store import StoreError

    try:
        settings = store.settings()
    except StoreError as exc:
        raise UserError(str(exc)) from None
    values = {f: one_line(shown(getattr(settings, f)), 120) for f in Settings.model_fields}
    width = max(map(len, values))
    value_width = max(map(len, values.values()))
    return [f"{field:<{width}}  {value:<{value_width}}  {ABOUT.get(field, '')}".rstrip()
            for field, value in values.items()]


def cmd_settings(args: argparse.Namespace) -> int:
    from coach.core.disk import make_folder
    from coach.core.storage.store import Store, StoreError

    store = Store(data_dir(args.data_dir))
    if args.settings_command != "set":
        # Printed outside the try below: a closed stdout is no "cannot be written" of the folder.
        for line in listing(store):
            print(line)
        return 0
    try:
        make_folder(store.folder)
        with store.locked():  # read, check, write: another copy cannot change it in between
            new = changed(store.settings(), args.key, args.value)
            store.save_settings(new)
            kept(store, new)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{store.folder}: cannot be written ({exc.strerror})") from None
    field = args.key.strip().lower().replace("-", "_")
    print(one_line(f"{field} = {shown(getattr(new, field))}", 200))
    return 0
