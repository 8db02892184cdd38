"""The wheel must carry content/: an editable install would hide a missing data file."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_installs_and_lists_exercises_outside_the_tree(tmp_path, library):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-q", "-w", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(dist.glob("backcoach-*.whl"))
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    # The fresh venv borrows this one's dependencies (not its coach) so the test needs no
    # network; a .pth line only appends a folder, it does not run the editable-install hook.
    fresh_site = Path(
        subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                       capture_output=True, text=True, check=True).stdout.strip()
    )
    (fresh_site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import coach.paths; print(coach.paths.content_dir())"],
        cwd=outside, capture_output=True, text=True, check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(fresh)
    done = subprocess.run(
        [str(fresh / "bin" / "backcoach"), "exercises", "--json"],
        cwd=outside, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert {e["id"] for e in json.loads(done.stdout)} == set(library.exercises)
