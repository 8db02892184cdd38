"""Render every exercise's key positions to screenshots/figures/ for review.

    python scripts/figures.py [--size 80x24] [--mode braille|blocks|ascii|all] [--only ID]
    python scripts/figures.py --blind FILE   # key frames numbered, no names (a naming test)

One text file per exercise with each key position in each mode, and an index.txt with every
exercise's key frame (the last key: the position the exercise is about) in plain ASCII.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.core.content.loading import load_library  # noqa: E402
from coach.core.figure.render import Frame, render  # noqa: E402
from coach.paths import content_dir  # noqa: E402

MODES = ("braille", "blocks", "ascii")


def framed(lines: list[str]) -> str:
    width = max(len(line) for line in lines)
    edge = "+" + "-" * width + "+"
    return "\n".join([edge, *(f"|{line}|" for line in lines), edge])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--mode", default="all", choices=(*MODES, "all"))
    parser.add_argument("--only")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "figures")
    parser.add_argument("--blind", type=Path, help="write shuffled, numbered key frames here")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    modes = MODES if args.mode == "all" else (args.mode,)
    exercises = load_library(content_dir()).exercises
    if args.blind:
        order = sorted(exercises)
        random.Random(args.seed).shuffle(order)
        parts = []
        for n, key in enumerate(order, 1):
            figure = exercises[key].figure
            last = Frame(float(len(figure.keys) - 1))
            parts.append(f"Picture {n}\n" + framed(render(figure, last, cols, rows, "ascii")))
        args.blind.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        answers = args.blind.with_suffix(".answers")
        answers.write_text("".join(f"{n} {key}\n" for n, key in enumerate(order, 1)))
        print(f"wrote {args.blind} and {answers}")
        return
    args.out.mkdir(parents=True, exist_ok=True)
    index = []
    for key, exercise in sorted(exercises.items()):
        if args.only and key != args.only:
            continue
        figure = exercise.figure
        parts = []
        for mode in modes:
            for n in range(len(figure.keys)):
                title = f"{exercise.name} — key {n + 1} of {len(figure.keys)}, {mode}, {args.size}"
                parts.append(title + "\n" + framed(render(figure, Frame(float(n)), cols, rows, mode)))
        (args.out / f"{key}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        last = Frame(float(len(figure.keys) - 1))
        index.append(f"{exercise.name} ({key})\n" + framed(render(figure, last, cols, rows, "ascii")))
    (args.out / "index.txt").write_text("\n\n".join(index) + "\n", encoding="utf-8")
    print(f"wrote {len(index)} exercises to {args.out}")


if __name__ == "__main__":
    main()
