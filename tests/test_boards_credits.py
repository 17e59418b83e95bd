# SPDX-License-Identifier: GPL-2.0-or-later
"""Board credits come from what the layers say, never from a part of their name."""

from __future__ import annotations

from pathlib import Path

from helpers_dossier import POIX, layer, write_layer


def _line(x: float, y: float) -> list:
    return [(f"LINESTRING({x} {y}, {x + 500} {y + 200})", ["réseau"])]


def _rights(lyr, text: str):
    meta = lyr.metadata()
    meta.setRights([text])
    lyr.setMetadata(meta)
    return lyr


def test_a_name_containing_plu_is_not_credited_to_the_urbanism_portal(qgis_app, tmp_path):
    from poix_atelier_plugin.boards.credits import credit_line, layer_credit

    x, y = POIX
    gpkg = tmp_path / "reseaux.gpkg"
    write_layer(gpkg, "eaux_pluviales", "LineString", "EPSG:2154", _line(x, y))
    write_layer(gpkg, "zonage_plu", "LineString", "EPSG:2154", _line(x, y), first=False)
    write_layer(gpkg, "parcelles_agricoles", "LineString", "EPSG:2154", _line(x, y), first=False)
    rain = layer(gpkg, "eaux_pluviales", "eaux_pluviales")
    assert layer_credit(rain) is None  # "plu" is in the name: no evidence of anything
    assert "urbanisme" not in credit_line([rain])
    # a part of a known name is not the name either
    assert layer_credit(layer(gpkg, "parcelles_agricoles", "Parcelles agricoles")) is None
    # the layer's own metadata is the credit, whatever its name
    said = _rights(layer(gpkg, "eaux_pluviales", "eaux_pluviales"), "SIAN – réseau pluvial 2025")
    assert layer_credit(said) == "SIAN – réseau pluvial 2025"
    said_plu = _rights(layer(gpkg, "zonage_plu", "Zonage PLU"), "Commune de Poix-du-Nord")
    assert layer_credit(said_plu) == "Commune de Poix-du-Nord"
    # only an exact, known table name gives a fallback
    assert layer_credit(layer(gpkg, "zonage_plu", "Zonage PLU")) == "Géoportail de l'urbanisme"
    line = credit_line([rain, said, layer(gpkg, "zonage_plu", "Zonage PLU")])
    assert "SIAN – réseau pluvial 2025" in line and "Géoportail de l'urbanisme" in line


def test_the_dossier_keeps_the_sources_rights(atelier_provider, communes_geojson, tmp_path):
    from qgis.core import QgsProject

    from poix_atelier_plugin.boards.credits import credit_line, layer_credit
    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    x, y = POIX
    folder = tmp_path / "sources"
    folder.mkdir()
    rain_path = write_layer(
        folder / "eaux_pluviales.gpkg", "eaux_pluviales", "LineString", "EPSG:2154", _line(x, y)
    )
    rain = _rights(layer(rain_path, "eaux_pluviales", "eaux_pluviales"), "SIAN – réseau pluvial")
    plain = layer(rain_path, "eaux_pluviales", "Eaux pluviales bis")
    communes = layer(communes_geojson, "communes-59-nord", "communes")
    result = build_dossier(communes, "59464", tmp_path / "out", sources=[rain, plain])
    project = QgsProject()
    assert project.read(result.project)
    by_name = {lyr.name(): lyr for lyr in project.mapLayers().values()}
    assert by_name["eaux_pluviales"].metadata().rights() == ["SIAN – réseau pluvial"]
    assert layer_credit(by_name["eaux_pluviales"]) == "SIAN – réseau pluvial"
    assert layer_credit(by_name["Eaux pluviales bis"]) is None
    assert layer_credit(by_name["Commune"]) == "IGN – Admin Express COG"
    assert "urbanisme" not in credit_line(list(by_name.values()))
    assert Path(result.gpkg).is_file()
