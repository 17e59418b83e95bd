# SPDX-License-Identifier: GPL-2.0-or-later
"""The build's promises: the zip the plugin repository accepts, the staged
plugin QGIS loads (desktop and qgis_process), metadata and translations."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import check_translations  # noqa: E402
import stage_plugin  # noqa: E402

PLUGIN = "poix_atelier_plugin"
CHECKER = REPO.parent / "shared" / "checks" / "check_plugin_zip.py"
ALGORITHMS = (
    "build_dossier",
    "create_groups",
    "order_stops",
    "import_photos",
    "export_field_package",
    "synthesis",
    "export_boards",
)


def _metadata() -> dict[str, str]:
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    return dict(parser.items("general"))


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> tuple[Path, Path]:
    """A freshly staged plugin folder and its zip."""
    root = tmp_path_factory.mktemp("stage")
    zip_path = root / f"{PLUGIN}.zip"
    assert stage_plugin.main(["--stage", str(root / "stage"), "--zip", str(zip_path)]) == 0
    return root / "stage" / PLUGIN, zip_path


def test_metadata_is_complete_for_the_plugin_repository():
    meta = _metadata()
    assert meta["name"] == "Atelier territorial"
    assert meta["qgisMinimumVersion"] == "3.22"
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert meta["hasProcessingProvider"] == "yes"
    assert meta["experimental"] == "False"
    assert "Français" in meta["about"], "about must carry the French text too"
    assert (REPO / meta["icon"]).is_file()


def test_staged_plugin_has_what_qgis_needs_and_nothing_else(staged):
    plugin_dir, _ = staged
    for need in ("__init__.py", "metadata.txt", "LICENSE", "plugin.py", "resources/icons/icon.png"):
        assert (plugin_dir / need).is_file(), need
    shipped = [p.relative_to(plugin_dir) for p in plugin_dir.rglob("*")]
    assert not [p for p in shipped if "__pycache__" in p.parts or p.suffix in (".pyc", ".ts")]
    assert not [p for p in shipped if p.parts[0] == "tests"]
    if (REPO / PLUGIN / "i18n" / f"{PLUGIN}_fr.qm").is_file():
        assert (plugin_dir / "i18n" / f"{PLUGIN}_fr.qm").is_file()


def test_zip_passes_the_plugin_repository_checker(staged):
    _, zip_path = staged
    from helpers_data import need

    need(CHECKER, "the plugin repository checker (../shared/checks beside the repo)")
    result = subprocess.run(
        [sys.executable, str(CHECKER), str(zip_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(zip_path) as zf:
        assert {n.split("/")[0] for n in zf.namelist()} == {PLUGIN}


def test_zip_is_reproducible(staged, tmp_path):
    plugin_dir, zip_path = staged
    again = stage_plugin.make_zip(plugin_dir, tmp_path / "again.zip")
    assert again.read_bytes() == zip_path.read_bytes()


def test_translation_check_reports_unfinished_entries(tmp_path):
    ts = tmp_path / "x_fr.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="fr">'
        "<context><name>@default</name>"
        "<message><source>Route</source><translation>Parcours</translation></message>"
        '<message><source>Stop</source><translation type="unfinished"></translation></message>'
        '<message><source>Old</source><translation type="obsolete">Vieux</translation></message>'
        "<message><source>Empty</source><translation></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert check_translations.unfinished(ts) == [("@default", "Stop"), ("@default", "Empty")]
    assert check_translations.main(["check", str(ts)]) == 1


def test_plugin_loads_and_unloads_in_qgis(qgis_iface, qgis_processing):
    from qgis.core import QgsApplication

    from poix_atelier_plugin import classFactory

    registry = QgsApplication.processingRegistry()
    already = registry.providerById("atelier") is not None
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        provider = registry.providerById("atelier")
        assert provider is not None
        ids = {alg.id() for alg in provider.algorithms()}
        assert {f"atelier:{name}" for name in ALGORITHMS} <= ids
    finally:
        plugin.unload()
    if not already:
        assert registry.providerById("atelier") is None


@pytest.mark.slow
def test_qgis_process_lists_the_atelier_algorithms(staged, tmp_path):
    """qgis_process loads enabled plugins from QGIS_PLUGINPATH and its profile."""
    qgis_process = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
    if not Path(qgis_process).is_file():
        pytest.skip("qgis_process.bin not installed")
    plugin_dir, _ = staged
    config = tmp_path / "config"
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(f"[PythonPlugins]\n{PLUGIN}=true\n", encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(config),
        QGIS_PLUGINPATH=str(plugin_dir.parent),
    )
    env.pop("QGIS_OPTIONS_PATH", None)
    result = subprocess.run(
        [qgis_process, "list"], capture_output=True, text=True, env=env, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for name in ALGORITHMS:
        assert f"atelier:{name}" in result.stdout, result.stdout[-2000:] + result.stderr[-2000:]


def test_translation_check_reports_sources_that_lost_an_escape(tmp_path):
    ts = tmp_path / "x_fr.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="fr">'
        "<context><name>@default</name>"
        "<message><source>Group u201c{name}u201d</source><translation>G</translation></message>"
        "<message><source>Menu2000 \u201cok\u201d</source><translation>M</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert check_translations.mangled(ts) == [("@default", "Group u201c{name}u201d")]
    assert check_translations.main(["check", str(ts)]) == 1


def test_french_catalogue_translates_finished_messages(french_translator):
    """Every finished @default message of the .ts comes back French at run time."""
    import xml.etree.ElementTree as ET

    from poix_atelier_plugin.infra.i18n import tr

    ts = REPO / PLUGIN / "i18n" / f"{PLUGIN}_fr.ts"
    finished = [
        (m.findtext("source"), m.findtext("translation"))
        for c in ET.parse(ts).getroot().iter("context")
        if c.findtext("name") == "@default"
        for m in c.iter("message")
        if m.get("numerus") != "yes"
        and m.find("translation").get("type") is None
        and (m.findtext("translation") or "").strip()
    ]
    if not finished:
        pytest.skip("no French translation finished yet")
    assert [s for s, t in finished if tr(s) != t] == []
