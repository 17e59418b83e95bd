# SPDX-License-Identifier: GPL-2.0-or-later
"""In CI, a test whose data is missing fails; elsewhere it is skipped.

A child pytest runs tests/data_probe.py with ATELIER_SHARED_DATA pointing at a
folder that does not exist, once with CI=true and once without.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PROBE = HERE / "data_probe.py"


def _child(tmp_path: Path, ci: str | None) -> tuple[int, dict, str]:
    env = dict(os.environ, ATELIER_SHARED_DATA=str(tmp_path / "pas_de_donnees"))
    env.pop("CI", None)
    if ci is not None:
        env["CI"] = ci
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfs", "-p", "no:cacheprovider", str(PROBE)],
        cwd=HERE.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = result.stdout + result.stderr
    counts = {k: int(n) for n, k in re.findall(r"(\d+) (passed|failed|skipped|error)", out)}
    return result.returncode, counts, out


@pytest.mark.slow
def test_missing_data_fails_in_ci(tmp_path):
    rc, counts, out = _child(tmp_path, "true")
    assert rc == 1, out
    # a fixture that fails is reported as an error, a test body as a failure
    assert counts.get("failed", 0) + counts.get("error", 0) == 2, out
    assert "skipped" not in counts, out
    assert "required in CI" in out
    assert "pas_de_donnees" in out


@pytest.mark.slow
def test_missing_data_skips_on_a_workstation(tmp_path):
    rc, counts, out = _child(tmp_path, None)
    assert rc == 0, out
    assert counts.get("skipped") == 2, out
    assert "failed" not in counts and "error" not in counts, out
