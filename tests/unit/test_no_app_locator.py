"""The App is no service locator (issue 18): its helpers, screens and widgets get what they
use (coach/ui/context.py, arguments, reactives, messages), not the App's parts.

Outside the App's own module, `self.app.<name>` is only Textual's App: framework calls on the
whole app (notices, the screen stack, actions, a worker, a message), never backcoach's store,
clock, settings or helpers. No module but app.py names CoachApp, so whatever holds an App holds
Textual's type, and mypy refuses a reach for anything of ours through it; and nothing casts
`self.app` to get past that.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "coach/ui"
APP_MODULE = UI / "app.py"

# Textual's own App API that a screen or widget may call on the app it runs in.
FRAMEWORK = {
    "notify", "bell", "exit", "theme",  # a notice, the bell, leaving, the colours
    "push_screen", "pop_screen", "switch_screen", "screen",  # the screen stack
    "run_action", "simulate_key", "get_key_display",  # keys and actions, as Textual's Footer
    "get_system_commands",  # the command palette's provider, as Textual's own
    "call_later", "call_after_refresh", "batch_update", "post_message", "run_worker",
    "size",  # the terminal's, where that is the point
}


def ui_modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p != APP_MODULE)


def app_uses(tree: ast.AST) -> list[tuple[int, str]]:
    """Every `self.app.<name>`, with its line."""
    return [(node.lineno, node.attr) for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
            and node.value.attr == "app" and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "self"]


def casts_to_an_app(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "cast" and node.args
            and "App" in ast.unparse(node.args[0])]


def names_coach_app(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and any(a.name == "CoachApp" for a in node.names)]


def findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT)
    return ([f"{where}:{line}: self.app.{name}" for line, name in app_uses(tree)
             if name not in FRAMEWORK]
            + [f"{where}:{line}: cast to an App" for line in casts_to_an_app(tree)]
            + [f"{where}:{line}: imports CoachApp" for line in names_coach_app(tree)])


def test_nothing_outside_the_app_module_reaches_the_apps_parts():
    assert [found for path in ui_modules() for found in findings(path)] == []


def test_the_rule_sees_a_reach_a_cast_and_an_import(tmp_path):
    """The checks above find what they look for (so an empty answer means something)."""
    sample = tmp_path / "helper.py"
    sample.write_text("from typing import cast\nfrom coach.ui.app import CoachApp\n"
                      "class H:\n    def f(self):\n        self.app.notify('ok')\n"
                      "        return self.app.store, cast(CoachApp, self.app).clock\n")
    tree = ast.parse(sample.read_text())
    assert [name for _, name in app_uses(tree) if name not in FRAMEWORK] == ["store"]
    assert casts_to_an_app(tree) == [6] and names_coach_app(tree) == [2]
