# SPDX-License-Identifier: GPL-2.0-or-later
"""What every board shares: page, title block, map with legend, scale and north."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsLayoutItemPage,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..domain.groups import GroupSpec
from ..infra.i18n import tr
from . import frames
from .credits import credit_line
from .items import ACCENT, MUTED, Kit
from .layers import BoardLayers, has_features
from .paper import page_size, scale_factor
from .source import Dossier


def board_title(kind: str) -> str:
    return {
        "terrain": tr("Field map"),
        "diagnostic": tr("Diagnostic"),
        "restitution": tr("Restitution"),
        "atlas": tr("Atlas of stops"),
        "synthese": tr("Cross-group synthesis"),
        "proposition": tr("Support proposal"),
    }[kind]


@dataclass
class BoardOptions:
    boards: list[str] = field(default_factory=lambda: list(frames.BOARD_TYPES))
    groups: list[str] | None = None  # None: every group
    paper: str = "A3"
    orientation: str = "landscape"
    fmt: str = "pdf"
    dpi: int = 300
    date: str = ""  # printed date; today when empty
    start: str = "10:00"  # start of the field visit (planned times)
    add_to_project: bool = True
    combined: bool = True


@dataclass
class BoardContext:
    project: QgsProject
    dossier: Dossier
    options: BoardOptions
    layers: BoardLayers
    date_text: str
    cache: dict = field(default_factory=dict)

    @property
    def k(self) -> float:
        return scale_factor(self.options.paper)


class Board:
    """One layout being built: its kit, zones and header."""

    def __init__(self, ctx: BoardContext, kind: str, group: GroupSpec | None):
        self.ctx = ctx
        self.kind = kind
        self.group = group
        self.layout = QgsPrintLayout(ctx.project)
        self.layout.initializeDefaults()
        w, h = page_size(ctx.options.paper, ctx.options.orientation)
        self.layout.pageCollection().page(0).setPageSize(
            QgsLayoutSize(w, h, compat.LAYOUT_MILLIMETERS)
        )
        self.layout.setName(layout_name(kind, group))
        self.kit = Kit(self.layout, ctx.k)
        self.zones = frames.zones(kind, ctx.options.orientation)
        self.shown: list[QgsVectorLayer] = []
        self.map = None

    # header and footer -----------------------------------------------------
    def subtitle(self) -> str:
        if self.group is None:
            return tr("All groups")
        if self.group.adviser:
            return tr("{group} · adviser: {adviser}").format(
                group=self.group.name, adviser=self.group.adviser
            )
        return self.group.name

    def header(self, zones: dict, page: int = 0, continued: bool = False) -> None:
        kit = self.kit
        title = f"{self.ctx.dossier.commune} \u2014 {self.ctx.date_text}"
        kit.label(
            title, zones["title"], 20, bold=True, page=page, item_id="title" if not page else ""
        )
        kit.label(
            self.subtitle(),
            zones["subtitle"],
            11.5,
            color=MUTED,
            page=page,
            item_id="subtitle" if not page else "",
        )
        kind = board_title(self.kind) + (" " + tr("(continued)") if continued else "")
        kit.label(
            kind,
            zones["kind"],
            13,
            bold=True,
            color=ACCENT,
            align=Qt.AlignmentFlag.AlignRight,
            page=page,
        )
        t = zones["title"]
        kit.line(
            t[0],
            zones["subtitle"][1] + zones["subtitle"][3] + 2,
            zones["kind"][0] + zones["kind"][2] - t[0],
            page=page,
            color="#00487a",
            width=0.5,
        )
        self._page_label(zones["page"], page)

    def _page_label(self, box, page: int) -> None:
        from qgis.core import QgsExpression

        text = (
            "[% "
            + QgsExpression.quotedString(tr("Page"))
            + " || ' ' || "
            + str(page + 1)
            + " || ' / ' || @layout_numpages %]"
        )
        item = self.kit.label("", box, 9, color=MUTED, align=Qt.AlignmentFlag.AlignRight, page=page)
        item.setText(text)
        self.page_labels = getattr(self, "page_labels", [])
        self.page_labels.append(item)

    def footer(self, zones: dict, page: int = 0) -> None:
        line = credit_line(self.shown)
        self.kit.label(
            line, zones["credits"], 7, color=MUTED, page=page, item_id="credits" if not page else ""
        )

    # map ----------------------------------------------------------------------
    def add_map(
        self,
        layers: list[QgsVectorLayer],
        extent: QgsRectangle,
        legend_layers,
        legend_columns: int = 1,
        zone: str = "map",
        scale: float | None = None,
    ) -> None:
        kit = self.kit
        self.shown = [lyr for lyr in layers if lyr is not None]
        self.map = kit.map(self.zones[zone], self.shown, padded(extent, 0.08))
        if scale:
            self.map.setScale(scale / self.ctx.k)  # the same ground on any sheet
        legend_layers = [lyr for lyr in legend_layers if lyr]
        if abs(self.ctx.k - 1.0) > 1e-6:
            clones = self._scaled_layers(self.shown)
            self.shown = [clones[lyr.id()] for lyr in self.shown]
            legend_layers = [clones.get(lyr.id(), lyr) for lyr in legend_layers]
            self.map.setLayers(self.shown)
        if "legend" in self.zones:
            kit.legend(
                self.zones["legend"],
                self.map,
                legend_layers,
                tr("Legend"),
                columns=legend_columns,
            )
        z = self.zones["north"]
        kit.box(z, fill="255,255,255,215", stroke="255,255,255,0", width=0)
        kit.north_arrow((z[0] + 1.5, z[1] + 1, z[2] - 3, z[3] - 2), self.map)
        s = self.zones["scalebar"]
        kit.box(
            (s[0] - 1.5, s[1] - 1.5, min(s[2], 75), s[3] + 1),
            fill="255,255,255,215",
            stroke="255,255,255,0",
            width=0,
        )
        kit.scalebar(s[0], s[1], self.map, max_width=min(s[2], 75) - 14)

    def _scaled_layers(self, layers: list[QgsVectorLayer]) -> dict:
        """Copies of the layers whose symbols and labels grow with the sheet.

        Symbol sizes are in millimetres: on an A0 (k = 2.83) the A3 design's
        symbols would look tiny. A symbology reference scale of map scale x k
        draws them k times bigger on this map only.
        """
        out = {}
        reference = self.map.scale() * self.ctx.k
        for layer in layers:
            clone = layer.clone()
            clone.setCustomProperty(PROP_LAYOUT, self.layout.name())
            renderer = clone.renderer()
            if renderer is not None:
                renderer.setReferenceScale(reference)
            self.ctx.layers._add(clone, layer.customProperty("atelier/groupe"))
            out[layer.id()] = clone
        return out

    # continuation pages ---------------------------------------------------------
    def continuation(self, page: int) -> list:
        zones = frames.zones(self.kind, self.ctx.options.orientation, continuation=True)
        self.header(zones, page=page, continued=True)
        self.footer(zones, page=page)
        if "notes" in zones:  # drawn once the table is laid out (fill_notes)
            self.notes_pages = getattr(self, "notes_pages", {})
            self.notes_pages[page] = zones["notes"]
        return [zones[k] for k in sorted(z for z in zones if z.startswith("table"))]

    def fill_notes(self, table) -> None:
        """Notes on continuation pages, from the table's last column to the margin."""
        for page, box in getattr(self, "notes_pages", {}).items():
            right = frames.MARGIN
            for frame in table.frames():
                if frame.page() == page and not frame.isEmpty():
                    edge = frame.sceneBoundingRect().right() / self.kit.k + frames.GAP
                    right = max(right, edge)
            right = min(right, box[0])
            notes_box(self.kit, (right, box[1], box[0] + box[2] - right, box[3]), page)


#: Layer property: the layout a sheet-scaled copy of a layer was made for.
PROP_LAYOUT = "atelier/board_layout"


def layout_name(kind: str, group: GroupSpec | None) -> str:
    name = board_title(kind)
    return f"{name} \u2014 {group.name}" if group is not None else name


def padded(extent: QgsRectangle, ratio: float) -> QgsRectangle:
    out = QgsRectangle(extent)
    if out.isEmpty() or out.width() == 0 or out.height() == 0:
        out.grow(max(out.width(), out.height(), 200.0) / 2 or 200.0)
    else:
        out.grow(max(out.width(), out.height()) * ratio)
    return out


def extent_of(layers: list[QgsVectorLayer | None]) -> QgsRectangle | None:
    """Combined extent of the layers that have features (None when none has)."""
    out = None
    for layer in layers:
        if layer is None or not has_features(layer):
            continue
        ext = layer.extent()
        if ext.isNull():
            continue
        if out is None:
            out = QgsRectangle(ext)
        else:
            out.combineExtentWith(ext)
    return out


def notes_box(kit: Kit, box, page: int = 0) -> None:
    """A ruled area for handwritten notes."""
    x, y, w, h = box
    kit.box(box, fill=None, stroke="#8a8a8a", width=0.35, page=page)
    kit.label(tr("Notes"), (x + 3, y + 2.5, w - 6, 6), 10, bold=True, color=ACCENT, page=page)
    line_y = y + 16
    while line_y < y + h - 4:
        kit.line(x + 3, line_y, w - 6, page=page, color="#c8c8c8", width=0.2)
        line_y += 8


def page_count_item(layout) -> int:
    return layout.pageCollection().pageCount()


PAGE = QgsLayoutItemPage
WHITE = QColor("#ffffff")
