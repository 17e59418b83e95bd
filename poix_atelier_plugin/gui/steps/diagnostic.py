# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Diagnostic (atouts, faiblesses, opportunités, menaces by theme, on the map)."""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QLabel

from ...domain import vocab
from ...infra.i18n import tr
from ...store.workspace import PROP_GROUP, PROP_TABLE
from .base import KINDS, StepPanel


def diagnostic_layer(groupe: str, geometry: str, project: QgsProject | None = None):
    """The group's diagnostic layer of one geometry, found by its custom properties."""
    project = project or QgsProject.instance()
    for layer in project.mapLayers().values():
        if (
            layer.customProperty(PROP_TABLE) == "diagnostic"
            and layer.customProperty(PROP_GROUP) == groupe
            and layer.customProperty("atelier/geometry") == geometry
        ):
            return layer
    return None


class DiagnosticStep(StepPanel):
    STEP_ID = "diagnostic"

    def title(self) -> str:
        return tr("Diagnostic")

    def build(self) -> None:
        self.add_help(
            tr("Strengths, weaknesses, opportunities and threats, by theme, drawn on the map.")
        )
        form = QFormLayout()
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("diagnosticKind")
        for code, label in (
            ("Point", tr("A point (a place, a building)")),
            ("LineString", tr("A line (a flow, a pressure, a link)")),
            ("Polygon", tr("An area (a sector, a zone)")),
        ):
            self.kind_combo.addItem(label, code)
        form.addRow(tr("Draw:"), self.kind_combo)
        self.layout_.addLayout(form)
        button = self.add_action(
            "add_diagnostic",
            tr("Add a diagnostic element"),
            lambda _=False: self.start_drawing(),
            tr("Click on the map (right click ends a line or an area); the form opens after."),
        )
        button.setCheckable(True)
        self.add_undo_actions()
        self.add_action(
            "style_diagnostic",
            tr("Diagnostic map style"),
            self.restyle,
            tr("Colours by category, pictograms by theme, hatches and arrows"),
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("diagnosticSummary")
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.context.group_changed.connect(self._group_changed)
        self.context.groups_changed.connect(self._group_changed)
        self.context.dossier_changed.connect(self._group_changed)
        self._group_changed()

    # ---------------------------------------------------------------------------------
    def _group_changed(self, *_args) -> None:
        self.stop_drawing()
        self.refresh()

    def refresh(self) -> None:
        groupe = self.context.active_group
        counts = dict.fromkeys(vocab.DIAGNOSTIC_CATEGORIES, 0)
        found = False
        for geometry in KINDS:
            layer = diagnostic_layer(groupe, geometry) if groupe else None
            if layer is None:
                continue
            found = True
            for feat in layer.getFeatures():
                if feat["categorie"] in counts:
                    counts[feat["categorie"]] += 1
        if not found:
            self.summary.setText(tr("Create the groups first, then pick the active group."))
            return
        parts = [f"{vocab.DIAGNOSTIC_CATEGORIES[k]} : {n}" for k, n in counts.items()]
        self.summary.setText(tr("{group}: {counts}").format(group=groupe, counts=" · ".join(parts)))

    def restyle(self) -> int:
        from ...styles.diagnostic_style import style_diagnostic

        done = 0
        for geometry in KINDS:
            layer = diagnostic_layer(self.context.active_group, geometry)
            if layer is not None:
                style_diagnostic(layer, geometry)
                self.iface.layerTreeView().refreshLayerSymbology(layer.id())
                done += 1
        # the map may look the same (already styled): say it was done, or why not
        if done:
            self.context.success(
                tr("Diagnostic style applied to {count} layers.").format(count=done)
            )
        else:
            self.context.warning(tr("Create the groups first, then pick the active group."))
        return done

    # drawing ----------------------------------------------------------------------------
    def start_drawing(self, geometry: str | None = None):
        from ...styles.diagnostic_style import CATEGORY_COLOURS

        geometry = geometry or self.kind_combo.currentData()
        self.stop_drawing()
        layer = diagnostic_layer(self.context.active_group, geometry)
        if layer is None:
            self.context.error(tr("Create the groups first, then pick the active group."), 8)
            self.buttons["add_diagnostic"].setChecked(False)
            return None
        return self.start_capture(
            self.buttons["add_diagnostic"],
            KINDS[geometry],
            layer,
            CATEGORY_COLOURS["opportunite"],
            "atelier_tool_add_diagnostic",
            lambda geom, g=geometry: self.captured(g, geom),
        )

    def stop_drawing(self) -> None:
        self.release_tool()
        if "add_diagnostic" in self.buttons:
            self.buttons["add_diagnostic"].setChecked(False)

    def captured(self, geometry_code: str, geometry) -> int | None:
        """Added by the services, then QGIS's own form; cancelling the form undoes the drawing."""
        layer = diagnostic_layer(self.context.active_group, geometry_code)
        if layer is None:
            return None
        fid = self.add_drawn(layer, geometry, tr("Add a diagnostic element"))
        self.refresh()
        return fid

    def unload(self) -> None:
        self.stop_drawing()
