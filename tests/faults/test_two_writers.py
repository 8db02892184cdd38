"""Two copies of backcoach (two SSH sessions) saving at once lose nothing of each other's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coach.core.storage import store as store_module
from coach.core.storage.store import Store

WRITER = Path(__file__).with_name("fault_writer.py")
ROOT = Path(__file__).resolve().parents[2]
EACH = 300


def test_two_processes_saving_at_once_keep_all_600_sessions(tmp_path: Path):
    folder = tmp_path / "data"
    # A script's own folder comes first on its path, not the tree under test: without
    # PYTHONPATH the writers would import whatever backcoach the venv has installed.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    writers = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), str(EACH)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    tested = str(Path(store_module.__file__).resolve())
    for writer in writers:  # both are ready before either starts, so their saves interleave
        assert writer.stdout is not None
        assert writer.stdout.readline().split() == ["ready", tested]  # this tree's code
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    acknowledged = set()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        acknowledged |= set(out.split())
    assert len(acknowledged) == 2 * EACH

    store = Store(folder)
    store.open()
    assert {record.uuid for record in store.sessions()} == acknowledged
    assert sum(n for n, _ in store.session_days().values()) == 2 * EACH
