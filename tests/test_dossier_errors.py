# SPDX-License-Identifier: GPL-2.0-or-later
"""Bad input to atelier:build_dossier: a clear message, and nothing half-done.

Messages are asserted on the French text the user sees (the session installs
the French catalogue; marked ``# i18n``) and on the offending value they must
mention.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers_dossier import POIX, files_in, gpkg_tables, layer, write_layer


def _run(params: dict) -> dict:
    import processing

    return processing.run("atelier:build_dossier", params)


def _params(communes, out: Path, **extra) -> dict:
    params = {
        "COMMUNES": communes,
        "CODE_INSEE": "59464",
        "BUFFER": 500,
        "ONLINE_LAYERS": False,
        "OUTPUT_FOLDER": str(out),
    }
    params.update(extra)
    return params


def _fails(params: dict) -> str:
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as info:
        _run(params)
    return str(info.value)


def _square(cx: float, cy: float, half: float) -> str:
    return (
        f"POLYGON(({cx - half} {cy - half}, {cx + half} {cy - half}, {cx + half} {cy + half}, "
        f"{cx - half} {cy + half}, {cx - half} {cy - half}))"
    )


def test_unknown_insee_code(atelier_provider, communes_geojson, tmp_path):
    out = tmp_path / "out"
    message = _fails(_params(str(communes_geojson), out, CODE_INSEE="99999"))
    assert "99999" in message and "Aucune commune n'a le code INSEE" in message  # i18n
    assert files_in(out) == []


def test_layer_without_insee_field(atelier_provider, tmp_path):
    src = write_layer(
        tmp_path / "zones.gpkg",
        "zones",
        "Polygon",
        "EPSG:2154",
        [(_square(*POIX, 1000), ["a", 1])],
        fields=[("libelle", "string"), ("valeur", "int")],
    )
    out = tmp_path / "out"
    message = _fails(_params(layer(src, "zones", "Mes zones"), out))
    assert "Mes zones" in message and "n'a pas de champ de code INSEE" in message  # i18n
    assert "code_insee" in message  # says what it looked for
    assert files_in(out) == []
    # A named field that does not exist is named back.
    message = _fails(_params(layer(src, "zones", "Mes zones"), out, CODE_FIELD="insee_xx"))
    assert "insee_xx" in message  # i18n


def test_non_polygon_communes_layer(atelier_provider, tmp_path):
    src = write_layer(
        tmp_path / "mairies.gpkg",
        "mairies",
        "Point",
        "EPSG:2154",
        [(f"POINT({POIX[0]} {POIX[1]})", ["59464"])],
        fields=[("code", "string")],
    )
    out = tmp_path / "out"
    message = _fails(_params(layer(src, "mairies", "Mairies"), out))
    assert "Mairies" in message and "doit contenir des polygones" in message  # i18n
    assert files_in(out) == []


def _communes(tmp_path: Path):
    src = write_layer(
        tmp_path / "communes.gpkg",
        "communes",
        "MultiPolygon",
        "EPSG:2154",
        [
            (_square(*POIX, 1500), ["59464", "Poix-du-Nord"]),
            (_square(POIX[0] + 3000, POIX[1], 1500), ["59194", "Englefontaine"]),
        ],
        fields=[("insee_com", "string"), ("nom", "string")],
    )
    return layer(src, "communes", "Communes")


def test_empty_source_and_invalid_geometries(qgis_app, tmp_path):
    """Through the services: an empty source is skipped with a warning, invalid geometries repaired."""
    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    empty = write_layer(tmp_path / "vide.gpkg", "vide", "Point", "EPSG:2154", [])
    x, y = POIX
    bowtie = f"POLYGON(({x} {y}, {x + 100} {y + 100}, {x + 100} {y}, {x} {y + 100}, {x} {y}))"
    broken = write_layer(
        tmp_path / "zonage.gpkg",
        "zonage",
        "MultiPolygon",
        "EPSG:4326",
        [(bowtie, ["U"]), (_square(x + 500, y, 50), ["A"])],
    )
    result = build_dossier(
        _communes(tmp_path),
        "59464",
        tmp_path / "out",
        sources=[layer(empty, "vide", "Source vide"), layer(broken, "zonage", "Zonage PLU")],
    )
    assert any("Source vide" in w and "est vide" in w for w in result.warnings)  # i18n
    assert any(
        "Zonage PLU" in w and "1 géométries non valides réparées" in w for w in result.warnings
    )  # i18n
    tables = gpkg_tables(Path(result.gpkg))
    assert "zonage_plu" in tables and "source_vide" not in tables
    features = list(layer(Path(result.gpkg), "zonage_plu").getFeatures())
    assert len(features) == 2 and all(f.geometry().isGeosValid() for f in features)
    assert result.sources[0].repaired == 1


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_existing_dossier_is_never_overwritten_unasked(atelier_provider, tmp_path):
    communes = _communes(tmp_path)
    out = tmp_path / "out"
    _run(_params(communes, out))
    (out / "notes.txt").write_text("mes notes")
    before = _digest(out)
    message = _fails(_params(communes, out))
    assert "contient déjà un dossier" in message and "59464" in message  # i18n
    assert "Écraser" in message  # i18n: says how to replace it
    assert _digest(out) == before
    # Saying so replaces it, leaves other files alone, keeps a dated copy of the old
    # files, and no temporary folder behind.
    _run(_params(communes, out, OVERWRITE=True, BUFFER=100))
    assert sorted(os.listdir(out)) == [
        "atelier_59464.gpkg",
        "atelier_59464.qgz",
        "notes.txt",
        "sauvegardes",
    ]
    kept = sorted(p.suffix for p in (out / "sauvegardes").iterdir())
    assert kept == [".gpkg", ".qgz"]
    assert (out / "notes.txt").read_text() == "mes notes"
    zone = next(layer(out / "atelier_59464.gpkg", "perimetre_etude").getFeatures())
    assert zone["tampon_m"] == 100


@pytest.fixture()
def read_only_folder(tmp_path):
    folder = tmp_path / "lecture seule"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if os.access(folder, os.W_OK):  # root ignores permissions: make it immutable instead
        immutable = (
            subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        )
        if not immutable:
            pytest.skip("cannot make a read-only folder here")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    folder.chmod(0o755)


def test_read_only_output_folder(atelier_provider, tmp_path, read_only_folder):
    communes = _communes(tmp_path)
    message = _fails(_params(communes, read_only_folder))
    assert "en lecture seule" in message and str(read_only_folder) in message  # i18n
    assert files_in(read_only_folder) == []
    # A dossier asked inside it (a sub-folder to create) gets the same clear message.
    message = _fails(_params(communes, read_only_folder / "sous dossier"))
    assert "en lecture seule" in message  # i18n


def test_bad_code_and_buffer(atelier_provider, tmp_path):
    communes = _communes(tmp_path)
    out = tmp_path / "out"
    assert "code INSEE" in _fails(_params(communes, out, CODE_INSEE="  "))  # i18n
    assert files_in(out) == []


def test_cancel_leaves_nothing(qgis_app, tmp_path):
    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    src = write_layer(
        tmp_path / "pts.gpkg",
        "pts",
        "Point",
        "EPSG:2154",
        [(f"POINT({POIX[0] + i} {POIX[1]})", [str(i)]) for i in range(1000)],
    )
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 50

    out = tmp_path / "out"
    with pytest.raises(AtelierError, match="Cancelled"):  # i18n
        build_dossier(
            _communes(tmp_path), "59464", out, sources=[layer(src, "pts")], cancelled=cancelled
        )
    assert files_in(out) == []
    shutil.rmtree(out)


def test_folder_names_qgis_cannot_open_are_refused(atelier_provider, tmp_path):
    """A literal %20 in a path is decoded by QGIS's data sources: refuse it up front."""
    out = tmp_path / "dossier%20poix"
    message = _fails(_params(_communes(tmp_path), out))
    assert "%20" in message and "renommez le dossier" in message  # i18n
    assert files_in(out) == []


def test_a_source_failing_to_clip_is_named_and_leaves_nothing(
    qgis_app, tmp_path, monkeypatch, caplog
):
    import sqlite3

    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.infra.i18n import error_text
    from poix_atelier_plugin.services.dossier import dossier_sources
    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    src = write_layer(
        tmp_path / "pts.gpkg", "pts", "Point", "EPSG:2154", [(f"POINT({POIX[0]} {POIX[1]})", ["1"])]
    )

    def locked(*_args, **_kw):  # the source's file held by another program
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(dossier_sources, "clip_source", locked)
    out = tmp_path / "out"
    with pytest.raises(AtelierError) as info:
        build_dossier(_communes(tmp_path), "59464", out, sources=[layer(src, "pts", "Arbres")])
    said = error_text(info.value)
    assert "Arbres" in said and "database is locked" in said
    assert any(
        r.exc_info and r.exc_info[0] is sqlite3.OperationalError for r in caplog.records
    )  # the traceback is in the log
    assert files_in(out) == []


def _odd_communes(tmp_path: Path, field: str, numeric: bool = False):
    src = write_layer(
        tmp_path / "communes_odd.gpkg",
        "communes",
        "MultiPolygon",
        "EPSG:2154",
        [
            (_square(*POIX, 1500), [59464 if numeric else "59464", "Poix-du-Nord"]),
            (_square(POIX[0] + 3000, POIX[1], 1500), [59194 if numeric else "59194", "Engle"]),
        ],
        fields=[(field, "int" if numeric else "string"), ("nom", "string")],
    )
    return layer(src, "communes", "Communes")


@pytest.mark.parametrize("numeric", [False, True])
def test_code_field_with_spaces_and_quotes(atelier_provider, tmp_path, numeric):
    from poix_atelier_plugin.services.dossier.dossier_sources import commune_label

    field = 'code "insee" d\'la com'
    communes = _odd_communes(tmp_path, field, numeric)
    assert communes.fields().indexOf(field) >= 0
    assert commune_label(communes, field, "59464") == "Poix-du-Nord (59464)"
    result = _run(_params(communes, tmp_path / "out", CODE_FIELD=field))
    assert Path(result["DOSSIER"]).is_file()


@pytest.mark.parametrize("bad", ["59464' OR 1=1", "59464' OR '1'='1", "5946", "594645", "2C004"])
def test_a_malformed_insee_code_is_refused_before_any_filter(atelier_provider, tmp_path, bad):
    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.services.dossier.dossier_sources import commune_label, find_commune

    communes = _communes(tmp_path)
    out = tmp_path / "out"
    message = _fails(_params(communes, out, CODE_INSEE=bad))
    assert bad in message and "INSEE" in message
    assert files_in(out) == []
    for call in (commune_label, find_commune):  # not even one row read for a bad code
        with pytest.raises(AtelierError) as info:
            call(communes, "insee_com", bad)
        assert info.value.message.startswith("The INSEE code {code} is not valid")


def test_corsican_and_overseas_codes_are_accepted(qgis_app):
    from poix_atelier_plugin.domain.insee import insee_code

    assert [insee_code(c) for c in ("2A004", " 2b033 ", "97101", "59464")] == [
        "2A004",
        "2B033",
        "97101",
        "59464",
    ]
