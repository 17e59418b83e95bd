# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:export_boards (DESIGN.md Processing contract)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
)

from .. import compat
from ..boards.base import BoardOptions, board_title
from ..boards.engine import FORMATS, export_boards
from ..boards.paper import ORIENTATIONS, PAPERS
from ..boards.templates import BOARD_TYPES
from ..domain.errors import QT_TR_NOOP, AtelierError
from ..domain.groups import parse_group_names
from ..infra.i18n import tr
from .base import AtelierAlgorithm, DossierParameter

PAPER_CHOICES = tuple(PAPERS)  # A4, A3, A2, A1, A0


class ExportBoards(AtelierAlgorithm):
    ID = "export_boards"

    def display_name(self) -> str:
        return tr("Export the map boards")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Prints the boards of the workshop: for each group the field map, the diagnostic, "
            "the restitution, the atlas of stops and the support proposal, and the cross-group "
            "synthesis. PDF (vector, one file per board plus one combined file) or PNG at the "
            "chosen resolution, A4 to A0. The layouts are also added to the project's layout "
            "manager so they can be retouched before printing."
        )

    def flags(self):
        # layouts are QGraphicsScenes: they must be built and exported on the main thread
        return super().flags() | compat.ALGORITHM_FLAG_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(
                "PROJECT", tr("Project (.qgz) of the dossier"), extension="qgz", optional=True
            )
        )
        self.addParameter(
            DossierParameter(
                "DOSSIER", tr("Dossier (GeoPackage or pg:connection/schema)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "GROUPS", tr("Groups (names separated by ';', empty: every group)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "BOARDS",
                tr("Boards"),
                options=[board_title(b) for b in BOARD_TYPES],
                allowMultiple=True,
                defaultValue=list(range(len(BOARD_TYPES))),
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "PAPER", tr("Paper"), options=list(PAPER_CHOICES), defaultValue=1
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "ORIENTATION",
                tr("Orientation"),
                options=[tr("Landscape"), tr("Portrait")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "FORMAT", tr("Format"), options=["PDF", "PNG"], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DPI",
                tr("Resolution (dpi)"),
                compat.NUMBER_INTEGER,
                300,
                minValue=36,
                maxValue=1200,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "TEMPLATES",
                tr("Folder of the agency's own layout templates (empty: the plugin's)"),
                behavior=compat.FILE_FOLDER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def process(self, parameters, context, feedback) -> dict:
        project_path = self.parameterAsFile(parameters, "PROJECT", context)
        dossier = self.parameterAsString(parameters, "DOSSIER", context) or None
        project = context.project()
        if project_path:
            if project is None or project.absoluteFilePath() != project_path:
                project = QgsProject()
                if not project.read(project_path):
                    raise AtelierError(
                        QT_TR_NOOP("The project {path} cannot be read."), path=project_path
                    )
        elif project is None:
            project = QgsProject()
        if not dossier and not project_path:
            from ..infra.settings import ProjectSettings

            if not ProjectSettings.load(project).dossier_path:
                raise AtelierError(QT_TR_NOOP("Give a project or a dossier."))
        groups = parse_group_names(self.parameterAsString(parameters, "GROUPS", context) or "")
        boards = [BOARD_TYPES[i] for i in self.parameterAsEnums(parameters, "BOARDS", context)]
        options = BoardOptions(
            boards=boards,
            groups=groups or None,
            paper=PAPER_CHOICES[self.parameterAsEnum(parameters, "PAPER", context)],
            orientation=ORIENTATIONS[self.parameterAsEnum(parameters, "ORIENTATION", context)],
            fmt=FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)],
            dpi=self.parameterAsInt(parameters, "DPI", context),
            templates=self.parameterAsFile(parameters, "TEMPLATES", context) or None,
        )
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        files = export_boards(folder, options, dossier=dossier, project=project, feedback=feedback)
        for path in files:
            feedback.pushInfo(path)
        return {"FILES": files, "OUTPUT_FOLDER": folder}
