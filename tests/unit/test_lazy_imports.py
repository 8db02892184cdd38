"""The first frame needs only the picker: the other screens load when they are first shown."""

from __future__ import annotations

import subprocess
import sys

from textual.screen import Screen

from coach.ui.lazy import LazyScreen

LATER = ("progress", "editor", "library", "settings", "help", "summary", "session", "chooser")


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(m for m in sys.modules if m.startswith('coach.ui')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_importing_the_app_loads_no_screen_the_first_frame_does_not_show():
    loaded = loaded_after("import coach.ui.app")
    assert "coach.ui.screens.picker" in loaded  # the check itself sees screen modules
    assert not {f"coach.ui.screens.{name}" for name in LATER} & loaded


def test_a_lazy_screen_is_built_from_its_module_when_called():
    lazy = LazyScreen("coach.ui.screens.help", "HelpScreen")
    screen = lazy(Screen())
    from coach.ui.screens.help import HelpScreen

    assert type(screen) is HelpScreen
    assert isinstance(screen, lazy)
    assert not isinstance(Screen(), lazy)


def test_isinstance_against_an_unloaded_screen_imports_nothing():
    code = ("from coach.ui.lazy import LazyScreen; "
            "lazy = LazyScreen('coach.ui.screens.progress', 'ProgressScreen'); "
            "assert not isinstance(object(), lazy)")
    assert "coach.ui.screens.progress" not in loaded_after(code)
