"""backcoach uses Textual's public API only, so a Textual release within the pins cannot
silently break it. One module is allowed past that line (coach/ui/terminal_out.py, which a
real-pty test covers); nothing else, in coach/ or in tests/."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import coach.ui

ROOT = Path(__file__).resolve().parents[2]
FENCED = {ROOT / "coach/ui/terminal_out.py"}
PRIVATE_MODULE = re.compile(r"^textual(\.\w+)*\._")
# Parts of Textual's objects with no public promise that an app might reach for.
PRIVATE_NAMES = {"_driver", "_notifications", "_bindings_ready", "_get_default_css",
                 "_compositor", "_button", "_loading", "add_source"}


def sources() -> list[Path]:
    return [p for folder in ("coach", "tests") for p in (ROOT / folder).rglob("*.py")
            if p not in FENCED and p != Path(__file__).resolve()]


def private_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and PRIVATE_MODULE.match(node.module):
            found.append(f"from {node.module} import")
        elif isinstance(node, ast.ImportFrom) and node.module == "textual.events":
            found += [f"events.{a.name}" for a in node.names if a.name == "Callback"]
        elif isinstance(node, ast.Attribute) and node.attr in PRIVATE_NAMES | {"Callback"}:
            found.append(f".{node.attr}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [f"CSS layer {m}" for m in re.findall(r"layer:\s*(_\w+)", node.value)]
    return [f"{path.relative_to(ROOT)}: {what}" for what in found]


def test_no_private_textual_api_outside_the_fenced_module():
    found = [use for path in sources() for use in private_uses(path)]
    assert found == []


def test_no_widget_overrides_a_private_member_of_textual():
    """A subclass that redefines a Textual class's `_name` depends on its insides."""
    found = []
    for info in pkgutil.walk_packages(coach.ui.__path__, "coach.ui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            textual_bases = [b for b in cls.__mro__[1:] if b.__module__.startswith("textual")]
            for name, member in vars(cls).items():
                written = inspect.isfunction(member) or isinstance(member, property)
                if written and name.startswith("_") and not name.startswith("__"):
                    found += [f"{cls.__name__}.{name} overrides {base.__name__}.{name}"
                              for base in textual_bases if name in vars(base)]
    assert found == []


def test_the_fence_is_the_only_way_to_the_driver():
    fenced = ROOT / "coach/ui/terminal_out.py"
    assert private_uses(fenced) == [f"{fenced.relative_to(ROOT)}: ._driver"]
