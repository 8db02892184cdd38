"""A close-up (`crop` in [figure]): the box fits the body from the knees or hips up, so a
face-down lift's arms and chest come out bigger; a crop that would hide what moves is refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from coach.core.content.loading import check
from coach.core.figure.model import Figure
from coach.core.figure.render import Frame, paint, render
from coach.paths import content_dir


def _cropped(figure: Figure, crop: str | None) -> Figure:
    return Figure.model_validate(figure.model_dump() | {"crop": crop})


def _head_pixels(figure: Figure, mode: str) -> int:
    canvas = paint(figure, Frame(1.0), 35, 18, mode)
    return sum(1 for key, part in canvas.parts.items() if part == "head" and key in canvas.ink)


@pytest.mark.parametrize("mode", ["braille", "blocks"])
def test_a_crop_at_the_hips_draws_the_trunk_and_head_bigger(library, mode):
    whole = library.exercises["prone-trunk-lift"].figure
    close = _cropped(whole, "hips")
    assert _head_pixels(close, mode) > 1.5 * _head_pixels(_cropped(whole, None), mode)
    knees = _head_pixels(_cropped(whole, "knees"), mode)
    assert _head_pixels(_cropped(whole, None), mode) < knees < _head_pixels(close, mode)


def test_a_cropped_figure_keeps_its_head_and_floor_inside_the_box(library):
    close = _cropped(library.exercises["prone-trunk-lift"].figure, "hips")
    for position in (0.0, 1.0):
        for mirrored in (False, True):
            canvas = paint(close, Frame(position, mirrored), 35, 18, "braille")
            assert not any(y == 0 for _, y in canvas.ink)  # nothing cut off at the top
            assert render(close, Frame(position, mirrored), 35, 18, "braille")[-1].strip()


def test_a_crop_that_hides_a_moving_leg_is_refused(library, tmp_path):
    with pytest.raises(ValidationError, match="crop = 'knees' cuts off shin_l, which key 2 moves"):
        _cropped(library.exercises["superman"].figure, "knees")
    with pytest.raises(ValidationError, match="crop = 'hips' cuts off thigh_l"):
        _cropped(library.exercises["superman"].figure, "hips")
    folder = tmp_path / "exercises"
    folder.mkdir()
    text = (content_dir() / "exercises" / "superman.toml").read_text(encoding="utf-8")
    (folder / "superman.toml").write_text(
        text.replace('props = ["mat"]', 'props = ["mat"]\ncrop = "hips"'), encoding="utf-8")
    problems = check([tmp_path], content_dir())
    assert len(problems) == 1 and "superman.toml" in problems[0] and "crop" in problems[0]
