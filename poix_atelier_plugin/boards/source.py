# SPDX-License-Identifier: GPL-2.0-or-later
"""What a board is made from: the dossier (GeoPackage or PostGIS) and its groups."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsProject

from ..domain.errors import QT_TR_NOOP, AtelierError
from ..domain.groups import GroupSpec
from ..infra.i18n import tr
from ..infra.settings import ProjectSettings
from ..infra.user_paths import absolute, project_folder
from ..store.tables import is_pg, open_table, present_tables, read_groups

LOG = logging.getLogger(__name__)

#: Field names a commune table may carry its name in (Admin Express and others).
COMMUNE_NAME_FIELDS = ("nom", "NOM", "nom_commune", "NOM_COM", "libelle", "name")


@dataclass
class Dossier:
    """A dossier opened for printing: where it is, its commune, its groups."""

    path: str
    commune: str
    groups: list[GroupSpec] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)

    @property
    def folder(self) -> Path | None:
        """Where relative photo paths start: the GeoPackage's folder, or for a server
        dossier the folder of the project it is opened from (None while unsaved).

        Never QGIS's working directory: it is wherever QGIS was started from, and a
        photo found there would be another dossier's, or none.
        """
        if not is_pg(self.path):
            return absolute(self.path).parent
        return project_folder(QgsProject.instance())

    def group(self, name: str) -> GroupSpec:
        for spec in self.groups:
            if spec.name == name:
                return spec
        raise AtelierError(QT_TR_NOOP("The group “{name}” does not exist."), name=name)


def commune_name(dossier: str, known: set[str]) -> str:
    if "commune" in known:
        try:
            layer = open_table(dossier, "commune")
            names = layer.fields().names()
            for fname in COMMUNE_NAME_FIELDS:
                if fname in names:
                    for feat in layer.getFeatures():
                        if feat[fname]:
                            return str(feat[fname])
        except AtelierError:
            LOG.warning(tr("Commune table unreadable in {path}").format(path=dossier))
    stem = Path(str(dossier)).stem
    return stem.replace("atelier_", "")


def open_dossier(dossier: str | None, project: QgsProject | None = None) -> Dossier:
    """Open ``dossier`` (or the project's dossier when empty)."""
    if not dossier and project is not None:
        dossier = ProjectSettings.load(project).dossier_path
    if not dossier:
        raise AtelierError(QT_TR_NOOP("No dossier is open: build or open a dossier first."))
    dossier = str(dossier)
    if not is_pg(dossier) and not Path(dossier).is_file():
        raise AtelierError(QT_TR_NOOP("The dossier {path} does not exist."), path=dossier)
    known = present_tables(dossier)
    if "groupes" not in known:
        raise AtelierError(
            QT_TR_NOOP("The dossier {path} has no groups yet: create the groups first."),
            path=dossier,
        )
    return Dossier(dossier, commune_name(dossier, known), read_groups(dossier), known)
