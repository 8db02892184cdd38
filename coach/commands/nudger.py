"""`backcoach nudger`: stand-up nudges with no window open, and `nudge-prompt`, its popup.

It keeps this machine's one sitting clock (the app's, the compact pane's and `status`'s) and
delivers a nudge that comes due through every channel there is and is enabled: a tmux popup
(or a status-line message), a desktop notification, and the bell/OSC 9/777 on its own
terminal. It notices natural breaks (coach/nudger/idle.py). One per machine: nudger.lock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from coach.commands.common import UserError, say
from coach.nudger import SENSE_S
from coach.paths import data_dir

TICK_S = 1.0
SETTINGS_S = 30.0
REMIND_S = 5.0


def add_parser(sub: argparse._SubParsersAction) -> None:
    nd = sub.add_parser(
        "nudger", help="stand-up nudges with no window open (tmux popup, desktop, bell)",
        description="Keeps this machine's sitting clock and nudges when it is due: a tmux "
        "popup over the current window (b / z / s as in the app), a desktop notification, and "
        "the bell on its own terminal. Time away from the keyboard counts as a break. "
        "Runs in the foreground; --install makes it a user service.")
    act = nd.add_mutually_exclusive_group()
    act.add_argument("--install", action="store_true",
                     help="write a systemd user unit (Linux) or a launchd agent (macOS)")
    act.add_argument("--uninstall", action="store_true", help="remove what --install wrote")
    nd.add_argument("--tmux-socket", metavar="NAME", help="a tmux server started with -L NAME")
    nd.add_argument("--sense-every", type=float, default=SENSE_S, help=argparse.SUPPRESS)
    # No help=: argparse lists a subcommand given any help, SUPPRESS too ("==SUPPRESS==").
    pr = sub.add_parser("nudge-prompt",
                        description="The nudger's tmux popup: the nudge waiting, answered with "
                        "b, z or s; or a reminder, answered with Enter, l or s.")
    pr.add_argument("--reminder", metavar="ROUTINE", help=argparse.SUPPRESS)


def cmd_nudger(args: argparse.Namespace) -> int:
    from coach.nudger import service

    home = Path.home()
    path = service.service_file(home)
    if args.uninstall:
        if not path.exists():
            say(f"No nudger service at {path}; nothing to remove.")
            return 0
        path.unlink()
        say(f"Removed {path}.")
        return 0
    if args.install:
        command = [sys.executable, "-m", "coach", "--data-dir", str(data_dir(args.data_dir)),
                   "nudger"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(service.service_text(command), encoding="utf-8")
        enable, remove = service.how_to(path)
        say(f"Wrote {path}. Nothing runs yet.\nStart it now and at every login:\n  {enable}\n"
            f"Remove it:\n  {remove}")
        return 0
    return _run(args)


def _settings(folder: Path):  # -> Settings
    from coach.core.storage.store import Store, StoreError

    try:
        return Store(folder).settings()
    except StoreError as exc:
        raise UserError(str(exc)) from None


def _run(args: argparse.Namespace) -> int:
    from coach.core.nudge.keeper import ClockKeeper
    from coach.core.nudge.log import NudgeLog
    from coach.core.nudge.shared import NUDGER_FILE, Presence
    from coach.core.time.clock import SystemClock
    from coach.core.time.days import local_zone_name
    from coach.nudger import desktop
    from coach.nudger.idle import sense, signals
    from coach.nudger.tmux import Tmux

    folder = data_dir(args.data_dir)
    settings = _settings(folder)
    log = NudgeLog(folder)
    lock = Presence(log.folder / NUDGER_FILE, exclusive=True)
    if not lock.hold():
        if lock.problem:  # a FIFO or a folder at the lock's path is no other nudger
            raise UserError(lock.problem)
        raise UserError(f"a nudger already runs for this machine ({log.folder / NUDGER_FILE}); "
                        "one is enough")
    tmux = Tmux(args.tmux_socket or os.environ.get("BACKCOACH_TMUX_SOCKET"))
    keeper = ClockKeeper(log, SystemClock(), settings, local_zone_name())
    stop: list[int] = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    found = signals(tmux)
    say(f"backcoach nudger: keeping the sitting clock in {log.folder}; away is noticed by "
        + (", ".join(found) if found else "nothing here (no tmux client, no desktop bus): "
           "time away counts as sitting"))
    keeper.start()
    if keeper.shared.alive.problem:  # it still nudges; only `status` cannot see it keep time
        say(f"backcoach nudger: warning: {keeper.shared.alive.problem}")
    sensed_at = checked_at = 0.0
    idle = None
    popup = None  # the last popup's tmux process, while it is open
    reminded_at = 0.0
    listener = desktop.Listener()
    listener.start()  # before the first notification: no click is missed
    sent: dict[int, str] = {}  # our notifications waiting for a click: id -> "" or a routine
    try:
        while not stop:
            now = time.monotonic()
            if now - checked_at >= SETTINGS_S:
                checked_at = now
                keeper.change_settings(_settings(folder))
            if now - sensed_at >= args.sense_every:
                sensed_at, idle = now, sense(tmux)
            was_away = keeper.away
            for nudge in keeper.tick(idle):
                popup = _deliver(nudge.sitting_s, keeper.settings, tmux, folder, popup, sent)
            if now - reminded_at >= REMIND_S:
                reminded_at = now
                for routine in _reminders_due(log, keeper.zone):
                    popup = _deliver(0, keeper.settings, tmux, folder, popup, sent, routine)
            for answer in listener.take():
                if answer.id in sent:  # ours; closed without a click: no answer, as a popup
                    what = sent.pop(answer.id)
                    if answer.action:
                        popup = _clicked(answer.action, what, keeper, tmux, folder, popup)
            if keeper.away != was_away:
                away = keeper.timer.away
                say(f"{_clock()} " + (f"away: a break, noticed by {away.noticed}" if away
                                      else "back: a new stretch"))
            time.sleep(TICK_S)
    except KeyboardInterrupt:
        pass
    finally:
        listener.stop()
        keeper.stop()
        lock.release()
    return 0


def _clock() -> str:
    return dt.datetime.now().strftime("%H:%M:%S")


def _reminders_due(log, zone: str) -> list[str]:
    """The routines whose reminder comes up now, marked as come up (once, under the lock)."""
    from coach.core.nudge.reminders import Reminders, came_up, due
    from coach.core.storage.errors import StoreError

    now = dt.datetime.now(dt.UTC)
    reminders = Reminders(log)
    try:
        if not any(due(r, now, zone) for r in reminders.read()):
            return []
        ups: list[str] = []

        def mark(old):
            for r in old:
                if due(r, now, zone):
                    ups.append(r.routine)
                    r = came_up(r, now, zone)
                yield r

        reminders.change(lambda old: list(mark(old)))
    except StoreError as exc:
        say(f"{_clock()} reminders: {exc}")
        return []
    return ups


def _routine_name(routine: str) -> str:
    from coach.commands.common import shipped_library

    info = shipped_library().routines.get(routine)
    return info.routine.name if info is not None else routine


def _deliver(sitting_s: float, settings, tmux, folder: Path, popup, sent: dict[int, str],
             reminder: str = ""):
    """A nudge (or a reminder of a routine) through every channel; the popup's process. The
    desktop notification's id goes into `sent`, for its buttons' answer."""
    from coach.core.nudge.notify import notification
    from coach.core.nudge.wording import nudge_body
    from coach.nudger import desktop
    from coach.nudger.tmux import own_command, passed_env

    body = f"Reminder: {_routine_name(reminder)}" if reminder else nudge_body(sitting_s)
    said = []
    clients = tmux.clients()
    if clients:
        if tmux.has_popups() and (popup is None or popup.poll() is not None):
            more = ["--reminder", reminder] if reminder else []
            popup = tmux.popup(clients[0].name, own_command(folder, "nudge-prompt", *more),
                               passed_env())
            said.append(f"tmux popup on {clients[0].name}")
        else:  # no popups in this tmux, or ours is still open (the break, its summary)
            tmux.message(clients[0].name, f"backcoach: {body} (b in the app: a break)")
            said.append(f"tmux message on {clients[0].name}")
    if "desktop" in settings.notify:
        number = desktop.notify("Reminder" if reminder else "Stand up", body,
                                desktop.REMINDER_ACTIONS if reminder else desktop.NUDGE_ACTIONS)
        if number is not None:
            sent[number] = reminder
            said.append("desktop notification")
    if sys.stdout.isatty():
        sys.stdout.write(notification(settings.notify, "backcoach", body, "TMUX" in os.environ))
    say(f"{_clock()} {'reminder' if reminder else 'nudge'}: {body} "
        f"({', '.join(said) or 'this terminal only'})")
    return popup


def _popup_start(tmux, folder: Path, routine: str, popup):
    """`backcoach start ROUTINE` in a tmux popup, in place of ours if one is open (the nudge or
    the reminder the click answered); None with no tmux client or no popups."""
    clients = tmux.clients()
    if not clients or not tmux.has_popups():
        return None
    from coach.nudger.tmux import own_command, passed_env

    if popup is not None and popup.poll() is None:
        tmux.close_popup(clients[0].name)
        try:
            popup.wait(3)
        except subprocess.TimeoutExpired:
            return None  # still up: better no break than one hidden under it

    return tmux.popup(clients[0].name, own_command(folder, "start", routine), passed_env())


def _clicked(action: str, routine: str, keeper, tmux, folder: Path, popup):
    """A button on our desktop notification, answered as the tmux popup answers its keys: a
    nudge's "Break now" starts the stand-up break in a popup (where there is tmux; else the
    answer "break" is recorded) and "Snooze" snoozes; a reminder's "Start" starts the routine
    in a popup, "Later" brings it up again later, "Skip" lets it go for today."""
    from coach.core.nudge.keeper import answer_waiting
    from coach.core.nudge.reminders import Reminders
    from coach.core.nudge.timer import MICRO_BREAK

    did = "nothing (unknown button)"
    if not routine and action in ("break", "snooze"):
        started = _popup_start(tmux, folder, MICRO_BREAK, popup) if action == "break" else None
        if started is not None:
            popup, did = started, "the stand-up break in a tmux popup"
        else:
            answer_waiting(keeper.log, keeper.clock, keeper.settings, keeper.zone,
                           "break" if action == "break" else "snooze", f"desktop {os.getpid()}")
            did = f"answered {action}"
    elif routine and action == "start":
        started = _popup_start(tmux, folder, routine, popup)
        popup = started or popup
        did = ("the routine in a tmux popup" if started is not None
               else f"no tmux popup here: start it with `backcoach start {routine}`")
    elif routine and action == "later":
        Reminders(keeper.log).put_off(routine)
        did = "brought up again later"
    elif routine and action == "skip":
        did = "skipped for today"
    say(f"{_clock()} desktop: {action} -> {did}")
    return popup


def cmd_nudge_prompt(args: argparse.Namespace) -> int:
    from coach.core.time.days import local_zone_name
    from coach.nudger.prompt import run_prompt

    folder = data_dir(args.data_dir)
    if args.reminder:
        from coach.nudger.prompt import run_reminder

        return run_reminder(folder, args.reminder)
    return run_prompt(folder, _settings(folder), local_zone_name())
