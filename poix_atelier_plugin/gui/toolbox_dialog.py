# SPDX-License-Identifier: GPL-2.0-or-later
"""The boîte à outils dialog: search, add, edit, remove, import and export (CSV).

Every change is written to the dossier at once (services.toolbox.catalogue), so the
catalogue survives closing the dialog or QGIS. Removing a tool that enjeux
use asks first, listing them.
"""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QColor, QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from ..domain import catalogue as dom
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..services.toolbox import catalogue as catalogue_service

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))

COLUMNS = ("nom", "categorie", "porteur", "quand", "ajoute_par")
FID_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


class ToolFilter(QSortFilterProxyModel):
    """Accent- and case-insensitive search over every column, plus a category."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.category = ""

    def set_query(self, text: str) -> None:
        self.words = dom.name_key(text).split()
        self.invalidateFilter()

    def set_category(self, category: str) -> None:
        self.category = category
        self.invalidateFilter()

    def filterAcceptsRow(self, row, parent):  # noqa: N802 (Qt override)
        model = self.sourceModel()
        first = model.index(row, 0, parent)
        if self.category and model.index(row, 1, parent).data() != self.category:
            return False
        key = first.data(KEY_ROLE) or ""
        return all(word in key for word in self.words)


class ToolForm(QDialog):
    """Small form for one tool (tiny dialog: no .ui)."""

    def __init__(self, tool: dom.Tool | None, categories: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName("ToolForm")
        self.setWindowTitle(tr("Edit the tool") if tool else tr("Add a tool"))
        self.resize(560, 380)
        layout = QFormLayout(self)
        self.nom = QLineEdit(self)
        self.nom.setObjectName("nomEdit")
        self.categorie = QComboBox(self)
        self.categorie.setObjectName("categorieCombo")
        self.categorie.setEditable(True)
        self.categorie.addItems(categories)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("descriptionEdit")
        self.description.setTabChangesFocus(True)
        self.porteur = QLineEdit(self)
        self.porteur.setObjectName("porteurEdit")
        self.quand = QLineEdit(self)
        self.quand.setObjectName("quandEdit")
        self.ajoute_par = QLineEdit(self)
        self.ajoute_par.setObjectName("ajouteParEdit")
        self.ajoute_par.setPlaceholderText(tr("participant (leave empty for the DDTM catalogue)"))
        layout.addRow(tr("Name"), self.nom)
        layout.addRow(tr("Category"), self.categorie)
        layout.addRow(tr("Description (one line)"), self.description)
        layout.addRow(tr("Carried by"), self.porteur)
        layout.addRow(tr("When it fits"), self.quand)
        layout.addRow(tr("Added by"), self.ajoute_par)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        if tool is not None:
            self.nom.setText(tool.nom)
            self.categorie.setCurrentText(tool.categorie)
            self.description.setPlainText(tool.description)
            self.porteur.setText(tool.porteur)
            self.quand.setText(tool.quand)
            self.ajoute_par.setText(tool.ajoute_par)
        else:
            self.categorie.setCurrentIndex(-1)
            self.ajoute_par.setText(dom.PARTICIPANT)

    def tool(self) -> dom.Tool:
        return dom.Tool(
            self.nom.text(),
            self.categorie.currentText(),
            self.description.toPlainText(),
            self.porteur.text(),
            self.quand.text(),
            self.ajoute_par.text(),
        ).cleaned()


class ToolboxDialog(QDialog, FORM_CLASS):
    def __init__(self, gpkg: str, parent=None, context=None):
        super().__init__(parent)
        self.setupUi(self)
        self.gpkg = gpkg
        self.context = context
        self.tools: dict[int, dom.Tool] = {}
        self.setWindowTitle(tr("Toolbox of support tools"))
        self.helpLabel.setText(
            tr(
                "The DDTM catalogue of support tools, copied into this dossier. Participants can "
                "add their own during the workshop; export it as CSV to keep it for the next one."
            )
        )
        self.searchEdit.setPlaceholderText(tr("Search a tool, a carrier, a moment…"))
        self.searchEdit.setShowSearchIcon(True)
        self.addButton.setText(tr("Add…"))
        self.editButton.setText(tr("Edit…"))
        self.removeButton.setText(tr("Remove"))
        self.importButton.setText(tr("Import CSV…"))
        self.exportButton.setText(tr("Export CSV…"))
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [tr("Name"), tr("Category"), tr("Carried by"), tr("When it fits"), tr("Added by")]
        )
        self.proxy = ToolFilter(self)
        self.proxy.setSourceModel(self.model)
        self.toolsView.setModel(self.proxy)
        self.searchEdit.textChanged.connect(self._filter)
        self.categoryCombo.currentIndexChanged.connect(self._filter)
        self.toolsView.doubleClicked.connect(lambda _i: self.edit_selected())
        self.toolsView.selectionModel().selectionChanged.connect(self._show_detail)
        self.addButton.clicked.connect(lambda: self.add())
        self.editButton.clicked.connect(lambda: self.edit_selected())
        self.removeButton.clicked.connect(lambda: self.remove_selected())
        self.importButton.clicked.connect(lambda: self.import_csv())
        self.exportButton.clicked.connect(lambda: self.export_csv())
        self.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.buttonBox.rejected.connect(self.reject)
        self.reload()
        header = self.toolsView.horizontalHeader()
        for column, width in enumerate((330, 150, 220, 250)):
            header.resizeSection(column, width)
        self.toolsView.sortByColumn(1, Qt.SortOrder.AscendingOrder)

    # hooks (replaced in tests) ---------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        return (
            QMessageBox.question(
                self,
                title,
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            == QMessageBox.StandardButton.Yes
        )

    def notify(self, text: str, ok: bool = True) -> None:
        if self.context is not None:
            (self.context.success if ok else self.context.error)(text)
        elif not ok:
            QMessageBox.warning(self, tr("Toolbox"), text)
        self.countLabel.setToolTip(text)

    def form(self, tool: dom.Tool | None) -> dom.Tool | None:
        dialog = ToolForm(tool, self.categories(), self)
        return dialog.tool() if dialog.exec() else None  # Accepted is 1 on Qt 5 and 6

    def pick_path(self, save: bool) -> str:
        if save:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export the toolbox"), "boite_a_outils.csv", tr("CSV files (*.csv)")
            )
        else:
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Import a toolbox"), "", tr("CSV files (*.csv *.txt)")
            )
        return path

    # content ---------------------------------------------------------------------------
    def categories(self) -> list[str]:
        known = list(dom.CATEGORIES)
        extra = sorted({t.categorie for t in self.tools.values() if t.categorie} - set(known))
        return known + extra

    def reload(self, select: int | None = None) -> None:
        self.tools = catalogue_service.read_catalogue(self.gpkg)
        # on a server, the versions shown: a tool changed elsewhere since is not overwritten
        self.versions = catalogue_service.read_versions(self.gpkg, "outils")
        self.model.removeRows(0, self.model.rowCount())
        for fid, tool in self.tools.items():
            items = [QStandardItem(getattr(tool, name) or "") for name in COLUMNS]
            items[0].setData(fid, FID_ROLE)
            items[0].setData(dom.name_key(" ".join(tool.as_row())), KEY_ROLE)
            items[0].setToolTip(tool.description)
            if tool.ajoute_par:
                for item in items:
                    item.setBackground(QColor("#fff4d6"))
            self.model.appendRow(items)
        current = self.categoryCombo.currentData()
        self.categoryCombo.blockSignals(True)
        self.categoryCombo.clear()
        self.categoryCombo.addItem(tr("All categories"), "")
        for name in self.categories():
            self.categoryCombo.addItem(name, name)
        index = self.categoryCombo.findData(current or "")
        self.categoryCombo.setCurrentIndex(max(index, 0))
        self.categoryCombo.blockSignals(False)
        self._filter()
        if select is not None:
            self.select(select)

    def _filter(self, *_args) -> None:
        self.proxy.set_query(self.searchEdit.text())
        self.proxy.set_category(self.categoryCombo.currentData() or "")
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        cats = len({t.categorie for t in self.tools.values()})
        self.countLabel.setText(
            tr("{shown} of {total} tools, {cats} categories").format(
                shown=shown, total=total, cats=cats
            )
        )

    def select(self, fid: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(FID_ROLE) == fid:
                self.toolsView.selectRow(row)
                self.toolsView.scrollTo(index)
                return

    def selected_fid(self) -> int | None:
        rows = self.toolsView.selectionModel().selectedRows()
        return rows[0].data(FID_ROLE) if rows else None

    def _show_detail(self, *_args) -> None:
        fid = self.selected_fid()
        tool = self.tools.get(fid) if fid is not None else None
        if tool is None:
            self.detailLabel.setText("")
            return
        added = tr(" (added by {who})").format(who=tool.ajoute_par) if tool.ajoute_par else ""
        self.detailLabel.setText(
            f"<b>{_esc(tool.nom)}</b>{_esc(added)} — {_esc(tool.description)}"
            f"<br/><i>{_esc(tool.quand)}</i>"
        )

    # actions ------------------------------------------------------------------------------
    def add(self, tool: dom.Tool | None = None) -> int | None:
        tool = tool or self.form(None)
        if tool is None:
            return None
        try:
            fid = catalogue_service.add_tool(self.gpkg, tool, tool.ajoute_par or None)
        except AtelierError as exc:
            self.notify(error_text(exc), False)
            return None
        self.searchEdit.clear()
        self.reload(select=fid)
        self.notify(tr("“{name}” added to the toolbox.").format(name=tool.nom))
        return fid

    def edit_selected(self, tool: dom.Tool | None = None) -> bool:
        fid = self.selected_fid()
        if fid is None:
            return False
        tool = tool or self.form(self.tools[fid])
        if tool is None:
            return False
        try:
            catalogue_service.update_tool(self.gpkg, fid, tool, self.versions.get(fid))
        except AtelierError as exc:
            self.reload(select=fid)  # what is there now, someone else's change included
            self.notify(error_text(exc), False)
            return False
        self.reload(select=fid)
        return True

    def remove_selected(self) -> bool:
        fid = self.selected_fid()
        if fid is None:
            return False
        name = self.tools[fid].nom
        try:
            outcome = catalogue_service.remove_tool(self.gpkg, fid, version=self.versions.get(fid))
            if not outcome.removed:
                lines = "\n".join(f"• {link.groupe} — {link.enjeu}" for link in outcome.links[:12])
                text = tr(
                    "“{name}” is chosen for {n} issue(s):\n{lines}\n\nRemove it from "
                    "the toolbox and from these issues?"
                ).format(name=name, n=len(outcome.links), lines=lines)
                if not self.confirm(tr("Remove a tool in use"), text):
                    return False
                outcome = catalogue_service.remove_tool(
                    self.gpkg, fid, confirm=True, version=self.versions.get(fid)
                )
            elif not self.confirm(
                tr("Remove a tool"), tr("Remove “{name}” from the toolbox?").format(name=name)
            ):
                return False
        except AtelierError as exc:
            self.reload(select=fid)
            self.notify(error_text(exc), False)
            return False
        self.reload()
        self.notify(tr("“{name}” removed from the toolbox.").format(name=name))
        return True

    def import_csv(self, path: str | None = None) -> bool:
        path = path or self.pick_path(save=False)
        if not path:
            return False
        try:
            report = catalogue_service.import_csv(self.gpkg, path)
        except AtelierError as exc:
            self.notify(tr("Nothing was imported: {error}").format(error=error_text(exc)), False)
            return False
        self.reload()
        text = tr("{added} tool(s) added, {updated} updated, {same} unchanged.").format(
            added=report.added, updated=report.updated, same=report.unchanged
        )
        notes = " ".join(tr(n) for n in report.notes)
        self.notify(f"{text} {notes}".strip())
        return True

    def export_csv(self, path: str | None = None) -> bool:
        path = path or self.pick_path(save=True)
        if not path:
            return False
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            count = catalogue_service.export_csv(self.gpkg, path)
        except AtelierError as exc:
            self.notify(error_text(exc), False)
            return False
        self.notify(tr("{count} tools exported to {path}.").format(count=count, path=path))
        return True


def _esc(text: str) -> str:
    from html import escape

    return escape(text or "")
