# SPDX-License-Identifier: GPL-2.0-or-later
"""Benchmark: what loading the plugin costs QGIS (goal: under 150 ms).

Measures, inside a real QgsApplication with pytest-qgis's QgisInterface stub
(real main window, canvas and message bar), the import of the package, the
plugin's constructor (translator, logging) and ``initGui`` (toolbar, menu,
Processing provider with its algorithms), then ``unload``. The package is
dropped from ``sys.modules`` before each run so every run imports it again,
as QGIS does once at start-up. Prints the median of N runs.

    make bench    or    /usr/bin/python3 tests/bench/bench_startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

TARGET_MS = 150.0
PACKAGE = "poix_atelier_plugin"


def _start_qgis():
    """A GUI QgsApplication on a scratch profile and an iface stub."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="atelier-bench-")
    from qgis.core import QgsApplication
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    # Imported before the application exists, as pytest-qgis does: its
    # decorated slots fail to bind otherwise.
    try:
        from pytest_qgis.mock_qgis_classes import MockMessageBar
        from pytest_qgis.qgis_interface import QgisInterface
    except ImportError:
        sys.exit(
            "bench_startup: pytest-qgis is missing (run `make deps`, use build/venv/bin/python)"
        )
    app = QgsApplication([], True)
    app.initQgis()
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    iface = QgisInterface(canvas, MockMessageBar(), window)
    import qgis.utils

    qgis.utils.iface = iface
    return app, window, canvas, iface


def _forget_package() -> None:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def one_run(iface) -> tuple[float, float, float]:
    """(import, constructor, initGui) in milliseconds."""
    _forget_package()
    t0 = time.perf_counter()
    package = __import__(PACKAGE)
    plugin_class_module = __import__(f"{PACKAGE}.plugin", fromlist=["AtelierPlugin"])
    t1 = time.perf_counter()
    plugin = package.classFactory(iface)
    t2 = time.perf_counter()
    plugin.initGui()
    t3 = time.perf_counter()
    plugin.unload()
    del plugin, plugin_class_module
    return (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    app, window, canvas, iface = _start_qgis()
    one_run(iface)  # warm the file cache and .pyc files; not counted
    results = [one_run(iface) for _ in range(runs)]
    imports, inits, guis = zip(*results)
    totals = [sum(r) for r in results]
    median = statistics.median(totals)
    print(f"plugin start-up, median of {runs} runs in a real QgsApplication:")
    print(f"  import            {statistics.median(imports):7.1f} ms")
    print(f"  classFactory      {statistics.median(inits):7.1f} ms")
    print(f"  initGui           {statistics.median(guis):7.1f} ms")
    verdict = "OK" if median < TARGET_MS else "OVER TARGET"
    print(f"  total             {median:7.1f} ms (target < {TARGET_MS:.0f} ms: {verdict})")
    del canvas, window
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
