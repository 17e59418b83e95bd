# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin in a QGIS interface: toolbar, menu, dock, provider; then unload."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QDockWidget, QPushButton, QToolBar

import poix_atelier_plugin
from poix_atelier_plugin.gui.dock import STEPS

ALGORITHMS = {
    "atelier:build_dossier",
    "atelier:create_groups",
    "atelier:order_stops",
    "atelier:import_photos",
    "atelier:export_field_package",
    "atelier:synthesis",
    "atelier:export_boards",
    "atelier:merge_field_package",
    "atelier:publish_dossier",
    "atelier:fetch_dossier",
}


@pytest.fixture()
def menu(qgis_iface, monkeypatch):
    """Record the plugin menu (the test iface has no real menu bar)."""
    entries: list = []
    monkeypatch.setattr(qgis_iface, "addPluginToMenu", lambda name, a: entries.append((name, a)))
    monkeypatch.setattr(qgis_iface, "removePluginMenu", lambda name, a: entries.remove((name, a)))
    return entries


@pytest.fixture()
def plugin(qgis_iface, menu):
    plugin = poix_atelier_plugin.classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    if plugin.provider is not None or plugin.actions:
        plugin.unload()


def _toolbars(qgis_iface):
    return [
        tb
        for tb in qgis_iface.mainWindow().findChildren(QToolBar)
        if tb.objectName() == "AtelierTerritorialToolbar"
    ]


def test_load_show_dock_and_unload(plugin, qgis_iface, menu):
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("atelier")
    assert provider is not None
    assert {alg.id() for alg in provider.algorithms()} == ALGORITHMS

    assert [(name.replace("&", ""), a) for name, a in menu] == [
        ("Atelier territorial", plugin.dock_action)
    ]
    toolbars = _toolbars(qgis_iface)
    assert len(toolbars) == 1
    action = plugin.dock_action
    assert action in toolbars[0].actions()
    assert action.isCheckable()

    # Opening the dock from the toolbar action builds every step of the day.
    action.trigger()
    dock = qgis_iface.mainWindow().findChild(QDockWidget, "AtelierTerritorialDock")
    assert dock is plugin.dock and not dock.isHidden()
    assert dock.toolBox.count() == len(STEPS) == 7
    titles = [dock.toolBox.itemText(i) for i in range(dock.toolBox.count())]
    assert titles[0].startswith("1.") and titles[-1].startswith("7.")

    # Every step offers actions; a disabled one says why in its tooltip.
    for panel in dock.steps.values():
        buttons = panel.findChildren(QPushButton)
        assert buttons, panel.STEP_ID
        for button in buttons:
            if not button.isEnabled():
                assert button.toolTip(), button.objectName()

    # Toggling the action again hides the dock.
    action.trigger()
    assert dock.isHidden()

    plugin.unload()
    assert registry.providerById("atelier") is None
    assert plugin.dock is None
    assert plugin.actions == [] and menu == []
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert _toolbars(qgis_iface) == []
    assert sip.isdeleted(dock)


def test_processing_only_load():
    """qgis_process loads the plugin with iface=None and calls initProcessing."""
    plugin = poix_atelier_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        assert QgsApplication.processingRegistry().providerById("atelier") is not None
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("atelier") is None
