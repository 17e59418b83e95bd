# SPDX-License-Identifier: GPL-2.0-or-later
"""Wiring only: menu, toolbar, dock, Processing provider, translator, logging."""

from __future__ import annotations

from qgis.core import QgsApplication

from .infra import log
from .infra.i18n import install_translator, tr
from .store import gpkg_journal


class AtelierPlugin:
    MENU = "&Atelier territorial"

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = install_translator()
        self.log_handler = log.install()
        self.previous_journal = gpkg_journal.use_rollback_journal()
        self.actions = []
        self.toolbar = None
        self.dock = None
        self.menu_title = tr("&Atelier territorial")
        self._unloading = False

    # Processing (desktop and qgis_process) ---------------------------------
    def initProcessing(self) -> None:  # noqa: N802
        from .processing.provider import AtelierProvider

        if self.provider is None:
            provider = AtelierProvider()
            # addProvider refuses a second "atelier" (another instance loaded):
            # keep only a provider we really registered, so unload removes ours.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # Desktop ----------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtGui import QIcon

        from .compat import QAction
        from .paths import icon_path

        self.toolbar = self.iface.addToolBar(tr("Atelier territorial"))
        self.toolbar.setObjectName("AtelierTerritorialToolbar")
        action = QAction(
            QIcon(icon_path("icon.png")), tr("Atelier territorial"), self.iface.mainWindow()
        )
        action.setObjectName("AtelierTerritorialDockAction")
        action.setCheckable(True)
        action.setToolTip(tr("Show the workshop panel (dossier, groups, boards)"))
        action.toggled.connect(self._toggle_dock)
        self.iface.addPluginToMenu(self.menu_title, action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        self.dock_action = action
        from .infra.settings import UserSettings

        if UserSettings.load().panel_open:  # where the person left it
            action.setChecked(True)

    def _ensure_dock(self):
        if self.dock is None:
            from qgis.PyQt.QtCore import Qt

            from .gui.dock import AtelierDock

            self.dock = AtelierDock(self.iface, self.iface.mainWindow())
            self.dock.visibilityChanged.connect(self.dock_action.setChecked)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        return self.dock

    def _toggle_dock(self, checked: bool) -> None:
        if checked:
            self._ensure_dock().show()
        elif self.dock is not None:
            self.dock.hide()
        # QGIS hides every panel while it closes: only the person's choice is kept
        if not self._unloading and self.iface.mainWindow().isVisible():
            from .infra.settings import UserSettings

            settings = UserSettings.load()
            settings.panel_open = bool(checked)
            settings.save()

    def unload(self) -> None:
        self._unloading = True  # hiding the panel now is not the person closing it
        if self.iface is not None:
            from .gui import tasks

            tasks.cancel_all()  # nothing of ours keeps running into a reloaded plugin
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.iface is not None:
            for action in self.actions:
                self.iface.removePluginMenu(self.menu_title, action)
                self.iface.removeToolBarIcon(action)
            if self.dock is not None:
                self.dock.unload()
                self.iface.removeDockWidget(self.dock)
                self.dock.deleteLater()
                self.dock = None
            if self.toolbar is not None:
                self.toolbar.deleteLater()
                self.toolbar = None
        self.actions = []
        log.uninstall(self.log_handler)
        gpkg_journal.restore_journal(self.previous_journal)
        if self.translator is not None:
            from qgis.PyQt.QtCore import QCoreApplication

            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
