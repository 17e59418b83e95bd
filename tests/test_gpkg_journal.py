# SPDX-License-Identifier: GPL-2.0-or-later
"""Readers of a dossier keep working after another layer of it was edited.

The bug this guards against (core/gpkg_journal.py): once an edit switched the
GeoPackage to WAL, QGIS 3.22's lock-free readers failed and returned no
feature at all, without raising. Counting features of empty tables cannot tell
a working reader from a broken one, so every reader here reads tables that
hold features, and the values read back are compared with what was written.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject

from poix_atelier_plugin.core import workspace
from poix_atelier_plugin.domain.errors import AtelierError
from poix_atelier_plugin.domain.groups import default_groups

X0, Y0 = 744000.0, 7010000.0
#: What each reader must give back: table → names of Groupe 1's features.
WRITTEN = {
    "parcours": ["Boucle du centre", "Retour par la rue des Moulins"],
    "sequences": ["Place Talma", "Vallée du ruisseau Saint-Georges"],
}


def _line(dx: float) -> QgsGeometry:
    return QgsGeometry.fromPolylineXY([QgsPointXY(X0 + dx, Y0), QgsPointXY(X0 + dx, Y0 + 300)])


def _write(gpkg, table: str, group: str, names: list[str]) -> None:
    layer = workspace.open_layer(gpkg, table)
    feats = []
    for i, name in enumerate(names):
        feat = QgsFeature(layer.fields())
        feat["uid"] = workspace.new_uid()
        feat["groupe"] = group
        feat["nom"] = name
        feat.setGeometry(_line(100.0 * i))
        feats.append(feat)
    ok, _ = layer.dataProvider().addFeatures(feats)
    assert ok, layer.dataProvider().lastError()


def _read(layer) -> list[str]:
    return sorted(f["nom"] for f in layer.getFeatures())


def test_readers_survive_an_edit_of_the_same_geopackage(tmp_path):
    gpkg = tmp_path / "dossier.gpkg"
    workspace.create_workspace(gpkg, default_groups())
    for table, names in WRITTEN.items():
        _write(gpkg, table, "Groupe 1", names)
        # another group's feature: the readers' filter must leave it out
        _write(gpkg, table, "Groupe 2", [f"{table} du groupe 2"])
    project = QgsProject.instance()
    readers = {t: workspace.open_layer(gpkg, t, "Groupe 1") for t in WRITTEN}
    stops = workspace.open_layer(gpkg, "arrets", "Groupe 1")
    project.addMapLayers([*readers.values(), stops])
    try:
        # each reader has read once before the edits: its connection is open
        assert {t: _read(lyr) for t, lyr in readers.items()} == WRITTEN
        for i in range(3):  # each edit session reopens the file for update
            assert stops.startEditing()
            feat = QgsFeature(stops.fields())
            feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + 10 * i, Y0)))
            feat["groupe"] = "Groupe 1"
            feat["nom"] = f"Mairie {i + 1}"
            assert stops.addFeature(feat)
            assert stops.commitChanges(), stops.commitErrors()
            # the readers still give every written value, after each commit
            assert {t: _read(lyr) for t, lyr in readers.items()} == WRITTEN, f"after edit {i + 1}"
        for table, layer in readers.items():
            assert layer.featureCount() == len(WRITTEN[table])
            assert not layer.dataProvider().hasErrors(), layer.dataProvider().errors()
        assert _read(stops) == ["Mairie 1", "Mairie 2", "Mairie 3"]
        again = workspace.open_layer(gpkg, "arrets", "Groupe 1")
        assert _read(again) == ["Mairie 1", "Mairie 2", "Mairie 3"]
        with open(gpkg, "rb") as f:
            header = f.read(20)
        assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL (02 02)
    finally:
        project.removeMapLayers([lyr.id() for lyr in (*readers.values(), stops)])


def test_a_reader_that_cannot_open_its_table_raises(tmp_path):
    """The failing case is loud: no layer that would silently read nothing."""
    gpkg = tmp_path / "dossier.gpkg"
    workspace.create_workspace(gpkg, default_groups())
    with pytest.raises(AtelierError):
        workspace.open_layer(gpkg, "pas_de_table")
    with pytest.raises(AtelierError):
        workspace.open_layer(tmp_path / "absent.gpkg", "parcours")
