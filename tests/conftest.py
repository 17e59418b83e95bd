# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared fixtures.

pytest-qgis starts one QgsApplication for the session (GUI enabled, offscreen
platform set by the Makefile) and provides ``qgis_iface``, ``qgis_canvas``,
``qgis_new_project``, ``qgis_processing`` and ``qgis_bot``. This file adds the
project's paths, the real data in ``../shared/data`` (skipped when absent, a
failure in CI: tests/helpers_data.py),
the French catalogue and the ``atelier`` Processing provider.

QGIS is imported inside fixtures only, so pure ``domain/`` tests also run
with ``pytest -p no:qgis``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from helpers_data import SHARED_DATA, need  # noqa: E402 - tests/ is on sys.path from here

# Set by scripts/trixie_chroot.sh: the QGIS 3.40 run inside Debian 13.
IN_CHROOT = bool(os.environ.get("ATELIER_CHROOT"))
# The QGIS version a chroot provides (scripts/trixie_chroot.sh): "3.40", "3.44".
QGIS_LABEL = os.environ.get("ATELIER_QGIS", "")
# What QGIS 3.44 deprecates, QGIS 4 removes: there, a DeprecationWarning
# raised from the plugin's own modules is an error (the test fails where the
# deprecated call is made). ATELIER_DEPRECATIONS=error asks for it anywhere.
DEPRECATION_FILTER = r"error::DeprecationWarning:poix_atelier_plugin"


def deprecations_are_errors() -> bool:
    if os.environ.get("ATELIER_DEPRECATIONS") == "error":
        return True
    try:
        return tuple(int(p) for p in QGIS_LABEL.split(".")[:2]) >= (3, 44)
    except ValueError:
        return False


def pytest_configure(config):
    if deprecations_are_errors():
        # ini filters are regular expressions matched at the start of the
        # warning's module name: poix_atelier_plugin and all its submodules.
        config.addinivalue_line("filterwarnings", DEPRECATION_FILTER)


def pytest_report_header(config):
    if deprecations_are_errors():
        return "DeprecationWarning from poix_atelier_plugin.* is an error (QGIS >= 3.44)"
    return None


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``: the real communes outlines and camera photos."""
    return need(SHARED_DATA, "real test data (../shared/data beside the repo)")


@pytest.fixture(scope="session")
def communes_geojson(shared_data: Path) -> Path:
    """The 648 communes of the Nord (EPSG:4326, fields ``code`` and ``nom``)."""
    return need(shared_data / "communes" / "communes-59-nord.geojson", "the Nord communes")


@pytest.fixture(scope="session")
def photos_dir(shared_data: Path) -> Path:
    """Camera files: ``gps/`` (Tuscany), ``phone/`` (mixed), ``invalid/`` (broken EXIF)."""
    return need(shared_data / "photos", "the camera photos")


@pytest.fixture
def tmp_out(tmp_path: Path) -> Path:
    """An empty output folder for one test."""
    out = tmp_path / "out"
    out.mkdir()
    return out


@pytest.fixture(scope="session", autouse=True)
def french_translator(qgis_app):
    """The compiled French catalogue, installed for the whole session.

    The suite runs the plugin as a French DDTM agent sees it: every message a
    test reads is the French one.

    ``make test`` builds the .qm first, so a missing one is a failure.
    """
    from qgis.PyQt.QtCore import QCoreApplication

    from poix_atelier_plugin.infra.i18n import install_translator
    from poix_atelier_plugin.paths import translation_file

    if translation_file("fr") is None:
        pytest.fail("poix_atelier_plugin/i18n/poix_atelier_plugin_fr.qm is missing: run `make qm`")
    translator = install_translator("fr")
    assert translator is not None, "the French .qm exists but did not load"
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="module")
def atelier_provider(qgis_processing):
    """Processing initialised with the ``atelier`` provider registered.

    Use ``processing.run("atelier:...", params)`` in tests that take it.
    Module-scoped: it is removed after each test module, so tests that load
    and unload the plugin itself start from a registry without it.
    """
    from qgis.core import QgsApplication

    from poix_atelier_plugin.processing.provider import AtelierProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("atelier")
    added = provider is None
    if added:
        provider = AtelierProvider()
        assert registry.addProvider(provider), "could not register the atelier provider"
    yield provider
    if added:
        registry.removeProvider(provider)


@pytest.fixture(scope="session", autouse=True)
def rollback_journal(qgis_app):
    """The journal setting the plugin applies when it loads (store/gpkg_journal.py).

    Tests that open dossier layers without loading the plugin run under the
    same conditions as QGIS with the plugin.
    """
    from poix_atelier_plugin.store import gpkg_journal

    previous = gpkg_journal.use_rollback_journal()
    yield
    gpkg_journal.restore_journal(previous)


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without tearing the interpreter down.

    Once the summary is printed, Python's final garbage collection can delete
    Qt/QGIS objects in an order QGIS does not survive (a segmentation fault at
    exit, seen on QGIS 3.40) and turn a green run red. Everything is written
    by then, so the process ends with pytest's own status.
    """
    if _EXIT_STATUS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
