# SPDX-License-Identifier: GPL-2.0-or-later
"""What every board shares: page, title block, map with legend, scale and north."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsExpression,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from .. import compat
from ..domain.groups import GroupSpec
from ..infra.i18n import tr
from .credits import credit_line
from .items import Kit, fill_legend, fill_scalebar, plain
from .layers import BoardLayers, has_features
from .paper import scale_factor
from .source import Dossier
from .templates import BOARD_TYPES, add_continuation, layout_item, open_board

#: Space between the last table column and the notes of a continuation page (A3 mm).
GAP = 6.0


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
    boards: list[str] = field(default_factory=lambda: list(BOARD_TYPES))
    groups: list[str] | None = None  # None: every group
    paper: str = "A3"
    orientation: str = "landscape"
    fmt: str = "pdf"
    dpi: int = 300
    date: str = ""  # printed date; today when empty
    start: str = "10:00"  # start of the field visit (planned times)
    add_to_project: bool = True
    combined: bool = True
    templates: str | None = None  # an agency's own templates folder (boards.templates)


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
    """One layout filled from its template: header, map, legend, tables."""

    def __init__(self, ctx: BoardContext, kind: str, group: GroupSpec | None):
        self.ctx = ctx
        self.kind = kind
        self.group = group
        self.layout = QgsPrintLayout(ctx.project)
        opts = ctx.options
        open_board(self.layout, kind, opts.paper, opts.orientation, ctx.k, opts.templates)
        self.layout.setName(layout_name(kind, group))
        self.kit = Kit(self.layout, ctx.k)
        self.shown: list[QgsVectorLayer] = []
        self.map = self.item("map")
        self.page_labels: list = []
        self.notes_pages: dict = {}

    def item(self, item_id: str):
        """The first page's item of ``item_id`` in the template (None when absent)."""
        return layout_item(self.layout, item_id, 0)

    def zone(self, item_id: str) -> tuple[float, float, float, float]:
        """Where the item ``item_id`` sits, in A3 design mm (for items drawn over it)."""
        rect = self.item(item_id).mapRectToScene(self.item(item_id).rect())
        k = self.kit.k
        return rect.x() / k, rect.y() / k, rect.width() / k, rect.height() / k

    def remove(self, *item_ids: str) -> None:
        for item_id in item_ids:
            item = self.item(item_id)
            if item is not None:
                self.layout.removeLayoutItem(item)

    # header and footer -----------------------------------------------------
    def subtitle(self) -> str:
        if self.group is None:
            return tr("All groups")
        if self.group.adviser:
            return tr("{group} · adviser: {adviser}").format(
                group=self.group.name, adviser=self.group.adviser
            )
        return self.group.name

    def header(self, items=None, page: int = 0, continued: bool = False) -> None:
        """Title block texts; ``items``: a continuation page's items by id."""
        get = items.get if items is not None else self.item
        set_text(get("title"), f"{self.ctx.dossier.commune} \u2014 {self.ctx.date_text}")
        set_text(get("subtitle"), self.subtitle())
        kind = board_title(self.kind) + (" " + tr("(continued)") if continued else "")
        set_text(get("kind"), kind)
        label = get("page")
        if label is not None:
            label.setText(
                "[% "
                + QgsExpression.quotedString(tr("Page"))
                + " || ' ' || "
                + str(page + 1)
                + " || ' / ' || @layout_numpages %]"
            )
            self.page_labels.append(label)

    def footer(self, items=None) -> None:
        get = items.get if items is not None else self.item
        set_text(get("credits"), credit_line(self.shown))

    # map ----------------------------------------------------------------------
    def add_map(
        self,
        layers: list[QgsVectorLayer],
        extent: QgsRectangle,
        legend_layers,
        scale: float | None = None,
    ) -> None:
        self.shown = [lyr for lyr in layers if lyr is not None]
        item = self.map
        if self.shown:
            item.setCrs(self.shown[0].crs())
        item.setLayers(self.shown)
        item.setKeepLayerSet(True)
        item.zoomToExtent(padded(extent, 0.08))
        if scale:
            item.setScale(scale / self.ctx.k)  # the same ground on any sheet
        legend_layers = [lyr for lyr in legend_layers if lyr]
        if abs(self.ctx.k - 1.0) > 1e-6:
            clones = self._scaled_layers(self.shown)
            self.shown = [clones[lyr.id()] for lyr in self.shown]
            legend_layers = [clones.get(lyr.id(), lyr) for lyr in legend_layers]
            item.setLayers(self.shown)
        legend = self.item("legend")
        if legend is not None:
            fill_legend(legend, item, legend_layers, tr("Legend"), self.ctx.k)
        for linked in (self.item("north_arrow"), self.item("scalebar")):
            if linked is not None and linked.linkedMap() is None:
                linked.setLinkedMap(item)
        bar = self.item("scalebar")
        if bar is not None:
            fill_scalebar(bar, item)

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
    def continuation(self) -> tuple[int, list]:
        """A continuation page: its number and where the table flows on it."""
        opts = self.ctx.options
        page, found = add_continuation(
            self.layout, self.kind, opts.orientation, self.ctx.k, opts.templates
        )
        self.header(found, page=page, continued=True)
        self.footer(found)
        if "notes" in found:  # ruled once the table is laid out (fill_notes)
            self.notes_pages[page] = (found["notes"], found.get("notes_title"))
        return page, [found[k] for k in sorted(z for z in found if z.startswith("table"))]

    def fill_notes(self, table) -> None:
        """Notes on continuation pages, from the table's last column to the notes' edge."""
        k = self.kit.k
        for page, (shape, title) in self.notes_pages.items():
            box = shape.mapRectToScene(shape.rect())
            right = box.x()
            edges = [
                frame.sceneBoundingRect().right() + GAP * k
                for frame in table.frames()
                if frame.page() == page and not frame.isEmpty()
            ]
            if edges:
                right = min(max(edges), box.x())
            shape.attemptMove(QgsLayoutPoint(right, box.y(), compat.LAYOUT_MILLIMETERS))
            shape.attemptResize(
                QgsLayoutSize(box.right() - right, box.height(), compat.LAYOUT_MILLIMETERS)
            )
            if title is not None:
                pos = title.positionWithUnits()
                shift = right - box.x()
                title.attemptMove(
                    QgsLayoutPoint(pos.x() + shift, pos.y(), compat.LAYOUT_MILLIMETERS)
                )
                set_text(title, tr("Notes"))
            rule_notes(self.kit, shape, page)


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


def rule_notes(kit: Kit, shape, page: int = 0) -> None:
    """Lines to write on, across the notes rectangle of the template."""
    k = kit.k
    rect = shape.mapRectToScene(shape.rect())
    top = kit.layout.pageCollection().page(page).pos().y()
    x, y, w, h = rect.x() / k, (rect.y() - top) / k, rect.width() / k, rect.height() / k
    line_y = y + 16
    while line_y < y + h - 4:
        kit.line(x + 3, line_y, w - 6, page=page, color="#c8c8c8", width=0.2)
        line_y += 8


def set_text(label, text: str) -> None:
    """A template label's text, printed as written (user text is never markup)."""
    if label is not None:
        label.setText(plain(text))
