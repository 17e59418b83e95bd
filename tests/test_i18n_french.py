# SPDX-License-Identifier: GPL-2.0-or-later
"""QGIS in French shows a French plugin: dock, Processing names, error messages, log lines."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_panel import STEP_TITLES
from qgis.core import QgsApplication, QgsProcessingException

import poix_atelier_plugin
from poix_atelier_plugin.gui.dock import AtelierDock

REPO = Path(__file__).resolve().parents[1]
PLUGIN = REPO / "poix_atelier_plugin"
TS = PLUGIN / "i18n" / "poix_atelier_plugin_fr.ts"
#: the levels that reach the log tab (the plugin's logger is set to INFO)
SHOWN_LEVELS = {"info", "warning", "error", "exception", "critical"}


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
        # A step already done ends with a check mark; the words are what is checked here.
        titles = [dock.toolBox.itemText(i).replace("  ✓", "") for i in range(dock.toolBox.count())]
        assert titles == STEP_TITLES
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


# log lines ----------------------------------------------------------------------------
def _loggers(tree: ast.AST) -> set[str]:
    """Names bound to ``logging.getLogger(...)`` in a module (``LOG``, ``log``)."""
    names = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr == "getLogger"
        ):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _is_tr(node: ast.AST) -> bool:
    """A bare ``tr("literal")``: the only form pylupdate5 extracts."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "tr"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def _translated(node: ast.AST) -> bool:
    if _is_tr(node):
        return True
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return _is_tr(node.func.value)
    # the text of an error or of a message already translated where it was made
    return isinstance(node, ast.Constant) and node.value == "%s"


def untranslated_log_calls(source: str, name: str = "<source>") -> list[str]:
    """``file:line: first argument`` of each log call whose text would show in English."""
    tree = ast.parse(source)
    loggers = _loggers(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SHOWN_LEVELS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in loggers
        ):
            first = ast.unparse(node.args[0]) if node.args else "(no text)"
            if not node.args or not _translated(node.args[0]):
                found.append(f"{name}:{node.lineno}: {first}")
    return found


def test_the_log_check_catches_english():
    source = (
        "import logging\n"
        "LOG = logging.getLogger(__name__)\n"
        'LOG.info("Toolbox: %d tools copied into %s", 3, "x")\n'
        "LOG.warning(text)\n"
        'LOG.error(tr("a {x}").format(x=1))\n'
        'LOG.info("%s", error_text(exc))\n'
        'LOG.debug("never shown")\n'
        'other.info("not a logger")\n'
    )
    assert untranslated_log_calls(source) == [
        "<source>:3: 'Toolbox: %d tools copied into %s'",
        "<source>:4: text",
    ]


def test_every_log_line_goes_through_tr():
    found, calls = [], 0
    for path in sorted(PLUGIN.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        calls += source.count("LOG.") + source.count("log.")
        found += untranslated_log_calls(source, str(path.relative_to(REPO)))
    assert calls > 20, "no log call found: the check looks at the wrong folder"
    assert not found, "log lines shown in English in the log tab:\n" + "\n".join(found)


def test_a_real_action_logs_french(french_translator, tmp_path):
    """Building a dossier copies the toolbox: the log tab says so in French, message alone."""
    from qgis.core import QgsApplication

    from poix_atelier_plugin.domain.groups import GroupSpec
    from poix_atelier_plugin.infra import log
    from poix_atelier_plugin.services.groups import create_groups
    from poix_atelier_plugin.services.toolbox.catalogue import shipped_tools

    received = []

    def keep(message, tag, _level):
        if tag == log.TAG:
            received.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    handler = log.install()
    gpkg = tmp_path / "atelier_59464.gpkg"
    try:
        create_groups(gpkg, [GroupSpec(name="Groupe 1", order=1)])
    finally:
        log.uninstall(handler)
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    n = len(shipped_tools())
    assert f"Boîte à outils : {n} outils copiés dans {gpkg}" in received, received
    assert not [m for m in received if m.startswith("poix_atelier_plugin")], received


def test_photo_summary_lines_are_french(french_translator):
    from poix_atelier_plugin.services.photos.photos_summary import counted, stop_label

    assert counted(stop_label(2, "Place de la mairie"), 3) == (
        "Arrêt 2 — Place de la mairie : 3 photos"
    )
    assert counted(stop_label(1, "Place Talma"), 1) == "Arrêt 1 — Place Talma : 1 photo"
    assert counted(stop_label(None, ""), 2) == "Arrêt sans numéro — (sans nom) : 2 photos"
