"""The core reads top to bottom: each package imports only the ones below it, never one above
and never in a circle, so any layer can be understood (and tested) without those on top.

LAYERS is the order, lowest first (docs/ARCHITECTURE.md draws the same picture). Type-only
imports count too: an arrow is an arrow, whenever Python follows it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import coach

CORE = Path(coach.__file__).parent / "core"
# lowest first; a layer may import itself and anything before it
LAYERS = ["text", "wording", "disk", "time", "settings", "figure", "content", "session",
          "storage", "nudge", "history"]


def layer_of(path: Path) -> str:
    return path.relative_to(CORE).with_suffix("").parts[0]


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "coach.core":  # a layer by name
            found += [f"coach.core.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return [name for name in found if name == "coach" or name.startswith("coach.")]


def arrows() -> list[tuple[Path, str, str]]:
    """(file, its layer, what it imports) for every import of coach from the core."""
    return [(path, layer_of(path), name) for path in sorted(CORE.rglob("*.py"))
            if path.name != "__init__.py" or path.parent != CORE for name in imports(path)]


def test_every_core_package_has_its_place():
    packages = {layer_of(p) for p in CORE.rglob("*.py") if p.name != "__init__.py"}
    assert packages == set(LAYERS)


def test_no_arrow_goes_up_or_out():
    wrong = []
    for path, layer, name in arrows():
        parts = name.split(".")
        if name == "coach":  # the package itself: its version, nothing else
            continue
        if parts[1] != "core":
            wrong.append(f"{path.relative_to(CORE)} imports {name}: the core reaches out")
        elif LAYERS.index(parts[2]) > LAYERS.index(layer):
            wrong.append(f"{path.relative_to(CORE)} ({layer}) imports {name}: an arrow up")
    assert wrong == []


def test_no_circle_between_packages():
    graph: dict[str, set[str]] = {layer: set() for layer in LAYERS}
    for _, layer, name in arrows():
        parts = name.split(".")
        if len(parts) > 2 and parts[1] == "core" and parts[2] != layer:
            graph[layer].add(parts[2])
    seen: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        if seen.get(node) == "open":
            raise AssertionError(" -> ".join([*trail, node]))
        if seen.get(node) == "done":
            return
        seen[node] = "open"
        for after in sorted(graph[node]):
            visit(after, [*trail, node])
        seen[node] = "done"

    for layer in LAYERS:
        visit(layer, [])


def test_storage_never_reaches_up_to_the_app_paths():
    for path in (CORE / "storage").rglob("*.py"):
        assert "coach.paths" not in imports(path), path.name
