# SPDX-License-Identifier: GPL-2.0-or-later
"""Readers of a dossier keep working after another layer of it was edited."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject

from poix_atelier_plugin.domain.groups import default_groups
from poix_atelier_plugin.store import workspace


def test_readers_survive_an_edit_of_the_same_geopackage(tmp_path):
    gpkg = tmp_path / "dossier.gpkg"
    workspace.create_workspace(gpkg, default_groups())
    project = QgsProject.instance()
    readers = [workspace.open_layer(gpkg, t, "Groupe 1") for t in ("parcours", "sequences")]
    stops = workspace.open_layer(gpkg, "arrets", "Groupe 1")
    project.addMapLayers([*readers, stops])
    try:
        for _ in range(3):  # each edit session reopens the file for update
            assert stops.startEditing()
            feat = QgsFeature(stops.fields())
            feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(744000, 7010000)))
            feat["groupe"] = "Groupe 1"
            feat["nom"] = "Mairie"
            assert stops.addFeature(feat)
            assert stops.commitChanges()
        assert [lyr.featureCount() for lyr in readers] == [0, 0]
        assert stops.featureCount() == 3
        again = workspace.open_layer(gpkg, "arrets", "Groupe 1")
        assert len(list(again.getFeatures())) == 3
        with open(gpkg, "rb") as f:
            header = f.read(20)
        assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL (02 02)
    finally:
        project.removeMapLayers([lyr.id() for lyr in (*readers, stops)])
