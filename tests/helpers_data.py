# SPDX-License-Identifier: GPL-2.0-or-later
"""Test data that must be there: ``../shared/data`` and the bundled sample.

On a developer's machine a missing data file skips the test that needs it. In
CI (``CI=true``, set by .ci/run) the data is part of the checkout, so a
missing file is a failure: a skip there would pass a run that tested nothing.
Skips for other reasons (a tool or a QGIS feature missing) stay skips.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample"
SAMPLE_GPKG = SAMPLE / "atelier_59464.gpkg"
SAMPLE_PROJECT = REPO / "sample_project.qgz"
#: ``ATELIER_SHARED_DATA`` points the suite at another copy (or at nothing, to test this).
SHARED_DATA = Path(os.environ.get("ATELIER_SHARED_DATA") or REPO.parent / "shared" / "data")


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def missing(what: str) -> None:
    """Fail in CI, skip elsewhere, saying what is missing."""
    if in_ci():
        pytest.fail(f"{what} (required in CI)", pytrace=False)
    pytest.skip(what)


def need(path: str | Path, what: str) -> Path:
    """``path`` when it exists; otherwise fail in CI, skip elsewhere."""
    path = Path(path)
    if not path.exists():
        missing(f"{what} not found at {path}")
    return path


def need_sample_gpkg() -> Path:
    """The committed sample dossier (scripts/make_sample.py builds it)."""
    return need(SAMPLE_GPKG, "the sample dossier (scripts/make_sample.py)")
