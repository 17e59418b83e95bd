# SPDX-License-Identifier: GPL-2.0-or-later
"""The Processing contract (DESIGN.md): DOSSIER is one parameter, sinks say when they fail.

DOSSIER takes a GeoPackage path or a server workshop ``pg:<connection>/<schema>``
on every algorithm that has it, through the real ``processing.run``; anything
else is refused with the reason. A ``pg:`` dossier reaches synthesis and
export_boards on a throw-away PostgreSQL cluster.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers_pg import pg_cluster  # noqa: F401
from helpers_pg_qgis import make_dossier, pg_connection  # noqa: F401

CONTRACT_IDS = {
    "build_dossier",
    "create_groups",
    "order_stops",
    "import_photos",
    "export_field_package",
    "synthesis",
    "export_boards",
    "merge_field_package",
    "publish_dossier",
    "fetch_dossier",
}
#: Every algorithm whose input DOSSIER is a dossier (build and fetch output one).
WITH_DOSSIER = CONTRACT_IDS - {"build_dossier", "fetch_dossier"}
#: Those that work on a file only (photos, packages, the copy to a server).
GPKG_ONLY = {
    "order_stops": {"GROUP": "Groupe 1"},
    "import_photos": {"GROUP": "Groupe 1", "FOLDER": "."},
    "export_field_package": {"GROUP": "Groupe 1", "OUTPUT_FOLDER": "TEMPORARY_OUTPUT"},
    "merge_field_package": {"PACKAGE": "paquet.gpkg"},
}
GOOD = [
    "atelier_59464.gpkg",
    "C:\\Ateliers\\Poix-du-Nord\\atelier_59464.GPKG",
    "\\\\serveur-ddtm\\partage\\ateliers\\atelier_59464.gpkg",
    "/srv/ateliers/dossier avec espaces.gpkg",
    "pg:Atelier DDTM/atelier_poix",
    "pg:service-ddtm/atelier_poix_2026",
    "pg:Connexion/avec/barres/atelier_poix",  # the schema is after the last '/'
]
#: How a refusal says to write a server dossier, in English or in French.
SAYS_HOW = re.compile(r"pg:<conne(ct|x)ion>/<sch[eé]ma>")
BAD = ["notes.txt", "atelier_59464.gpkg.zip", "pg:", "pg:Atelier DDTM", "pg:/atelier_poix", "pg:c/"]


def _registry():
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry()


def _algorithm(alg_id: str):
    alg = _registry().createAlgorithmById(f"atelier:{alg_id}")
    assert alg is not None, alg_id
    return alg


def test_every_contract_id_is_there(atelier_provider):
    assert {a.name() for a in atelier_provider.algorithms()} == CONTRACT_IDS
    having = {a.name() for a in atelier_provider.algorithms() if a.parameterDefinition("DOSSIER")}
    assert having == WITH_DOSSIER


@pytest.mark.parametrize("alg_id", sorted(WITH_DOSSIER))
def test_dossier_is_one_parameter_taking_both_forms(atelier_provider, alg_id):
    from poix_atelier_plugin.processing.base import DossierParameter

    alg = _algorithm(alg_id)  # kept: the definition lives as long as its algorithm
    definition = alg.parameterDefinition("DOSSIER")
    assert isinstance(definition, DossierParameter)
    # the "file" widget of the Processing dialog (file picker) and of the model builder
    assert definition.type() == "file"
    assert definition.extension() == ""
    assert "*.gpkg" in definition.fileFilter()
    for copy in (definition, definition.clone()):  # the dialog works on clones
        for value in GOOD:
            assert copy.checkValueIsAcceptable(value), (alg_id, value)
        for value in BAD:
            assert not copy.checkValueIsAcceptable(value), (alg_id, value)
    optional = alg_id == "export_boards"  # PROJECT or DOSSIER
    assert definition.checkValueIsAcceptable("") is optional
    assert definition.checkValueIsAcceptable(None) is optional


def test_qgis_own_file_parameter_refuses_pg_with_an_extension(qgis_app):
    """Why DOSSIER has no extension: QGIS's own check refuses every pg: value then."""
    from qgis.core import QgsProcessingParameterFile

    plain = QgsProcessingParameterFile("DOSSIER", "Dossier", extension="gpkg")
    assert plain.checkValueIsAcceptable("dossier.gpkg")
    assert not plain.checkValueIsAcceptable("pg:Atelier DDTM/atelier_poix")


def test_the_dialog_widget_is_a_file_picker_that_keeps_a_pg_value(atelier_provider, qgis_iface):
    from qgis.gui import QgsFileWidget, QgsGui, QgsProcessingGui

    alg = _algorithm("synthesis")  # kept: the definition lives as long as its algorithm
    definition = alg.parameterDefinition("DOSSIER")
    wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(
        definition, QgsProcessingGui.Standard
    )
    assert wrapper is not None
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    widget = wrapper.createWrappedWidget(context)
    try:
        assert widget.findChildren(QgsFileWidget) or isinstance(widget, QgsFileWidget)
        for value in ("pg:Atelier DDTM/atelier_poix", "C:\\Ateliers\\atelier_59464.gpkg"):
            wrapper.setParameterValue(value, context)
            assert wrapper.parameterValue() == value
    finally:
        widget.deleteLater()


@pytest.mark.parametrize("alg_id", sorted(WITH_DOSSIER))
def test_anything_else_is_refused_with_the_reason(atelier_provider, alg_id):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as refused:
        processing.run(f"atelier:{alg_id}", {"DOSSIER": "compte-rendu.docx"})
    text = str(refused.value)
    assert "compte-rendu.docx" in text
    assert SAYS_HOW.search(text), text
    with pytest.raises(QgsProcessingException) as refused:
        processing.run(f"atelier:{alg_id}", {"DOSSIER": "pg:Atelier DDTM"})
    assert "pg:Atelier DDTM" in str(refused.value)
    assert SAYS_HOW.search(str(refused.value)), str(refused.value)


@pytest.mark.parametrize("alg_id", sorted(set(GPKG_ONLY) | {"publish_dossier"}))
def test_file_only_algorithms_name_a_server_dossier(atelier_provider, alg_id):
    import processing
    from qgis.core import QgsProcessingException

    params = {"DOSSIER": "pg:Atelier DDTM/atelier_poix", **GPKG_ONLY.get(alg_id, {})}
    if alg_id == "publish_dossier":
        params.update({"CONNECTION": "Atelier DDTM", "SCHEMA": "atelier_poix"})
    with pytest.raises(QgsProcessingException) as refused:
        processing.run(f"atelier:{alg_id}", params)
    text = str(refused.value)
    assert "pg:Atelier DDTM/atelier_poix" in text
    assert _algorithm(alg_id).displayName() in text


# sinks ------------------------------------------------------------------------------


class _RefusingSink:
    """A sink that takes no feature, as a full disk or a locked file does."""

    def addFeature(self, *args):
        return False

    def lastError(self):
        return "disque plein"


def _synthesis_direct(gpkg: Path, sink):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    alg = _algorithm("synthesis")
    alg.parameterAsSink = lambda *args: (sink, "sortie.gpkg")
    context = QgsProcessingContext()
    return alg, lambda: alg.process(
        {"DOSSIER": str(gpkg), "OUTPUT": "TEMPORARY_OUTPUT"}, context, QgsProcessingFeedback()
    )


def _overlapping_sites(tmp_path: Path) -> Path:
    return make_dossier(tmp_path / "atelier_59464.gpkg")


def test_synthesis_without_its_sink_raises(atelier_provider, tmp_path):
    from qgis.core import QgsProcessingException

    _alg, run = _synthesis_direct(_overlapping_sites(tmp_path), None)
    with pytest.raises(QgsProcessingException) as refused:
        run()
    assert "OUTPUT" in str(refused.value)


def test_synthesis_says_when_its_sink_refuses_a_feature(atelier_provider, tmp_path):
    from qgis.core import QgsProcessingException

    _alg, run = _synthesis_direct(_overlapping_sites(tmp_path), _RefusingSink())
    with pytest.raises(QgsProcessingException) as refused:
        run()
    assert "disque plein" in str(refused.value)
    assert "sortie.gpkg" in str(refused.value)


# a pg: dossier through processing.run ------------------------------------------------


@pytest.fixture(scope="module")
def server_dossier(pg_connection, tmp_path_factory):
    from poix_atelier_plugin.services.server import pg_sync

    gpkg = make_dossier(tmp_path_factory.mktemp("contract") / "atelier_59464.gpkg")
    dossier = pg_connection.dossier("atelier_poix_contract")
    pg_sync.publish(gpkg, dossier, replace=True)
    return dossier


def test_synthesis_reads_a_server_dossier(atelier_provider, server_dossier):
    import processing

    alg = _algorithm("synthesis")  # kept: the definition lives as long as its algorithm
    definition = alg.parameterDefinition("DOSSIER")
    assert definition.checkValueIsAcceptable(server_dossier)
    result = processing.run(
        "atelier:synthesis", {"DOSSIER": server_dossier, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    rows = sorted((f["n_groupes"], f["groupes"]) for f in result["OUTPUT"].getFeatures())
    # the three groups chose the same friche (helpers_pg_qgis.make_dossier)
    assert rows[-1] == (3, "Groupe 1, Groupe 2, Groupe 3")


def test_export_boards_reads_a_server_dossier(atelier_provider, server_dossier, tmp_path):
    import processing

    from poix_atelier_plugin.boards.templates import BOARD_TYPES

    out = tmp_path / "planches"
    result = processing.run(
        "atelier:export_boards",
        {
            "DOSSIER": server_dossier,
            "BOARDS": [BOARD_TYPES.index("synthese")],
            "PAPER": 0,
            "FORMAT": 1,
            "DPI": 36,
            "OUTPUT_FOLDER": str(out),
        },
    )
    files = [Path(p) for p in result["FILES"]]
    assert files, result
    assert all(p.is_file() and p.stat().st_size > 0 for p in files)
    assert all(p.suffix == ".png" for p in files)
