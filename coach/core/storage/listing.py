"""Listing a folder of data files as a reader takes them: each file with its conflict copies (and
this machine's write-once copy when it holds what the file no longer does, witness.py)."""

from __future__ import annotations

import os
from pathlib import Path

from coach.core.storage.errors import bad_file, read_error
from coach.core.storage.machine import data_name
from coach.core.storage.witness import current


def listed(folder: Path) -> list[str]:
    """The names in folder, sorted ([] when there is no folder)."""
    try:
        return sorted(os.listdir(folder))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise read_error(exc, folder) from None


def data_files_in(folder: Path, length: int) -> dict[str, list[Path]]:
    """stem -> its files in folder, the file itself first, then its conflict copies."""
    if folder.is_symlink():
        raise bad_file(folder, "is a link, and backcoach never follows a link in its data "
                       "folder", "put the folder itself there") from None
    names = listed(folder)
    out: dict[str, list[Path]] = {}
    for name in names:
        found = data_name(name)
        if found and len(found[0]) == length and found[0].replace("-", "").isdigit():
            out.setdefault(found[0], []).append(folder / name)
    for stem, paths in out.items():
        main = f"{stem}.json"
        paths[:] = current(paths)
        paths.sort(key=lambda p: p.name != main)  # noqa: B023 - sorted before the next stem
    return out


def named_files(folder: Path, name: str) -> list[Path]:
    """The file `name` in folder (when there) and its conflict copies, the file first."""
    names = listed(folder)
    stem = name.removesuffix(".json")
    found = current([folder / n for n in names if (data_name(n) or ("", False))[0] == stem])
    return sorted(found, key=lambda p: p.name != name)
