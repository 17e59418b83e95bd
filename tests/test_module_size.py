# SPDX-License-Identifier: GPL-2.0-or-later
"""No module of the package grows past 400 lines: past that, it holds two subjects."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "poix_atelier_plugin"
MAX_LINES = 400


def test_no_module_exceeds_400_lines():
    sizes = {
        str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
    }
    assert sizes and not {p: n for p, n in sizes.items() if n > MAX_LINES}


def test_value_comparison_lives_apart_from_the_conflict_checks():
    from poix_atelier_plugin.store import pg_conflicts, row_compare

    assert pg_conflicts.same_value is row_compare.same_value
    assert row_compare.same_value(1, 1.0) and not row_compare.same_value("1", None)
    text = (PACKAGE / "store" / "row_compare.py").read_text(encoding="utf-8")
    assert "pg_conflicts" not in text  # imports one way
