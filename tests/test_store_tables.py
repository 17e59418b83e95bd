# SPDX-License-Identifier: GPL-2.0-or-later
"""One way to open a dossier's table, GeoPackage or server, and one spelling of each fact.

``store.tables.open_table`` serves the toolbox (catalogue, enjeux) and the
boards alike: a GeoPackage table filtered on a group, without its default
style when asked (the boards restyle anyway); on a server, a mixed-geometry
table opened without a geometry kind is read as attributes only.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from poix_atelier_plugin.domain.groups import default_groups
from poix_atelier_plugin.store import pg_layers, tables, workspace

PACKAGE = Path(__file__).resolve().parent.parent / "poix_atelier_plugin"


@pytest.fixture
def gpkg(tmp_path):
    path = tmp_path / "dossier.gpkg"
    workspace.create_workspace(path, default_groups(2))
    return path


def test_a_geopackage_table_is_filtered_on_its_group_and_tagged(gpkg):
    layer = tables.open_table(gpkg, "arrets", "Groupe 2", name="Arrêts")
    assert layer.isValid() and layer.name() == "Arrêts"
    assert layer.customProperty(workspace.PROP_TABLE) == "arrets"
    assert layer.customProperty(workspace.PROP_GROUP) == "Groupe 2"
    assert "Groupe 2" in layer.subsetString()


def test_a_mixed_geometry_table_opens_for_one_kind(gpkg):
    layer = tables.open_table(gpkg, "enjeux", "Groupe 1", "Polygon")
    assert layer.isValid()
    assert "geometrytype=Polygon" in layer.source()


def test_load_style_false_skips_the_default_style(gpkg, monkeypatch):
    calls = []
    real = workspace.open_layer

    def spy(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(workspace, "open_layer", spy)
    tables.open_table(gpkg, "arrets", load_style=False)
    tables.open_table(gpkg, "arrets")
    assert [args[-1] for args in calls] == [False, True]


def test_the_groups_and_tables_of_a_geopackage(gpkg):
    assert [g.name for g in tables.read_groups(gpkg)] == ["Groupe 1", "Groupe 2"]
    assert {"groupes", "arrets", "enjeux", "outils"} <= tables.present_tables(gpkg)
    assert tables.present_tables(gpkg.with_name("missing.gpkg")) == set()


@pytest.mark.parametrize(
    ("table", "geometry", "expected"),
    [
        ("enjeux", None, "attributes"),  # mixed geometry, no kind: the provider cannot type it
        ("enjeux", "Point", "layer"),
        ("arrets", None, "layer"),
        ("groupes", None, "layer"),
    ],
)
def test_a_server_table_opens_as_the_callers_need(monkeypatch, table, geometry, expected):
    opened = []
    monkeypatch.setattr(
        pg_layers, "open_layer", lambda *args: opened.append(("layer", args)) or "L"
    )
    monkeypatch.setattr(
        pg_layers, "open_attributes", lambda *args: opened.append(("attributes", args)) or "A"
    )
    dossier = "pg:Atelier/atelier_poix"
    tables.open_table(dossier, table, "Groupe 1", geometry)
    assert [kind for kind, _ in opened] == [expected]
    assert opened[0][1][:3] == (dossier, table, "Groupe 1")


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), path.read_text(encoding="utf-8")


def _assigned(name: str) -> list[str]:
    """Modules defining ``name`` at top level (a function or a constant)."""
    found = []
    for module, text in _sources():
        for node in ast.parse(text).body:
            targets = []
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                targets = [node.name]
            elif isinstance(node, ast.Assign):
                targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                targets = [node.target.id]
            if name in targets:
                found.append(module)
    return found


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("open_table", "store/tables.py"),
        ("is_pg", "store/postgis.py"),
        ("PROP_GEOMETRY", "store/workspace.py"),
        ("LEVEL_COLOURS", "styles/diagnostic_style.py"),
        ("connect_readonly", "store/sqlite_ro.py"),
    ],
)
def test_one_definition_of_each(name, home):
    assert _assigned(name) == [home]


def test_the_pg_prefix_is_tested_in_one_place():
    offenders = [
        module
        for module, text in _sources()
        if module != "store/postgis.py" and re.search(r"startswith\((PREFIX|\"pg:\")", text)
    ]
    assert offenders == []


def test_below_the_gui_nothing_shows_a_dialog():
    """The store raises (AuthLockedError), gui/auth.py asks for the master password."""
    offenders = [
        module
        for module, text in _sources()
        # compat.py only resolves QAction's module for Qt 5 and Qt 6, it shows nothing
        if not module.startswith(("gui/", "plugin.py", "compat.py"))
        and re.search(r"QtWidgets|setMasterPassword\(|QMessageBox|QInputDialog", text)
    ]
    assert offenders == []
