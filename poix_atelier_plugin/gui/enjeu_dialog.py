# SPDX-License-Identifier: GPL-2.0-or-later
"""One enjeu: title, level, theme, candidate site, and the tools picked (with why).

The catalogue list is searchable (accents and case ignored); a tool is added
with a double click or the arrow button, and its "why" is typed in the table.
Saving writes the enjeu and syncs its links through services.toolbox.enjeux.
"""

from __future__ import annotations

from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..domain import catalogue as dom
from ..domain import vocab
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..services.toolbox import enjeux as enjeux_service
from ..services.toolbox.catalogue import read_catalogue

FID_ROLE = Qt.ItemDataRole.UserRole + 1


class EnjeuDialog(QDialog):
    def __init__(self, gpkg: str, groupe: str, enjeu_fid: int | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("EnjeuDialog")
        self.gpkg, self.groupe, self.enjeu_fid = gpkg, groupe, enjeu_fid
        # on a server, the versions read when opened: a change made elsewhere since is refused
        self.version, self.link_versions = None, None
        self.tools = read_catalogue(gpkg)
        self.setWindowTitle(tr("Issue of {group}").format(group=groupe))
        self.resize(900, 620)
        main = QVBoxLayout(self)
        form = QFormLayout()
        self.titre = QLineEdit(self)
        self.titre.setObjectName("titreEdit")
        self.niveau = QComboBox(self)
        self.niveau.setObjectName("niveauCombo")
        for code, label in vocab.ENJEU_LEVELS.items():
            self.niveau.addItem(label, code)
        self.niveau.setCurrentIndex(1)
        self.theme = QComboBox(self)
        self.theme.setObjectName("themeCombo")
        self.theme.addItem("—", "")
        for code, label in vocab.THEMES.items():
            self.theme.addItem(label, code)
        self.site = QComboBox(self)
        self.site.setObjectName("siteCombo")
        self.site.addItem(tr("No site"), None)
        for fid, name in enjeux_service.read_sites(gpkg, groupe).items():
            self.site.addItem(name, fid)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("descriptionEdit")
        self.description.setMaximumHeight(70)
        form.addRow(tr("Issue"), self.titre)
        form.addRow(tr("Level"), self.niveau)
        form.addRow(tr("Theme"), self.theme)
        form.addRow(tr("Candidate site"), self.site)
        form.addRow(tr("Description"), self.description)
        main.addLayout(form)

        box = QGroupBox(tr("Tools to answer it"), self)
        row = QHBoxLayout(box)
        left = QVBoxLayout()
        self.search = QgsFilterLineEdit(box)
        self.search.setObjectName("toolSearch")
        self.search.setShowSearchIcon(True)
        self.search.setPlaceholderText(tr("Search the toolbox…"))
        self.catalogue = QListWidget(box)
        self.catalogue.setObjectName("catalogueList")
        for fid, tool in self.tools.items():
            item = QListWidgetItem(f"{tool.nom}  [{tool.categorie}]")
            item.setData(FID_ROLE, fid)
            item.setData(Qt.ItemDataRole.UserRole + 2, dom.name_key(" ".join(tool.as_row())))
            item.setToolTip(f"{tool.description}\n{tool.porteur} — {tool.quand}")
            self.catalogue.addItem(item)
        left.addWidget(self.search)
        left.addWidget(self.catalogue)
        middle = QVBoxLayout()
        self.add_button = QPushButton("→", box)
        self.add_button.setObjectName("addToolButton")
        self.add_button.setToolTip(tr("Add the selected tool"))
        self.remove_button = QPushButton("←", box)
        self.remove_button.setObjectName("removeToolButton")
        self.remove_button.setToolTip(tr("Remove the selected tool"))
        middle.addStretch(1)
        middle.addWidget(self.add_button)
        middle.addWidget(self.remove_button)
        middle.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Chosen tools and why (double-click to write):"), box))
        self.chosen = QTableWidget(0, 2, box)
        self.chosen.setObjectName("chosenTable")
        self.chosen.setHorizontalHeaderLabels([tr("Tool"), tr("Why")])
        self.chosen.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.chosen.horizontalHeader().setStretchLastSection(True)
        self.chosen.setColumnWidth(0, 200)
        self.chosen.verticalHeader().setVisible(False)
        self.chosen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        right.addWidget(self.chosen)
        row.addLayout(left, 5)
        row.addLayout(middle)
        row.addLayout(right, 6)
        main.addWidget(box, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        main.addWidget(self.buttons)
        self.message = QLabel(self)
        self.message.setObjectName("messageLabel")
        self.message.setStyleSheet("color: #c00000;")
        main.addWidget(self.message)

        self.search.textChanged.connect(self.filter_tools)
        self.catalogue.itemDoubleClicked.connect(lambda item: self.add_tool(item.data(FID_ROLE)))
        self.add_button.clicked.connect(self._add_selected)
        self.remove_button.clicked.connect(self._remove_selected)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if enjeu_fid is not None:
            self._load(enjeu_fid)

    def _load(self, fid: int) -> None:
        row = next(
            (e for e in enjeux_service.read_enjeux(self.gpkg, self.groupe) if e["fid"] == fid), None
        )
        if row is None:
            return
        self.titre.setText(row["titre"] or "")
        self.niveau.setCurrentIndex(max(self.niveau.findData(row["niveau"]), 0))
        self.theme.setCurrentIndex(max(self.theme.findData(row["theme"] or ""), 0))
        if row["site_id"] is not None:
            self.site.setCurrentIndex(max(self.site.findData(int(row["site_id"])), 0))
        self.description.setPlainText(row["description"] or "")
        self.version = enjeux_service.read_versions(self.gpkg, "enjeux", [fid]).get(fid)
        self.link_versions = enjeux_service.read_versions(self.gpkg, "enjeux_outils")
        for link in enjeux_service.enjeu_links(self.gpkg, fid):
            if link["outil_id"] in self.tools:
                self.add_tool(int(link["outil_id"]), link["commentaire"])

    def filter_tools(self, text: str) -> None:
        words = dom.name_key(text).split()
        for i in range(self.catalogue.count()):
            item = self.catalogue.item(i)
            key = item.data(Qt.ItemDataRole.UserRole + 2) or ""
            item.setHidden(not all(w in key for w in words))
            if item.isHidden():
                item.setSelected(False)

    def chosen_tools(self) -> dict[int, str]:
        out = {}
        for r in range(self.chosen.rowCount()):
            fid = self.chosen.item(r, 0).data(FID_ROLE)
            why = self.chosen.item(r, 1).text() if self.chosen.item(r, 1) else ""
            out[int(fid)] = why.strip()
        return out

    def add_tool(self, fid: int, why: str = "") -> None:
        if fid in self.chosen_tools() or fid not in self.tools:
            return
        r = self.chosen.rowCount()
        self.chosen.insertRow(r)
        name = QTableWidgetItem(self.tools[fid].nom)
        name.setData(FID_ROLE, fid)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.chosen.setItem(r, 0, name)
        self.chosen.setItem(r, 1, QTableWidgetItem(why))

    def _add_selected(self) -> None:
        for item in self.catalogue.selectedItems():
            self.add_tool(item.data(FID_ROLE))

    def _remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.chosen.selectedIndexes()}, reverse=True):
            self.chosen.removeRow(r)

    def save(self) -> None:
        """Write the enjeu and its links together; a refused value keeps the dialog open."""
        try:
            values = (
                self.titre.text(),
                self.niveau.currentData(),
                self.theme.currentData() or None,
                self.site.currentData(),
                self.description.toPlainText().strip(),
            )
            self.enjeu_fid = enjeux_service.save_enjeu(
                self.gpkg,
                self.groupe,
                self.enjeu_fid,
                *values,
                tools=self.chosen_tools(),
                version=self.version,
                link_versions=self.link_versions,
            )
        except AtelierError as exc:
            self.message.setText(error_text(exc))
            return
        self.accept()
