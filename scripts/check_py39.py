# SPDX-License-Identifier: GPL-2.0-or-later
"""Python 3.9 (QGIS 3.22 on Windows): find `X | Y` type unions evaluated at run time.

vermin (run next to this by `make lint`) checks syntax and the standard
library, but it cannot tell a type union from a bitwise or outside
annotations (`--feature union-types` also flags every Qt flag `A | B` and
every postponed annotation). This check is narrow and exact: an `|` whose
operand is `None`, a builtin type or a subscripted generic (`list[str]`), in
code that runs: module level, defaults, `isinstance`, and annotations too
when the module has no `from __future__ import annotations`.

    python3 scripts/check_py39.py [PATH...]   (default: the plugin package)
    python3.9 scripts/check_py39.py --run     also compile every module with
        this interpreter and import the domain/ modules (those needing a
        package this interpreter lacks, shapely or numpy, are skipped)
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "poix_atelier_plugin"
TYPE_NAMES = {
    "str", "int", "float", "bool", "bytes", "complex", "object", "type",
    "list", "dict", "set", "frozenset", "tuple",
}  # fmt: skip


def _is_type(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and node.value is None:
        return True
    if isinstance(node, ast.Name) and node.id in TYPE_NAMES:
        return True
    if isinstance(node, ast.Subscript):
        return True  # list[str], Optional[str]...: a generic alias, never a number
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _is_type(node.left) or _is_type(node.right)
    return False


def _annotations(tree: ast.Module) -> set[int]:
    """ids of every node inside an annotation."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            every = args.posonlyargs + args.args + args.kwonlyargs
            every += [a for a in (args.vararg, args.kwarg) if a is not None]
            roots += [a.annotation for a in every if a.annotation is not None]
            if node.returns is not None:
                roots.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            roots.append(node.annotation)
    return {id(sub) for root in roots for sub in ast.walk(root)}


def _postponed(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )


def check_source(text: str, name: str = "<source>") -> list[str]:
    tree = ast.parse(text, name)
    skip = _annotations(tree) if _postponed(tree) else set()
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.BitOr)
            and id(node) not in skip
            and (_is_type(node.left) or _is_type(node.right))
        ):
            found.append(
                f"{name}:{node.lineno}: `{ast.unparse(node)}` is evaluated at run time: "
                "Python 3.9 has no `X | Y` types (use Optional/Union)"
            )
    return sorted(set(found), key=lambda line: int(line.split(":")[1]))


def run_here() -> list[str]:
    """Compile the package and import domain/ with the running interpreter."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        except SyntaxError as exc:
            found.append(f"{path}:{exc.lineno}: {exc.msg}")
    sys.path.insert(0, str(PACKAGE.parent))
    imported = 0
    for path in sorted((PACKAGE / "domain").glob("*.py")):
        name = f"{PACKAGE.name}.domain.{path.stem}".removesuffix(".__init__")
        try:
            importlib.import_module(name)
            imported += 1
        except ModuleNotFoundError as exc:
            if (exc.name or "").split(".")[0] == PACKAGE.name:
                found.append(f"{path}: {exc}")
        except Exception as exc:  # noqa: BLE001 - any import-time failure is the finding
            found.append(f"{path}: {type(exc).__name__}: {exc}")
    version = ".".join(map(str, sys.version_info[:3]))
    print(
        f"python {version}: package compiled, {imported} domain modules imported", file=sys.stderr
    )
    return found


def main(argv: list[str]) -> int:
    run = "--run" in argv
    argv = [arg for arg in argv if arg != "--run"]
    roots = [Path(arg) for arg in argv] or [PACKAGE]
    found = run_here() if run else []
    for root in roots:
        for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
            found += check_source(path.read_text(encoding="utf-8"), str(path))
    for line in found:
        print(line)
    print(f"python 3.9 unions: {len(found)} finding(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
