# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:merge_field_package (DESIGN.md Processing contract)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterString,
    QgsProject,
)

from .. import compat
from ..infra.i18n import tr
from ..services.field import merge
from .base import AtelierAlgorithm, DossierParameter


class MergeFieldPackage(AtelierAlgorithm):
    ID = "merge_field_package"

    def display_name(self) -> str:
        return tr("Bring back a field package")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Merges a field package into the dossier, three ways: what changed in the field "
            "since the export (new, edited and deleted features) is applied, what changed at "
            "the office is kept, and a value changed on both sides is reported as a conflict "
            "and left as it is at the office. Only the tables the package lets people edit "
            "are merged. All or nothing: on any error the dossier is left unchanged. "
            "Bringing the same package back twice changes nothing."
        )

    def flags(self):
        # reads and reloads the project's layers: main thread only
        return super().flags() | compat.ALGORITHM_FLAG_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(DossierParameter("DOSSIER", tr("Dossier (GeoPackage)")))
        self.addParameter(
            QgsProcessingParameterString(
                "PACKAGE", tr("Field package (its GeoPackage or its folder)")
            )
        )
        for key, label in (
            ("INSERTED", tr("Features added")),
            ("UPDATED", tr("Features updated")),
            ("DELETED", tr("Features deleted")),
            ("CONFLICTS", tr("Conflicts (left as at the office)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def process(self, parameters, context, feedback) -> dict:
        dossier = self.gpkg_dossier(parameters, context)
        package = self.parameterAsString(parameters, "PACKAGE", context)
        project = context.project() or QgsProject.instance()
        report = merge.merge_field_package(
            package, dossier, before_read=merge.pending_saver(project), project=project
        )
        for conflict in report.conflicts:
            what, office, in_field = merge.describe(conflict)
            feedback.pushWarning(
                tr("Conflict: {what}. Office: {office}. Field: {field}.").format(
                    what=what, office=office, field=in_field
                )
            )
        counts = report.counts()
        feedback.pushInfo(
            tr(
                "{inserted} added, {updated} updated, {deleted} deleted, {conflicts} conflicts, "
                "{photos} photos copied."
            ).format(
                inserted=counts["INSERTED"],
                updated=counts["UPDATED"],
                deleted=counts["DELETED"],
                conflicts=counts["CONFLICTS"],
                photos=report.photos_copied,
            )
        )
        return counts
