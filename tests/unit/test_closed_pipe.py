"""A reader that closes the pipe early (`backcoach exercises | head -1`) is not an error."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("command", [
    ["exercises"], ["exercises", "--json"], ["routines"], ["status"], ["export"],
    ["settings"], ["settings", "set", "bell", "off"], ["check"], ["doctor"], ["--help"],
    ["--version"], ["routines", "export", "desk-five"], ["status", "--json"],
])
def test_a_closed_stdout_pipe_exits_quietly(command, data_dir):
    # The read end is closed before the command writes a byte: every write meets EPIPE.
    child = subprocess.Popen([sys.executable, "-m", "coach", *command], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 0, err
    assert err == ""
