"""A stand-in desktop for the D-Bus tests, run with the system Python (dbus-python, GLib):
org.freedesktop.Notifications (each Notify call appended to a file as JSON, with the id it
returned; buttons, as GetCapabilities says "actions"; a click as the test asks it through
org.backcoach.StandIn.Click, sent as ActionInvoked) and org.freedesktop.ScreenSaver (idle
time and lock as the test sets them in argv).

    /usr/bin/python3 dbus_standin.py LOGFILE IDLE_MS LOCKED
"""

import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

LOG, IDLE_MS, LOCKED = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "locked"


class Notifications(dbus.service.Object):
    sent = 0

    @dbus.service.method("org.freedesktop.Notifications", in_signature="susssasa{sv}i",
                         out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):  # noqa: N802
        Notifications.sent += 1
        with open(LOG, "a", encoding="utf-8") as out:
            out.write(json.dumps({"id": self.sent, "app": str(app), "summary": str(summary),
                                  "body": str(body), "actions": [str(a) for a in actions],
                                  "timeout": int(timeout)}) + "\n")
        return self.sent

    @dbus.service.method("org.freedesktop.Notifications", out_signature="as")
    def GetCapabilities(self):  # noqa: N802
        return ["actions", "body"]

    @dbus.service.signal("org.freedesktop.Notifications", signature="us")
    def ActionInvoked(self, number, action):  # noqa: N802
        pass

    @dbus.service.signal("org.freedesktop.Notifications", signature="uu")
    def NotificationClosed(self, number, reason):  # noqa: N802
        pass

    @dbus.service.method("org.backcoach.StandIn", in_signature="us")
    def Click(self, number, action):  # noqa: N802
        """The user clicks a button, and the desktop closes the notification (reason 2)."""
        self.ActionInvoked(number, action)
        self.NotificationClosed(number, 2)


class ScreenSaver(dbus.service.Object):
    @dbus.service.method("org.freedesktop.ScreenSaver", out_signature="u")
    def GetSessionIdleTime(self):  # noqa: N802
        return IDLE_MS

    @dbus.service.method("org.freedesktop.ScreenSaver", out_signature="b")
    def GetActive(self):  # noqa: N802
        return LOCKED


DBusGMainLoop(set_as_default=True)
bus = dbus.SessionBus()
names = [dbus.service.BusName(n, bus) for n in ("org.freedesktop.Notifications",
                                                "org.freedesktop.ScreenSaver")]
Notifications(bus, "/org/freedesktop/Notifications")
ScreenSaver(bus, "/org/freedesktop/ScreenSaver")
print("ready", flush=True)
GLib.MainLoop().run()
