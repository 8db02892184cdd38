"""Render every exercise's key positions, as the session draws them, to PNG for review.

    python scripts/figures.py [--size 35x18] [--only ID] [--out DIR]
    python scripts/figures.py --blind DIR [--mode braille|blocks] [--seed N]

The default writes DIR/ID-braille.png and DIR/ID-blocks.png (key positions side by side,
named) and index.txt (every key frame in ASCII). --blind writes a naming test: DIR/01.png,
02.png ... in shuffled order with no name anywhere in them, the list of exercise names in
alphabetical order as DIR/../<DIR name>-names.txt, and the answers beside it, so a reader
given only DIR cannot see them. 35x18 is the picture's box in the session at 80x24.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from figure_png import panels_png  # noqa: E402

from coach.core.content.loading import load_library  # noqa: E402
from coach.core.figure.render import Frame, render  # noqa: E402
from coach.paths import content_dir  # noqa: E402

PNG_MODES = ("braille", "blocks")


def key_panels(figure, cols: int, rows: int, mode) -> list[list[str]]:
    return [render(figure, Frame(float(n)), cols, rows, mode) for n in range(len(figure.keys))]


def blind(exercises, out: Path, mode, cols: int, rows: int, seed: int) -> None:
    order = sorted(exercises)
    random.Random(seed).shuffle(order)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    for n, key in enumerate(order, 1):
        panels_png(key_panels(exercises[key].figure, cols, rows, mode), str(out / f"{n:02}.png"))
    names = out.parent / f"{out.name}-names.txt"
    names.write_text("".join(f"{exercises[k].name}\n" for k in sorted(
        exercises, key=lambda k: exercises[k].name)), encoding="utf-8")
    answers = out.parent / f"{out.name}-answers.txt"
    answers.write_text("".join(f"{n:02} {exercises[k].name}\n" for n, k in enumerate(order, 1)),
                       encoding="utf-8")
    print(f"wrote {len(order)} pictures to {out}, names in {names}, answers in {answers}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="35x18")
    parser.add_argument("--only")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "figures")
    parser.add_argument("--blind", type=Path, help="write shuffled, numbered pictures here")
    parser.add_argument("--mode", default="braille", choices=PNG_MODES)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    exercises = load_library(content_dir()).exercises
    if args.blind:
        # Each mode its own order: a reader of both sets learns nothing from the numbers.
        blind(exercises, args.blind, args.mode, cols, rows, args.seed + PNG_MODES.index(args.mode))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    index = []
    for key, exercise in sorted(exercises.items()):
        if args.only and key != args.only:
            continue
        figure = exercise.figure
        count = len(figure.keys)
        for mode in PNG_MODES:
            captions = [f"{exercise.name[:cols - 4]} {n + 1}/{count}" for n in range(count)]
            panels_png(key_panels(figure, cols, rows, mode), str(args.out / f"{key}-{mode}.png"),
                       captions)
        last = render(figure, Frame(float(count - 1)), cols, rows, "ascii")
        index.append(f"{exercise.name} ({key})\n" + "\n".join(last))
    if not args.only:
        (args.out / "index.txt").write_text("\n\n".join(index) + "\n", encoding="utf-8")
    print(f"wrote {len(index)} exercises to {args.out}")


if __name__ == "__main__":
    main()
