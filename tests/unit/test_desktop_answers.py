"""What `gdbus monitor` prints for the notification service, read as answers (no bus needed)."""

from __future__ import annotations

import io

from coach.nudger.desktop import Answer, Listener


class Printed:
    """A stand-in for the monitor's process: its stdout, as gdbus prints it."""

    def __init__(self, text: str) -> None:
        self.stdout = io.StringIO(text)


def test_clicks_and_closes_are_read_and_other_lines_left():
    listener = Listener()
    listener._read(Printed(  # type: ignore[arg-type]
        "Monitoring signals on object /org/freedesktop/Notifications owned by "
        "org.freedesktop.Notifications\n"
        "/org/freedesktop/Notifications: org.freedesktop.Notifications.ActionInvoked "
        "(uint32 7, 'snooze')\n"
        "/org/freedesktop/Notifications: org.freedesktop.Notifications.NotificationClosed "
        "(uint32 7, uint32 2)\n"
        "/org/freedesktop/Notifications: org.freedesktop.Notifications.ActionInvoked "
        "(uint32 12, 'break')\n"))
    assert listener.take() == [Answer(7, "snooze"), Answer(7, None), Answer(12, "break")]
    assert listener.take() == []
