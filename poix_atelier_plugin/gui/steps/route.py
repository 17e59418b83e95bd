# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Route and stops (drawing, numbering, time against the slot)."""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QLocale, QTimer
from qgis.PyQt.QtWidgets import QFormLayout, QLabel, QSpinBox

from ... import compat
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import error_text, tr
from ...services import route as route_service
from ...services.dossier import project_layers
from ..maptools import CaptureTool
from .base import StepPanel

#: action key -> (table, geometrytype of the split layer, geometry kind)
DRAWINGS = {
    "draw_route": ("parcours", None, compat.GEOMETRY_LINE),
    "add_stop": ("arrets", None, compat.GEOMETRY_POINT),
    "draw_sequence": ("sequences", None, compat.GEOMETRY_LINE),
    "draw_site": ("sites_projet", None, compat.GEOMETRY_POLYGON),
    "add_hypothesis": ("hypotheses", "Point", compat.GEOMETRY_POINT),
    "draw_hypothesis_area": ("hypotheses", "Polygon", compat.GEOMETRY_POLYGON),
}
WATCHED = ("featureAdded", "featureDeleted", "geometryChanged", "afterRollBack")


class RouteStep(StepPanel):
    STEP_ID = "route"

    def title(self) -> str:
        return tr("Route and stops")

    def build(self) -> None:
        self.watched: list = []
        self.report = None
        self.add_help(
            tr(
                "Draw the discovery route of the active group, its stops and sequences, "
                "and check the walking time against the visit slot."
            )
        )
        texts = {
            "draw_route": (
                tr("Draw the route"),
                tr("Click along the streets, right click to finish"),
            ),
            "add_stop": (tr("Add a stop"), tr("Click where the group stops; its form opens")),
            "draw_sequence": (
                tr("Draw a sequence"),
                tr("A stretch of the route with one atmosphere"),
            ),
            "draw_site": (
                tr("Draw a project site"),
                tr("Outline a candidate site, right click to finish"),
            ),
            "add_hypothesis": (tr("Note a hypothesis"), tr("Click where the hypothesis applies")),
            "draw_hypothesis_area": (
                tr("Outline a hypothesis area"),
                tr("Outline the area a hypothesis is about, right click to finish"),
            ),
        }
        for key, (text, tip) in texts.items():
            button = self.add_action(key, text, lambda _=False, k=key: self.start_drawing(k), tip)
            button.setCheckable(True)
        self.add_undo_actions()
        self.add_action(
            "order_stops",
            tr("Number the stops"),
            self.number_stops,
            tr("Number the stops in the order the route reaches them"),
        )
        self.add_action(
            "follow_roads",
            tr("Route along the roads"),
            self.follow_roads,
            tr("Replace the route by the shortest way along the roads through the numbered stops"),
        )
        form = QFormLayout()
        self.length_label = QLabel("–", self)
        self.walk_label = QLabel("–", self)
        self.stops_label = QLabel("–", self)
        self.total_label = QLabel("–", self)
        self.slot_spin = QSpinBox(self)
        self.slot_spin.setObjectName("slotSpin")
        self.slot_spin.setRange(10, 600)
        self.slot_spin.setSingleStep(5)
        self.slot_spin.setSuffix(" min")
        self.slot_spin.setValue(int(self.context.slot_min))
        self.slot_spin.valueChanged.connect(self._slot_changed)
        form.addRow(tr("Route length:"), self.length_label)
        form.addRow(tr("Walking time:"), self.walk_label)
        form.addRow(tr("Time at the stops:"), self.stops_label)
        form.addRow(tr("Total:"), self.total_label)
        form.addRow(tr("Visit slot:"), self.slot_spin)
        self.layout_.addLayout(form)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("routeStatus")
        self.status_label.setWordWrap(True)
        self.layout_.addWidget(self.status_label)
        for name in ("length_label", "walk_label", "stops_label", "total_label"):
            getattr(self, name).setObjectName(name)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.refresh)
        self.context.group_changed.connect(self._group_changed)
        self.context.groups_changed.connect(self._group_changed)
        self.context.dossier_changed.connect(self._group_changed)
        QgsProject.instance().layersAdded.connect(self._layers_added)
        self._group_changed()

    # layers ---------------------------------------------------------------------
    def layer(self, table: str, geometry: str | None = None):
        group = self.context.active_group
        return (
            project_layers.find_layer(QgsProject.instance(), table, group, geometry)
            if group
            else None
        )

    def _layers_added(self, layers) -> None:
        if any(lyr.customProperty("atelier/groupe") == self.context.active_group for lyr in layers):
            self._group_changed()

    def _disconnect(self) -> None:
        for layer, signal, slot in self.watched:
            try:
                getattr(layer, signal).disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self.watched = []

    def _group_changed(self, *_args) -> None:
        self._disconnect()
        self.stop_drawing()
        self.slot_spin.blockSignals(True)  # the project's slot (read again with the project)
        self.slot_spin.setValue(int(self.context.slot_min))
        self.slot_spin.blockSignals(False)
        for table in ("parcours", "arrets"):
            layer = self.layer(table)
            if layer is None:
                continue
            for signal in WATCHED:
                getattr(layer, signal).connect(self.schedule_refresh)
                self.watched.append((layer, signal, self.schedule_refresh))
            layer.afterCommitChanges.connect(self._committed)
            self.watched.append((layer, "afterCommitChanges", self._committed))
        if self.context.active_group:
            project_layers.configure_snapping(QgsProject.instance(), self.context.active_group)
        self.refresh()

    def schedule_refresh(self, *_args) -> None:
        self.timer.start()

    def _committed(self) -> None:
        """Saved edits: number the stops again and save the numbers too."""
        QTimer.singleShot(0, self._renumber_saved)

    def _renumber_saved(self) -> None:
        stops = self.layer("arrets")
        if stops is None:
            return
        if self.context.saver.in_form:
            # a feature form is open: numbering now would edit and commit the stops
            # under the feature being filled in; the drawing's own save comes back here
            QTimer.singleShot(250, self._renumber_saved)
            return
        self.number_stops(quiet=True)

    def _slot_changed(self, value: int) -> None:
        self.context.set_slot_min(value)
        self.refresh()

    # live figures -----------------------------------------------------------
    def refresh(self) -> None:
        route, stops = self.layer("parcours"), self.layer("arrets")
        if route is None or stops is None:
            self.report = None
            for label in (self.length_label, self.walk_label, self.stops_label, self.total_label):
                label.setText("–")
            self._status(tr("Create the groups first, then pick the active group."), None)
            return
        try:
            self.report, _placement, _feats = route_service.analyse(
                route, stops, self.slot_spin.value()
            )
        except AtelierError as exc:
            self._status(error_text(exc), False)
            return
        r = self.report
        locale = QLocale()  # decimal comma in French
        self.length_label.setText(
            tr("{km} km").format(km=locale.toString(r.length_m / 1000, "f", 2))
        )
        speed = locale.toString(r.speed_kmh, "g", 3)
        self.walk_label.setText(
            tr("{min} min at {speed} km/h").format(min=round(r.walk_min), speed=speed)
        )
        self.stops_label.setText(
            tr("{min} min ({count} stops)").format(min=round(r.stop_min), count=r.stop_count)
        )
        self.total_label.setText(
            tr("{total} min of {slot} min").format(total=round(r.total_min), slot=round(r.slot_min))
        )
        if not r.has_route:
            self._status(tr("No route yet: draw it with “Draw the route”."), None)
        elif r.fits_slot:
            text = tr("It fits: {margin} min to spare.").format(
                margin=round(r.slot_min - r.total_min)
            )
            self._status("\n".join([text] + r.warnings), True if not r.warnings else None)
        else:
            self._status("\n".join(r.warnings), False)

    def _status(self, text: str, ok: bool | None) -> None:
        colour = {True: "#1a7f37", False: "#c00000", None: "#8a5a00"}[ok]
        self.status_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.status_label.setText(text)

    # numbering ------------------------------------------------------------------
    def number_stops(self, _checked: bool = False, quiet: bool = False) -> None:
        route, stops = self.layer("parcours"), self.layer("arrets")
        try:
            if route is None or stops is None:
                raise AtelierError(
                    QT_TR_NOOP("Create the groups first, then pick the active group.")
                )
            report = route_service.order_layer_stops(route, stops, self.slot_spin.value())
            if not report.has_route:
                raise AtelierError(QT_TR_NOOP("No route has been drawn for this group yet."))
        except AtelierError as exc:
            if not quiet:
                self.context.error(exc, 8)
            self.refresh()
            return
        # the numbers went through the edit buffer when editing: written, not left pending
        self.context.saver.save([stops])
        self.refresh()
        if not quiet:
            text = tr("{count} stops numbered along {km} km.").format(
                count=report.stop_count, km=QLocale().toString(report.length_m / 1000, "f", 2)
            )
            stops.selectByIds(report.far_stops)  # far stops stand out on the map
            if report.warnings:
                self.context.warning(" ".join([text] + report.warnings))
            else:
                self.context.success(text)

    def follow_roads(self) -> None:
        """Optional: the route becomes the road path through the stops (undoable)."""
        route, stops = self.layer("parcours"), self.layer("arrets")
        roads = project_layers.road_layers(QgsProject.instance())
        try:
            if route is None or stops is None:
                raise AtelierError(
                    QT_TR_NOOP("Create the groups first, then pick the active group.")
                )
            if not roads:
                raise AtelierError(QT_TR_NOOP("The dossier has no road layer to follow."))
            existing = sorted(route.getFeatures(), key=lambda f: f.id())
            if existing:  # the one services.route replaces: the person's own route can come back
                self.context.saver.remember_change(route, existing[0])
            route_service.follow_roads(route, stops, roads[0])
            self.context.saver.save([route])
            self.number_stops(quiet=True)
        except AtelierError as exc:
            self.context.error(exc, 8)
            return
        self.context.success(
            tr(
                "The route now follows the roads and is saved; “Undo the last drawing” "
                "puts your route back."
            )
        )

    # drawing --------------------------------------------------------------------
    def start_drawing(self, key: str) -> CaptureTool | None:
        table, geometry, kind = DRAWINGS[key]
        self.stop_drawing()
        layer = self.layer(table, geometry)
        if layer is None:
            self.context.error(tr("Create the groups first, then pick the active group."), 8)
            self.buttons[key].setChecked(False)
            return None
        return self.start_capture(
            self.buttons[key],
            kind,
            layer,
            self._colour(),
            f"atelier_tool_{key}",
            lambda geom, k=key: self.captured(k, geom),
        )

    def stop_drawing(self) -> None:
        self.release_tool()
        for key in DRAWINGS:
            if key in self.buttons:
                self.buttons[key].setChecked(False)

    def _colour(self) -> str:
        node = project_layers.group_node(QgsProject.instance(), self.context.active_group)
        return (node.customProperty("atelier/couleur") if node else None) or "#d55e00"

    def captured(self, key: str, geometry) -> int | None:
        """One drawn feature: added by the services, form opened, stops renumbered; one undo step."""
        table, geometry_type, _kind = DRAWINGS[key]
        layer = self.layer(table, geometry_type)
        if layer is None:
            return None
        after = self._renumber if table in ("arrets", "parcours") else None
        fid = self.add_drawn(
            layer, geometry, tr("Draw on {layer}").format(layer=layer.name()), after
        )
        self.refresh()
        return fid

    def _renumber(self) -> None:
        """The stops' order after a stop or the route is drawn (inside the drawing's undo step)."""
        stops = self.layer("arrets")
        route = self.layer("parcours")
        _report, placement, feats = route_service.analyse(route, stops, self.slot_spin.value())
        if stops.isEditable() and placement is not None:
            route_service.write_order(stops, placement, feats)

    def unload(self) -> None:
        self.stop_drawing()
        self._disconnect()
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except TypeError:
            pass
