"""The core decides everything without a terminal: it must never import Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import coach

PACKAGE = Path(coach.__file__).parent
CORE = PACKAGE / "core"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_file_imports_textual_or_rich():
    for path in CORE.rglob("*.py"):
        for name in imported_modules(path):
            root = name.split(".")[0]
            assert root not in {"textual", "rich"}, f"{path.name} imports {name}"
            assert not name.startswith("coach.ui"), f"{path.name} imports {name}"


def test_importing_core_and_cli_loads_no_ui():
    code = (
        "import sys, coach.cli, coach.core.content.loading, coach.core.content.planning, coach.core.content.catalog;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
        " or m.startswith('coach.ui')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
