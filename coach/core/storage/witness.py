"""Write-once copies of this machine's data files, so a sync tool that copies an older version of
a file over a newer one cannot lose a write.

Only this machine writes its folder, but every other machine holds a copy of it, and a tool that
copies both ways without asking which is newer (plain `rsync -a` both ways, `cp -r`) puts the
older copy back over this machine's newer file. So each write also leaves the file under a name
used once, `2026-11.w17.json` (a copy with the file's time), and removes the earlier one.
No other side holds that name, so no copy can replace it. Readers (union.py) skip the newest
one while it is the same as its file, and merge it like a conflict copy when the file has been
rolled back; before its next write of the file, this machine keeps such a witness as a conflict
copy, so the write it holds is never dropped.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from pathlib import Path

from coach.core.disk import fsync_folder, write_atomic
from coach.core.storage.files import read_bytes

_WITNESS = re.compile(r"(?P<stem>.+)\.w(?P<gen>\d{1,9})\.json")


def is_witness(name: str) -> bool:
    return _WITNESS.fullmatch(name) is not None


def witnesses(path: Path) -> list[tuple[int, Path]]:
    """(generation, path) of the write-once copies of path, oldest first."""
    stem = path.name.removesuffix(".json")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    found = [(_WITNESS.fullmatch(n), n) for n in names]
    return sorted((int(m["gen"]), path.parent / n) for m, n in found if m and m["stem"] == stem)


def same(a: Path, b: Path) -> bool:
    """One file, or one write carried whole (a sync tool keeps the size and the time)."""
    try:
        sa, sb = os.lstat(a), os.lstat(b)
    except OSError:
        return False
    return (sa.st_ino, sa.st_dev) == (sb.st_ino, sb.st_dev) or (
        sa.st_size, sa.st_mtime_ns) == (sb.st_size, sb.st_mtime_ns)


def current(paths: list[Path]) -> list[Path]:
    """A file's paths as a reader takes them: of its witnesses only the newest (older ones are
    copies a sync tool brought back), and that one only while the file does not hold the same
    write (rolled back, or not delivered yet)."""
    plain = [p for p in paths if not is_witness(p.name)]
    kept = sorted((p for p in paths if is_witness(p.name)), key=_generation)[-1:]
    main = next((p for p in plain if p.name == f"{_stem(kept[0])}.json"), None) if kept else None
    return plain + [p for p in kept if main is None or not same(main, p)]


def before_write(path: Path) -> None:
    """Keep the newest witness as a conflict copy when path no longer holds its write (a sync
    tool put an older copy back, or the file is gone): the next write would drop it."""
    found = witnesses(path)
    if found and not same(path, found[-1][1]):
        n = 1
        while (target := path.with_name(f"{_stem(found[-1][1])} (conflict {n}).json")).exists():
            n += 1
        os.rename(found[-1][1], target)


def after_write(path: Path) -> None:
    """Leave path's new content under a name never used before; remove the earlier ones."""
    found = witnesses(path)
    target = path.with_name(f"{path.name.removesuffix('.json')}.w{found[-1][0] + 1 if found else 1}.json")
    # A copy, not a hard link: `cp` and some sync tools write over a file in place, which would
    # change both names at once. The file's time makes the two "the same" for readers.
    write_atomic(target, read_bytes(path) or b"")
    st = os.stat(path)
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    for _, old in found:
        with suppress(FileNotFoundError):
            old.unlink()
    fsync_folder(path.parent)


def _generation(path: Path) -> int:
    found = _WITNESS.fullmatch(path.name)
    return int(found["gen"]) if found else 0


def _stem(path: Path) -> str:
    found = _WITNESS.fullmatch(path.name)
    return found["stem"] if found else path.name.removesuffix(".json")
