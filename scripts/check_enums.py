# SPDX-License-Identifier: GPL-2.0-or-later
"""Find Qt and QGIS enum values the plugin writes in a way Qt 6 / QGIS 4 drop.

flake8-qgis knows a fixed list of renamed enums; this asks the running PyQt
and PyQGIS instead. Every `Name.attr[.attr...]` chain whose head was imported
from `qgis.*` is resolved at run time and reported when it is:
- an enum value reached without its enum (`Qt.UserRole`, not
  `Qt.ItemDataRole.UserRole`): PyQt6 only has the scoped name;
- a value QGIS only keeps by monkey patching (`QgsWkbTypes.PointGeometry`
  on QGIS >= 3.30): QGIS 4 removes those;
- a name this QGIS or PyQt does not have at all;
- `QVariant` used anywhere but in `compat.py`.

    python3 scripts/check_enums.py [PATH...]   (default: the plugin package)

Exit status 1 when anything is found. Run with the QGIS Python under test.
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "poix_atelier_plugin"
# The one module allowed to spell what differs between versions.
COMPAT_NAMES = {"compat.py"}


def imported_names(tree: ast.Module) -> dict[str, tuple[str, str]]:
    """Local name -> (module, attribute) for `from qgis... import X` anywhere."""
    names: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis"):
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module or "", alias.name)
    return names


def attribute_chains(tree: ast.Module) -> Iterator[tuple[int, list[str]]]:
    """Outermost `a.b.c` chains (not their inner parts), as [a, b, c]."""
    inner: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            parts = []
            cur: ast.expr = node
            while isinstance(cur, ast.Attribute):
                inner.add(id(cur.value))
                parts.append(cur.attr)
                cur = cur.value
            if isinstance(cur, ast.Name):
                parts.append(cur.id)
                yield node.lineno, parts[::-1]


def is_enum_type(obj: object) -> bool:
    meta = type(obj)
    return meta.__name__ in ("enumtype", "EnumMeta", "EnumType") and isinstance(obj, type)


def problem(head: object, parts: list[str]) -> str | None:
    obj = head
    for i, attr in enumerate(parts[1:], start=1):
        try:
            value = getattr(obj, attr)
        except AttributeError:
            if is_enum_type(obj) or (i == 1 and isinstance(obj, type)):
                return f"{'.'.join(parts[: i + 1])}: missing on this version"
            return None  # an attribute of an instance or of a method
        # QGIS marks the value object itself, so the canonical member
        # (`Qgis.GeometryType.Point`) carries the mark too: only another
        # name for it is the monkey patch.
        canonical = is_enum_type(obj) and getattr(value, "name", None) == attr
        if getattr(value, "is_monkey_patched", False) and not canonical:
            return f"{'.'.join(parts[: i + 1])}: kept by monkey patching, gone in QGIS 4"
        enum_type = type(value)
        if (
            is_enum_type(enum_type)
            and not is_enum_type(obj)
            and not isinstance(value, type)
            and isinstance(obj, type)
        ):
            scoped = getattr(obj, enum_type.__name__, None)
            where = f"{obj.__name__}.{enum_type.__name__}" if scoped is enum_type else None
            where = where or enum_type.__qualname__
            return f"{'.'.join(parts[: i + 1])}: unscoped, write {where}.{attr}"
        obj = value
    return None


def scan_file(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = imported_names(tree)
    found = []
    rel = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    if path.name not in COMPAT_NAMES and "QVariant" in names:
        found.append(f"{rel}: imports QVariant (only compat.py may)")
    for lineno, parts in attribute_chains(tree):
        if parts[0] not in names:
            continue
        module, attr = names[parts[0]]
        try:
            head = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            continue
        message = problem(head, parts)
        if message and path.name not in COMPAT_NAMES:
            found.append(f"{rel}:{lineno}: {message}")
    return found


def scan(paths: list[Path]) -> list[str]:
    found = []
    for root in paths:
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            found.extend(scan_file(path))
    return found


def main(argv: list[str]) -> int:
    found = scan([Path(arg) for arg in argv] or [PACKAGE])
    for line in found:
        print(line)
    print(f"{len(found)} finding(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
