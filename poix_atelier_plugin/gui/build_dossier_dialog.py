# SPDX-License-Identifier: GPL-2.0-or-later
"""Build a dossier: choose the commune, the sources, the folder; runs atelier:build_dossier
in a QgsTask with a progress bar and Cancel."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsDataProvider,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QListWidgetItem

from .. import compat
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..infra.settings import UserSettings, dossier_folder, remember_dossier_folder
from ..services.dossier.dossier_sources import commune_label, detect_code_field

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))
ALGORITHM = "atelier:build_dossier"
VECTOR_FILTER = "GeoPackage, Shapefile, GeoJSON (*.gpkg *.shp *.geojson *.json);;*"


class Feedback(QgsProcessingFeedback):
    """Keeps the last message and error so the dialog can show them."""

    text = pyqtSignal(str)

    def __init__(self):
        super().__init__()
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802
        super().pushInfo(info)
        self.text.emit(info)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        super().reportError(error, fatalError)
        self.errors.append(error)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        super().pushWarning(warning)
        self.warnings.append(warning)


def sublayer_uris(path: str) -> list[str]:
    layer = QgsVectorLayer(path, "probe", "ogr")
    if not layer.isValid():
        return []
    subs = layer.dataProvider().subLayers()
    if len(subs) <= 1:
        return [path]
    sep = QgsDataProvider.sublayerSeparator()
    return [f"{path}|layername={s.split(sep)[1]}" for s in subs]


def communes_from_file(path: str) -> QgsVectorLayer | None:
    """The communes layer of a file: its first polygon layer with an INSEE-like field."""
    polygons = []
    for uri in sublayer_uris(path):
        layer = QgsVectorLayer(uri, Path(path).stem, "ogr")
        if layer.isValid() and layer.geometryType() == compat.GEOMETRY_POLYGON:
            polygons.append(layer)
    for layer in polygons:
        try:
            detect_code_field(layer)
        except AtelierError:
            continue
        return layer
    return polygons[0] if polygons else None


class BuildDossierDialog(QDialog, FORM_CLASS):
    #: Emitted with the algorithm's results once a dossier is built.
    built = pyqtSignal(dict)

    def __init__(self, parent=None, dossier: str = ""):
        super().__init__(parent)
        self.setupUi(self)
        self.task: QgsProcessingAlgRunnerTask | None = None
        self.file_layers: dict[str, QgsVectorLayer] = {}
        self.communes_file_layer: QgsVectorLayer | None = None
        # The commune is named as the code is typed: a wrong digit shows at once.
        self.name_timer = QTimer(self)
        self.name_timer.setSingleShot(True)
        self.name_timer.setInterval(250)
        self.name_timer.timeout.connect(self.update_commune_name)
        settings = UserSettings.load()
        self.setWindowTitle(tr("Build a commune dossier"))
        self.helpLabel.setText(
            tr(
                "Clips every source to the commune plus a buffer, reprojects to Lambert-93, "
                "styles the layers and groups them by theme in a project. Only the features "
                "inside the study area are read."
            )
        )
        self.communeBox.setTitle(tr("Commune"))
        self.communesLabel.setText(tr("Communes layer"))
        self.communesFileLabel.setText(tr("…or a file"))
        self.codeFieldLabel.setText(tr("INSEE code field"))
        self.codeLabel.setText(tr("INSEE code"))
        self.bufferLabel.setText(tr("Buffer"))
        self.sourcesBox.setTitle(tr("Sources to clip"))
        self.addFilesButton.setText(tr("Add files…"))
        self.checkAllButton.setText(tr("Tick all"))
        self.outputBox.setTitle(tr("Output"))
        self.folderLabel.setText(tr("Output folder"))
        self.onlineCheck.setText(
            tr("Add the online layers (Plan IGN, orthophoto, cadastre, PLU, Géorisques)")
        )
        self.overwriteCheck.setText(tr("Overwrite an existing dossier of this commune"))
        self.openCheck.setText(tr("Open the dossier when it is built"))
        self.codeEdit.setPlaceholderText("59464")
        self.bufferSpin.setSuffix(" m")
        self.bufferSpin.setValue(settings.buffer_m)
        self.onlineCheck.setChecked(settings.online_layers)
        self.codeFieldCombo.setAllowEmptyFieldName(True)
        self.codeFieldCombo.setToolTip(
            tr("Empty: detected among code, insee, INSEE_COM, code_insee…")
        )
        self.communesCombo.setFilters(compat.LAYER_FILTER_POLYGON)
        self.communesCombo.setAllowEmptyLayer(True)
        self.communesCombo.layerChanged.connect(self._communes_changed)
        self.communesFile.setFilter(VECTOR_FILTER)
        self.communesFile.fileChanged.connect(self._communes_file_changed)
        self.folderWidget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        # Where dossiers live, never the last photo folder.
        self.folderWidget.setFilePath(dossier_folder(dossier))
        self.addFilesButton.clicked.connect(self._add_files)
        self.checkAllButton.clicked.connect(self._check_all)
        self.buildButton = self.buttonBox.addButton(
            tr("Build"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buildButton.setObjectName("buildButton")
        self.cancelButton = self.buttonBox.addButton(
            tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancelButton.setObjectName("cancelButton")
        self.cancelButton.setEnabled(False)
        self.buttonBox.accepted.connect(self.start)
        self.buttonBox.rejected.connect(self.cancel)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        self.codeEdit.textChanged.connect(self.name_timer.start)
        self.codeFieldCombo.fieldChanged.connect(self.name_timer.start)
        self._fill_sources()
        self._communes_changed(self.communesCombo.currentLayer())

    # inputs ----------------------------------------------------------------
    def communes_layer(self) -> QgsVectorLayer | None:
        return self.communes_file_layer or self.communesCombo.currentLayer()

    def _communes_changed(self, layer) -> None:
        if layer is not None:
            self.communes_file_layer = None
            self.communesFile.setFilePath("")
        self.codeFieldCombo.setLayer(self.communes_layer())
        self.codeFieldCombo.setField("")
        self.update_commune_name()

    def _communes_file_changed(self, path: str) -> None:
        if not path:
            return
        self.communes_file_layer = communes_from_file(path)
        if self.communes_file_layer is None:
            self.show_status(tr("No polygon layer can be read in {path}.").format(path=path), True)
            return
        self.show_status("")
        self.communesCombo.setLayer(None)
        self.codeFieldCombo.setLayer(self.communes_file_layer)
        self.codeFieldCombo.setField("")
        self.update_commune_name()

    def update_commune_name(self) -> str | None:
        """Name the commune of the code typed, or say it is unknown; returns the name shown."""
        self.name_timer.stop()
        code = self.codeEdit.text().strip()
        layer = self.communes_layer()
        self.communeNameLabel.setStyleSheet("")
        if not code or layer is None or not layer.isValid():
            self.communeNameLabel.setText("")
            return None
        try:
            field = detect_code_field(layer, self.codeFieldCombo.currentField() or None)
            label = commune_label(layer, field, code)
        except AtelierError as exc:
            self._name_error(error_text(exc))
            return None
        if label is None:
            self._name_error(
                tr("No commune has the code {code} in {layer}.").format(
                    code=code, layer=layer.name()
                )
            )
            return None
        self.communeNameLabel.setText(tr("Commune: {name}").format(name=label))
        return label

    def _name_error(self, text: str) -> None:
        self.communeNameLabel.setStyleSheet("color: #b00020;")
        self.communeNameLabel.setText(text)

    def _fill_sources(self) -> None:
        """List the project's vector layers (again: the project may have changed)."""
        for row in reversed(range(self.sourcesList.count())):
            if self.sourcesList.item(row).data(Qt.ItemDataRole.UserRole) not in self.file_layers:
                self.sourcesList.takeItem(row)
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.isSpatial():
                self._add_source_item(layer, False)

    def refresh(self) -> None:
        if self.task is None:
            self._fill_sources()

    def _add_source_item(self, layer: QgsVectorLayer, checked: bool) -> None:
        item = QListWidgetItem(layer.name(), self.sourcesList)
        item.setData(Qt.ItemDataRole.UserRole, layer.id())
        item.setToolTip(layer.publicSource())
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Source layers"), self.folderWidget.filePath(), VECTOR_FILTER
        )
        for path in paths:
            self.add_source_file(path)

    def add_source_file(self, path: str) -> bool:
        """Add every vector layer of a file as a ticked source."""
        uris = sublayer_uris(path)
        if not uris:
            self.show_status(tr("The file {path} cannot be read.").format(path=path), True)
            return False
        communes = self.communes_layer()
        for uri in uris:
            name = uri.split("layername=")[-1] if "|" in uri else Path(path).stem
            sub = QgsVectorLayer(uri, name, "ogr")
            if communes is not None and sub.source() == communes.source():
                continue  # the communes layer is not a source
            if sub.isValid() and sub.isSpatial():
                self.file_layers[sub.id()] = sub
                self._add_source_item(sub, True)
        return True

    def _check_all(self) -> None:
        for row in range(self.sourcesList.count()):
            self.sourcesList.item(row).setCheckState(Qt.CheckState.Checked)

    def source_layers(self) -> list[QgsVectorLayer]:
        out = []
        communes = self.communes_layer()
        project = QgsProject.instance()
        for row in range(self.sourcesList.count()):
            item = self.sourcesList.item(row)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            layer_id = item.data(Qt.ItemDataRole.UserRole)
            layer = self.file_layers.get(layer_id) or project.mapLayer(layer_id)
            if layer is not None and layer is not communes:
                out.append(layer)
        return out

    def parameters(self) -> dict:
        return {
            "COMMUNES": self.communes_layer(),
            "CODE_INSEE": self.codeEdit.text().strip(),
            "CODE_FIELD": self.codeFieldCombo.currentField(),
            "BUFFER": self.bufferSpin.value(),
            "SOURCES": self.source_layers(),
            "ONLINE_LAYERS": self.onlineCheck.isChecked(),
            "OVERWRITE": self.overwriteCheck.isChecked(),
            "OUTPUT_FOLDER": self.folderWidget.filePath(),
        }

    # run -------------------------------------------------------------------
    def show_status(self, text: str, error: bool = False) -> None:
        self.statusLabel.setStyleSheet("color: #b00020;" if error else "")
        self.statusLabel.setText(text)

    def start(self) -> None:
        params = self.parameters()
        if params["COMMUNES"] is None:
            self.show_status(tr("Choose the communes layer."), True)
            return
        if not params["CODE_INSEE"]:
            self.show_status(tr("Give the INSEE code of the commune."), True)
            return
        if not params["OUTPUT_FOLDER"]:
            self.show_status(tr("Choose the output folder."), True)
            return
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
        if algorithm is None:
            self.show_status(tr("The Processing provider of the plugin is not loaded."), True)
            return
        remember_dossier_folder(params["OUTPUT_FOLDER"])
        settings = UserSettings.load()
        settings.buffer_m = params["BUFFER"]
        settings.online_layers = params["ONLINE_LAYERS"]
        settings.save()
        self.processing_context = QgsProcessingContext()
        self.processing_context.setProject(QgsProject.instance())
        self.feedback = Feedback()
        self.feedback.progressChanged.connect(lambda p: self.progressBar.setValue(int(p)))
        self.feedback.text.connect(lambda t: self.statusLabel.setText(t))
        self.task = QgsProcessingAlgRunnerTask(
            algorithm, params, self.processing_context, self.feedback
        )
        self.task.setDescription(tr("Dossier of {code}").format(code=params["CODE_INSEE"]))
        self.task.executed.connect(self._finished)
        try:
            self.released = self._release_target(params)
        except AtelierError as exc:
            self.task = None
            self.show_status(error_text(exc), True)
            return
        self._running(True)
        self.show_status(tr("Building the dossier…"))
        from . import tasks

        tasks.start(self.task)

    @staticmethod
    def _release_target(params) -> list:
        """A rebuild replaces the GeoPackage: the project's layers on it let go of the file.

        Their edits are saved first (the task's preparation did it, and this checks);
        they stay in the project and read the new file once the build ends.
        """
        if not params.get("OVERWRITE"):
            return []
        from ..services.dossier.dossier import dossier_files
        from ..store import gpkg_replace

        target = dossier_files(params["OUTPUT_FOLDER"], str(params["CODE_INSEE"]).strip())[0]
        layers = gpkg_replace.layers_on_file(QgsProject.instance(), target)
        return gpkg_replace.release_layers(layers) if layers else []

    def cancel(self) -> None:
        if self.task is not None:
            self.feedback.cancel()
            self.task.cancel()
            self.show_status(tr("Cancelling…"))

    def _running(self, running: bool) -> None:
        self.buildButton.setEnabled(not running)
        self.cancelButton.setEnabled(running)
        for box in (self.communeBox, self.sourcesBox, self.outputBox):
            box.setEnabled(not running)

    def _finished(self, ok: bool, results: dict) -> None:
        self._running(False)
        if getattr(self, "released", None):
            from ..store import gpkg_replace

            gpkg_replace.reattach_layers(self.released)  # on the new file, or the old one
            self.released = []
        cancelled = self.feedback.isCanceled()
        self.task = None
        if ok and results.get("PROJECT"):
            self.progressBar.setValue(100)
            text = tr("Dossier built: {path}").format(path=results["PROJECT"])
            warnings = [w for w in self.feedback.warnings if w]
            if warnings:
                text += "\n" + "\n".join(warnings[-4:])
            self.show_status(text)
            self.results = results
            self.built.emit(results)
        elif cancelled:
            self.progressBar.setValue(0)
            self.show_status(tr("Cancelled: nothing was written."), True)
        else:
            self.progressBar.setValue(0)
            errors = [e for e in self.feedback.errors if e]
            self.show_status(errors[-1] if errors else tr("The dossier could not be built."), True)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.task is not None:
            self.cancel()
        super().closeEvent(event)
