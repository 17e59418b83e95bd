# SPDX-License-Identifier: GPL-2.0-or-later
"""Diagnostic symbology (category colours, theme pictograms, hatches, arrows) and the sample."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from helpers_enjeux import add_row, group_layer, new_workspace

pytestmark = pytest.mark.usefixtures("qgis_app")

REPO = Path(__file__).resolve().parents[1]


def _render(layers, extent, size=(600, 400)):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def _colours(image):
    seen = set()
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            seen.add(image.pixel(x, y) & 0xFFFFFF)
    return seen


def test_pictograms_come_from_the_qgis_svg_library():
    from poix_atelier_plugin.domain import vocab
    from poix_atelier_plugin.styles.diagnostic_style import THEME_SVG, svg_path, theme_expression

    assert set(THEME_SVG) == set(vocab.THEMES)
    missing = [name for name in THEME_SVG.values() if not svg_path(name)]
    assert not missing
    expression = theme_expression()
    assert all(f"'{theme}'" in expression for theme in vocab.THEMES)


@pytest.mark.parametrize("geometry", ["Point", "LineString", "Polygon"])
def test_style_by_category_renders_each_colour(tmp_path, geometry):
    from qgis.core import QgsArrowSymbolLayer, QgsLinePatternFillSymbolLayer, QgsRectangle

    from poix_atelier_plugin.styles.diagnostic_style import CATEGORY_COLOURS, style_diagnostic

    gpkg = new_workspace(tmp_path)
    x0, y0 = 743000, 7010000
    for i, categorie in enumerate(CATEGORY_COLOURS):
        x = x0 + i * 300
        wkt = {
            "Point": f"POINT({x + 100} {y0 + 100})",
            "LineString": f"LINESTRING({x} {y0}, {x + 120} {y0 + 150}, {x + 250} {y0 + 200})",
            "Polygon": f"POLYGON(({x} {y0}, {x + 250} {y0}, {x + 250} {y0 + 250}, {x} {y0 + 250}, {x} {y0}))",
        }[geometry]
        add_row(
            gpkg,
            "diagnostic",
            {
                "groupe": "Groupe 1",
                "categorie": categorie,
                "theme": "patrimoine",
                "texte": categorie,
            },
            wkt,
        )
    layer = group_layer(gpkg, "diagnostic", "Groupe 1", geometry)
    style_diagnostic(layer, geometry)
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol"
    assert renderer.classAttribute() == "categorie"
    assert [c.value() for c in renderer.categories()] == list(CATEGORY_COLOURS)
    assert [c.label() for c in renderer.categories()] == [
        "Atout",
        "Faiblesse",
        "Opportunité",
        "Menace",
    ]
    categories = renderer.categories()  # keep the copies alive while reading their symbols
    kinds = [type(sl) for sl in categories[3].symbol().symbolLayers()]
    if geometry == "LineString":
        assert QgsArrowSymbolLayer in kinds
    if geometry == "Polygon":
        assert kinds.count(QgsLinePatternFillSymbolLayer) == 2  # threats are cross-hatched
    if geometry == "Point":
        assert any("Svg" in k.__name__ for k in kinds)
    image = _render([layer], QgsRectangle(x0 - 50, y0 - 50, x0 + 1250, y0 + 300))
    seen = _colours(image)
    from qgis.PyQt.QtGui import QColor

    for colour in CATEGORY_COLOURS.values():
        rgb = QColor(colour).rgb() & 0xFFFFFF
        assert rgb in seen, f"{colour} not drawn for {geometry}"


def test_enjeux_layers_styled_by_level(tmp_path):
    from poix_atelier_plugin.styles.diagnostic_style import style_diagnostic

    gpkg = new_workspace(tmp_path)
    layer = group_layer(gpkg, "enjeux", "Groupe 1", "Point")
    style_diagnostic(layer, "Point")
    assert layer.renderer().classAttribute() == "niveau"
    assert layer.labelsEnabled()


def _sample_module():
    spec = importlib.util.spec_from_file_location(
        "make_sample_diagnostic", REPO / "scripts" / "make_sample_diagnostic.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_diagnostic_is_idempotent_and_links_sites_by_name(tmp_path):
    from poix_atelier_plugin.domain import vocab
    from poix_atelier_plugin.services.toolbox.enjeux import enjeu_links, read_enjeux
    from poix_atelier_plugin.services.toolbox.proposal import proposal_for_group
    from poix_atelier_plugin.store.workspace import open_layer

    gpkg = new_workspace(tmp_path, groups=("Groupe 1", "Groupe 2", "Groupe 3"))
    site = add_row(
        gpkg,
        "sites_projet",
        {"groupe": "Groupe 2", "nom": "Friche textile rue de Neuville", "origine": "commune"},
        "POLYGON((743800 7010400, 743950 7010400, 743950 7010500, 743800 7010400))",
    )
    module = _sample_module()
    first = module.populate(gpkg)
    second = module.populate(gpkg)
    assert first == second
    assert first["sites_lies"] >= 1
    layer = open_layer(gpkg, "diagnostic")
    feats = list(layer.getFeatures())
    assert len(feats) == first["diagnostic"]
    for groupe in ("Groupe 1", "Groupe 2", "Groupe 3"):
        mine = [f for f in feats if f["groupe"] == groupe]
        assert {f["categorie"] for f in mine} == set(vocab.DIAGNOSTIC_CATEGORIES)
        assert {f.geometry().type() for f in mine} == {0, 1, 2}
        enjeux = read_enjeux(gpkg, groupe)
        assert 3 <= len(enjeux) <= 5
        proposal = proposal_for_group(gpkg, groupe)
        assert all(2 <= len(e.outils) <= 3 for e in proposal.enjeux)
    friche = [e for e in read_enjeux(gpkg, "Groupe 2") if e["site_id"] == site]
    assert friche
    tools = {link["outil_id"] for link in enjeu_links(gpkg)}
    assert len(enjeu_links(gpkg)) == first["enjeux_outils"]
    assert all(t is not None for t in tools)
    # everything sits inside the commune's area (illustrative but at real places)
    extent = layer.extent()
    assert 742000 < extent.xMinimum() and extent.xMaximum() < 746500
    assert 7007500 < extent.yMinimum() and extent.yMaximum() < 7012600


def test_pictograms_are_stored_by_name_and_found_on_another_computer(tmp_path):
    import shutil
    import zipfile

    from qgis.core import (
        QgsApplication,
        QgsExpression,
        QgsExpressionContext,
        QgsExpressionContextUtils,
        QgsProject,
        QgsSettings,
        QgsSvgMarkerSymbolLayer,
        QgsSymbolLayerUtils,
    )

    from poix_atelier_plugin import compat
    from poix_atelier_plugin.styles.diagnostic_style import THEME_SVG, style_diagnostic

    here = tmp_path / "ici"
    here.mkdir()
    gpkg = new_workspace(here)
    add_row(
        gpkg,
        "diagnostic",
        {"groupe": "Groupe 1", "categorie": "atout", "theme": "patrimoine", "texte": "Église"},
        "POINT(743100 7010100)",
    )
    layer = group_layer(gpkg, "diagnostic", "Groupe 1", "Point")
    style_diagnostic(layer, "Point")
    project = QgsProject()
    project.addMapLayer(layer)
    assert project.write(str(here / "atelier.qgz"))
    with zipfile.ZipFile(here / "atelier.qgz") as qgz:
        (name,) = [n for n in qgz.namelist() if n.endswith(".qgs")]
        text = qgz.read(name).decode("utf-8")
    library = QgsApplication.pkgDataPath() + "/svg"
    assert THEME_SVG["patrimoine"] in text
    assert library not in text and str(Path(library).resolve()) not in text

    # another computer: the dossier elsewhere, the SVG library at another place
    there = tmp_path / "ailleurs"
    shutil.copytree(here, there)
    other_library = tmp_path / "bibliotheque_svg"
    for svg in THEME_SVG.values():
        (other_library / svg).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(library) / svg, other_library / svg)
    settings = QgsSettings()
    kept = settings.value("svg/searchPathsForSVG", [])
    settings.setValue("svg/searchPathsForSVG", [str(other_library)])
    try:
        reopened = QgsProject()
        assert reopened.read(str(there / "atelier.qgz"))
        (layer,) = reopened.mapLayers().values()
        feature = next(layer.getFeatures())
        categories = layer.renderer().categories()  # copies kept alive while reading them
        (svg,) = [
            sl
            for sl in categories[0].symbol().symbolLayers()
            if isinstance(sl, QgsSvgMarkerSymbolLayer)
        ]
        prop = svg.dataDefinedProperties().property(compat.SYMBOL_PROPERTY_NAME)
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        context.setFeature(feature)
        name = QgsExpression(prop.expressionString()).evaluate(context)
        assert name == THEME_SVG["patrimoine"]
        found = QgsSymbolLayerUtils.svgSymbolNameToPath(name, reopened.pathResolver())
        assert Path(found) == other_library / THEME_SVG["patrimoine"]
    finally:
        settings.setValue("svg/searchPathsForSVG", kept)
