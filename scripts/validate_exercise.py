"""Temporary helper for content authors: validate exercise TOML files against the model."""

import sys
import tomllib
from pathlib import Path

from pydantic import ValidationError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from coach.core.models import Exercise  # noqa: E402

bad = 0
for name in sys.argv[1:]:
    path = Path(name)
    try:
        ex = Exercise.model_validate(tomllib.loads(path.read_text()))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        bad += 1
        print(f"{path}: {exc}")
        continue
    if ex.id != path.stem:
        bad += 1
        print(f"{path}: id {ex.id!r} must equal the file name")
        continue
    print(f"{path}: OK")
    for i, frame in enumerate(ex.frames, 1):
        print(f"--- frame {i}\n{frame}")
sys.exit(1 if bad else 0)
