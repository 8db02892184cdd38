"""Half blocks (TERM=linux): a pixel twice as tall as wide and only ▀▄▌▐█ to draw with, so
a head must be placed where it comes out round, and a body lying down needs depth and air."""

from __future__ import annotations

import pytest

from coach.core.figure.render import Frame, paint

SESSION_BOX = (35, 18)  # the picture's box in the session at 80x24


def head_cells(canvas, parts=("head",)) -> dict[int, list[int]]:
    """Cell row -> the columns of the cells the head inks (blocks: 2x2 pixels a cell)."""
    rows: dict[int, list[int]] = {}
    for (x, y), part in canvas.parts.items():
        if part in parts and (x, y) in canvas.ink:
            rows.setdefault(y // 2, []).append(x // 2)
    return {row: sorted(set(cols)) for row, cols in rows.items()}


@pytest.mark.parametrize("exercise_id", ["bodyweight-squat", "standing-toe-touch",
                                         "sit-and-rotate", "seated-leg-rotations",
                                         "seated-scapular-retraction", "stand-and-move"])
def test_a_small_head_comes_out_round_not_a_box(library, exercise_id):
    figure = library.exercises[exercise_id].figure
    for n in range(len(figure.keys)):
        canvas = paint(figure, Frame(float(n)), *SESSION_BOX, "blocks")
        lines, cells = canvas.lines(), head_cells(canvas)
        top, bottom = min(cells), max(cells)
        assert bottom > top, (exercise_id, n)  # two cell rows at least
        corners = [lines[top][cells[top][0]], lines[top][cells[top][-1]],
                   lines[bottom][cells[bottom][0]], lines[bottom][cells[bottom][-1]]]
        # Rounded corners: the top row's ends are lower halves, the bottom row's upper ones.
        assert corners == ["▄", "▄", "▀", "▀"], (exercise_id, n, lines[top:bottom + 1])
        # ...and a domed top (▄██▄), not a flat lid of lower halves over a block (▄▄▄ on ███).
        inner = lines[top][cells[top][0] + 1:cells[top][-1]]
        assert "█" in inner, (exercise_id, n, lines[top:bottom + 1])


@pytest.mark.parametrize("mode", ["braille", "blocks"])
def test_a_body_leaves_a_whole_row_of_air_above_the_floor(library, mode):
    """Not only no touching pixel: the row right above the floor's top is free of the body
    everywhere, so the mat is never notched under a body sunk into it."""
    for exercise in library.exercises.values():
        for n in range(len(exercise.figure.keys)):
            canvas = paint(exercise.figure, Frame(float(n)), *SESSION_BOX, mode)
            top = min(y for (_, y), r in canvas.ink.items() if r == "floor")
            sunk = [x for (x, y), r in canvas.ink.items() if r == "body" and y == top - 1]
            assert not sunk, (exercise.id, n)


def test_a_body_lying_down_is_deep_enough_to_see(library):
    """Five pixel rows (two and a half cells) at its deepest: four read as a line on the mat."""
    for exercise in library.exercises.values():
        if exercise.figure.base not in ("prone", "supine", "all fours"):
            continue
        canvas = paint(exercise.figure, Frame(0.0), *SESSION_BOX, "blocks")
        columns: dict[int, int] = {}
        for (x, y), role in canvas.ink.items():  # the head is round whatever the body
            columns[x] = columns.get(x, 0) + (role == "body" and canvas.parts[x, y] != "head")
        assert max(columns.values()) >= 5, exercise.id


def test_no_cell_beside_a_head_holds_trunk(library):
    """A half block fills its cell's whole width: a head's gap must be a whole empty cell."""
    for exercise in library.exercises.values():
        for n in range(len(exercise.figure.keys)):
            canvas = paint(exercise.figure, Frame(float(n)), *SESSION_BOX, "blocks")
            cells: dict[str, set[tuple[int, int]]] = {"head": set(), "trunk": set()}
            for (x, y), part in canvas.parts.items():
                if part in cells and (x, y) in canvas.ink:
                    cells[part].add((x // 2, y // 2))
            beside = {(c + d, r) for c, r in cells["head"] for d in (-1, 0, 1)}
            assert not beside & cells["trunk"], (exercise.id, n)


@pytest.mark.parametrize("exercise_id", ["standing-toe-touch", "standing-back-arch",
                                         "stand-and-move"])
def test_a_small_head_in_profile_shows_which_way_it_faces(library, exercise_id):
    """A nose a cell out on the face side (to the right; to the left when mirrored), so a
    lean back cannot be read as a fold forward facing the other way."""
    figure = library.exercises[exercise_id].figure
    for mirrored in (False, True):
        canvas = paint(figure, Frame(0.0, mirrored), *SESSION_BOX, "blocks")
        head, face = head_cells(canvas), head_cells(canvas, ("head", "nose"))

        def ends(cells):
            return min(c[0] for c in cells.values()), max(c[-1] for c in cells.values())

        (left, right), (face_left, face_right) = ends(head), ends(face)
        out = (left - face_left, face_right - right)
        assert out == ((1, 0) if mirrored else (0, 1)), (exercise_id, mirrored)
        assert set(face) == set(head)  # no row of its own: not a brim above, nor a chin
