# SPDX-License-Identifier: GPL-2.0-or-later
"""The ``atelier`` Processing provider: registration only."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..infra.i18n import tr
from ..paths import icon_path


class AtelierProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "atelier"

    def name(self) -> str:
        return tr("Atelier territorial")

    def longName(self) -> str:  # noqa: N802
        return self.name()

    def icon(self):
        return QIcon(icon_path("icon.png"))

    def loadAlgorithms(self) -> None:  # noqa: N802
        from .build_dossier import BuildDossier
        from .create_groups import CreateGroups
        from .export_boards import ExportBoards
        from .export_field_package import ExportFieldPackage
        from .fetch_dossier import FetchDossier
        from .import_photos import ImportPhotos
        from .merge_field_package import MergeFieldPackage
        from .order_stops import OrderStops
        from .publish_dossier import PublishDossier
        from .synthesis import Synthesis

        for cls in (
            BuildDossier,
            CreateGroups,
            OrderStops,
            ImportPhotos,
            ExportFieldPackage,
            Synthesis,
            ExportBoards,
            MergeFieldPackage,
            PublishDossier,
            FetchDossier,
        ):
            self.addAlgorithm(cls())
