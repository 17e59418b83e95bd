# SPDX-License-Identifier: GPL-2.0-or-later
"""QGIS in French shows a French plugin: dock, Processing names, error messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException

import poix_atelier_plugin
from poix_atelier_plugin.gui.dock import AtelierDock

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "poix_atelier_plugin" / "i18n" / "poix_atelier_plugin_fr.ts"


def test_catalogue_has_no_unfinished_entry():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_translations.py"), str(TS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dock_is_french(french_translator, qgis_iface):
    dock = AtelierDock(qgis_iface)
    try:
        titles = [dock.toolBox.itemText(i) for i in range(dock.toolBox.count())]
        assert titles == [
            "1. Dossier",
            "2. Groupes",
            "3. Parcours et arrêts",
            "4. Photos",
            "5. Diagnostic",
            "6. Enjeux et boîte à outils",
            "7. Planches",
        ]
        route = dock.step("route")
        assert route.buttons["draw_route"].text() == "Tracer le parcours"
        assert route.buttons["add_stop"].text() == "Ajouter un arrêt"
    finally:
        dock.unload()
        dock.deleteLater()


def test_processing_names_and_errors_are_french(french_translator, qgis_processing, tmp_path):
    import processing

    plugin = poix_atelier_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        # ours, or the one another test module registered already
        provider = QgsApplication.processingRegistry().providerById("atelier")
        names = {alg.name(): alg.displayName() for alg in provider.algorithms()}
        # ids stay fixed, display names are translated
        assert names["build_dossier"] == "Créer un dossier communal"
        assert names["order_stops"] == "Numéroter les arrêts le long du parcours"
        assert names["export_boards"] == "Exporter les planches cartographiques"
        assert provider.name() == "Atelier territorial"

        gpkg = tmp_path / "dossier é 'x'.gpkg"
        processing.run("atelier:create_groups", {"DOSSIER": str(gpkg), "GROUPS": "A;B"})
        with pytest.raises(QgsProcessingException) as err:
            processing.run("atelier:create_groups", {"DOSSIER": str(gpkg), "GROUPS": "Nord;nord"})
        assert "Deux groupes s'appellent « nord »" in str(err.value)
    finally:
        plugin.unload()
