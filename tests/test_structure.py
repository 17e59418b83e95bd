# SPDX-License-Identifier: GPL-2.0-or-later
"""The package stays readable: small modules, each folder saying what it holds,
imports that import-linter can see, one way to tell a NULL (docs/architecture.md).

These read the sources only; the import contracts themselves run in ``make lint``.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "poix_atelier_plugin"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 400


def _relative(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def test_the_package_is_found():
    assert len(MODULES) > 100 and (PACKAGE / "domain" / "schema.py") in MODULES


def test_no_module_over_400_lines():
    long = {
        _relative(p): n
        for p in MODULES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_each_folder_opens_with_a_docstring():
    folders = sorted({p.parent for p in MODULES if "__pycache__" not in p.parts})
    missing = [
        _relative(f)
        for f in folders
        if not (f / "__init__.py").is_file()
        or not ast.get_docstring(ast.parse((f / "__init__.py").read_text(encoding="utf-8")))
    ]
    assert not missing, f"folders without a docstring in __init__.py: {missing}"


def _own_imports(node) -> bool:
    """An import of the package's own modules (relative, or by its name)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.ImportFrom) and (
            sub.level or (sub.module or "").startswith("poix_atelier_plugin")
        ):
            return True
        if isinstance(sub, ast.Import) and any(
            a.name.startswith("poix_atelier_plugin") for a in sub.names
        ):
            return True
    return False


def test_own_modules_are_imported_plainly():
    """No ``try: from .x import … except ImportError`` and no ``importlib`` between the
    package's modules: both hide an import (and a circle) from import-linter."""
    hidden = []
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Try) and _own_imports(ast.Module(node.body, [])):
                caught = [ast.unparse(h.type) for h in node.handlers if h.type is not None]
                if any("ImportError" in c or "ModuleNotFoundError" in c for c in caught):
                    hidden.append(f"{_relative(path)}:{node.lineno} try/except ImportError")
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(
                ("import_module", "__import__")
            ):
                hidden.append(f"{_relative(path)}:{node.lineno} {ast.unparse(node.func)}")
    assert not hidden, hidden


def test_a_null_is_told_one_way():
    """``store.rows.plain_value`` (through ``compat.is_null``): comparing ``str(value)``
    with "NULL" also erases a text a person typed as NULL."""
    found = [
        f"{_relative(p)}:{i}"
        for p in MODULES
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""==\s*["']NULL["']""", line)
    ]
    assert not found, found


def test_comments_say_why_not_who():
    who = re.compile(r"\b(engineer|helper [A-Z0-9]|written by|wrote this|colleague)\b", re.I)
    found = []
    for path in MODULES:
        source = path.read_text(encoding="utf-8")
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT and who.search(tok.string):
                found.append(f"{_relative(path)}:{tok.start[0]} {tok.string.strip()}")
    assert not found, found


def _imports_of(module: str, path: Path, names: set[str]) -> set[str]:
    """The package's modules ``module`` imports, at the top or inside a function."""
    parts = module.split(".")
    anchor_of = parts if path.name == "__init__.py" else parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = anchor_of[: len(anchor_of) - (node.level - 1)]
                target = ".".join(base + (node.module.split(".") if node.module else []))
            else:
                target = node.module or ""
            targets = [f"{target}.{a.name}" for a in node.names] + [target]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        for target in targets:
            if target in names and target != module:
                found.add(target)
                break
    return found


def test_no_import_circle_even_through_lazy_imports():
    """import-linter's layers keep imports going down; this also finds a circle inside
    one layer, or one closed by an import inside a function."""
    modules = {}
    for path in MODULES:
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {m: _imports_of(m, p, set(modules)) for m, p in modules.items()}
    circles = []
    for start in graph:  # a depth-first walk from each module, back to itself
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    circles.append(" → ".join(trail + [start]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, trail + [nxt]))
    assert not circles, circles[:5]
