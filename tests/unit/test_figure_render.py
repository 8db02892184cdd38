"""Every exercise's picture, in every mode and size, fits its box; mirroring keeps the box."""

from __future__ import annotations

import pytest

from coach.core.figure.modes import MODES, pick_mode
from coach.core.figure.render import Frame, bounds, picture, render

SIZES = [(40, 12), (32, 10), (80, 30), (80, 24), (200, 60), (6, 3)]
BRAILLE = range(0x2800, 0x2900)
ALLOWED = {
    "braille": lambda c: c == " " or ord(c) in BRAILLE,
    "blocks": lambda c: c in " ▀▄█▌▐",  # CP437: what the Linux console font has
    "ascii": lambda c: c == " " or (c.isascii() and c.isprintable()),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_every_exercise_draws_within_its_box(library, mode, cols, rows):
    for exercise in library.exercises.values():
        keys = len(exercise.figure.keys)
        for position in [n / 2 for n in range(2 * keys - 1)]:
            for mirrored in (False, True):
                lines = render(exercise.figure, Frame(position, mirrored), cols, rows, mode)
                assert len(lines) == rows, exercise.id
                assert all(len(line) == cols for line in lines), exercise.id
                assert all(ALLOWED[mode](c) for line in lines for c in line), exercise.id
                if cols >= 32:
                    assert any(line.strip() for line in lines), exercise.id


def test_key_positions_differ_so_the_movement_shows(library):
    for exercise in library.exercises.values():
        frames = {tuple(render(exercise.figure, Frame(float(n)), 80, 24, "braille"))
                  for n in range(len(exercise.figure.keys))}
        assert len(frames) == len(exercise.figure.keys), exercise.id


def test_mirroring_stays_in_the_same_box(library):
    figure = library.exercises["sit-and-rotate"].figure
    x0, y0, x1, y1 = bounds(figure)
    for mirrored in (False, True):
        for x, y in picture(figure, Frame(1.0, mirrored)).points():
            assert x0 <= x <= x1 and y0 <= y <= y1
    right = render(figure, Frame(1.0), 80, 24, "ascii")
    left = render(figure, Frame(1.0, mirrored=True), 80, 24, "ascii")
    assert right != left


def test_turns_and_lifts_carry_arrows(library):
    turned = picture(library.exercises["sit-and-rotate"].figure, Frame(1.0))
    still = picture(library.exercises["sit-and-rotate"].figure, Frame(0.0))
    assert turned.arrows and not still.arrows
    press = picture(library.exercises["prone-press-up"].figure, Frame(1.0))
    assert press.arrows  # the chest rises
    lift = picture(library.exercises["opposite-arm-leg-lift"].figure, Frame(1.0))
    assert lift.arrows == 2  # an arrow over the lifted arm and one over the lifted leg
    looks = {s.look for s in lift.shapes if s.role == "body"}
    assert {"solid", "outline"} <= looks  # near limbs solid, far ones in outline


def test_cobra_and_press_up_are_drawn_differently(library):
    cobra = render(library.exercises["cobra"].figure, Frame(1.0), 80, 24, "braille")
    press = render(library.exercises["prone-press-up"].figure, Frame(1.0), 80, 24, "braille")
    assert cobra != press


@pytest.mark.parametrize(
    ("env", "mode"),
    [
        ({"TERM": "xterm-256color", "LANG": "en_GB.UTF-8"}, "braille"),
        ({"TERM": "linux", "LANG": "en_GB.UTF-8"}, "blocks"),
        ({"TERM": "xterm", "LANG": "C"}, "ascii"),
        ({"TERM": "xterm", "LC_ALL": "POSIX", "LANG": "en_GB.UTF-8"}, "ascii"),
        ({"TERM": "linux", "BACKCOACH_FIGURES": "ascii"}, "ascii"),
        ({"TERM": "xterm", "BACKCOACH_FIGURES": "nonsense"}, "braille"),
    ],
)
def test_the_mode_follows_the_terminal(env, mode):
    assert pick_mode(env) == mode
