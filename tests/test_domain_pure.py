# SPDX-License-Identifier: GPL-2.0-or-later
"""domain/ must run without QGIS or Qt: import every module in a clean interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT / "poix_atelier_plugin" / "domain"

PROBE = """
import builtins, importlib, pkgutil, sys
real_import = builtins.__import__
def guarded(name, *args, **kwargs):
    if name.split('.')[0] in {'qgis', 'PyQt5', 'PyQt6', 'sip'}:
        raise ImportError('domain imported ' + name)
    return real_import(name, *args, **kwargs)
builtins.__import__ = guarded
import poix_atelier_plugin.domain as domain
names = [m.name for m in pkgutil.iter_modules(domain.__path__)]
for name in names:
    importlib.import_module('poix_atelier_plugin.domain.' + name)
leaked = sorted(m for m in sys.modules if m.split('.')[0] in {'qgis', 'PyQt5'})
assert not leaked, leaked
print(len(names))
"""


def test_domain_imports_no_qgis():
    modules = [p.stem for p in DOMAIN.glob("*.py") if p.stem != "__init__"]
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) == len(modules) >= 4


def test_domain_source_mentions_no_qgis():
    for path in DOMAIN.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import qgis" not in text and "from qgis" not in text, path.name
