# SPDX-License-Identifier: GPL-2.0-or-later
"""Read-only GeoPackage access for dossiers on shares, mapped drives and odd names.

The URI builder is pure, so Windows paths (PureWindowsPath) are checked on
any system; the opener itself is checked against real files with spaces,
accents, `?`, `#` and `%` in their names.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path, PureWindowsPath
from urllib.parse import unquote, urlsplit

import pytest

from poix_atelier_plugin.infra.user_paths import absolute, same_path
from poix_atelier_plugin.store.sqlite_ro import connect_readonly, readonly_uri

PACKAGE = Path(__file__).resolve().parent.parent / "poix_atelier_plugin"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (
            r"\\serveur-ddtm\partage\Ateliers\Sainte-Marie-Cappel\dossier.gpkg",
            "file:////serveur-ddtm/partage/Ateliers/Sainte-Marie-Cappel/dossier.gpkg?mode=ro",
        ),
        (
            r"\\serveur\Dossiers communes\Éléments #2\atelier 100%.gpkg",
            "file:////serveur/Dossiers%20communes/%C3%89l%C3%A9ments%20%232/atelier%20100%25.gpkg?mode=ro",
        ),
        (
            r"Z:\Ateliers 2026\Hondschoote\dossier.gpkg",
            "file:///Z:/Ateliers%202026/Hondschoote/dossier.gpkg?mode=ro",
        ),
        (
            r"C:\Users\agent\Documents\café.gpkg",
            "file:///C:/Users/agent/Documents/caf%C3%A9.gpkg?mode=ro",
        ),
        (
            r"\\?\UNC\serveur\partage\dossier.gpkg",
            "file:////serveur/partage/dossier.gpkg?mode=ro",
        ),
        (r"\\?\D:\long\dossier.gpkg", "file:///D:/long/dossier.gpkg?mode=ro"),
        (r"dossiers\local.gpkg", "file:dossiers/local.gpkg?mode=ro"),
    ],
)
def test_windows_paths_give_uris_sqlite_accepts(path, uri):
    assert readonly_uri(PureWindowsPath(path)) == uri
    assert readonly_uri(path, windows=True) == uri


def test_a_share_has_no_uri_authority():
    """SQLite refuses `file://server/...` ("invalid uri authority"); the share
    goes into the path, after an empty authority."""
    uri = readonly_uri(PureWindowsPath(r"\\serveur\partage\d.gpkg"))
    parts = urlsplit(uri)
    assert parts.netloc == ""
    assert parts.path == "//serveur/partage/d.gpkg"
    with pytest.raises(sqlite3.OperationalError, match="authority"):
        sqlite3.connect("file://serveur/partage/d.gpkg?mode=ro", uri=True)


def test_posix_paths():
    assert readonly_uri("/srv/ateliers/a b/é?#%.gpkg", windows=False) == (
        "file:///srv/ateliers/a%20b/%C3%A9%3F%23%25.gpkg?mode=ro"
    )
    assert unquote(urlsplit(readonly_uri("/x/é.gpkg", windows=False)).path) == "/x/é.gpkg"


def _gpkg(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(path))
    with con:
        con.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
        con.execute("INSERT INTO gpkg_contents VALUES ('arrets')")
    con.close()
    return path


@pytest.mark.parametrize(
    "name",
    ["dossier.gpkg", "Saint-Éloi dossier.gpkg", "atelier #3 ?.gpkg", "100% Flandre.gpkg"],
)
def test_opens_odd_names_read_only(tmp_path, name):
    gpkg = _gpkg(tmp_path / "Dossiers partagés" / "Atelier n°1" / name)
    con = connect_readonly(gpkg)
    try:
        assert con.execute("SELECT table_name FROM gpkg_contents").fetchall() == [("arrets",)]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            con.execute("INSERT INTO gpkg_contents VALUES ('x')")
    finally:
        con.close()
    # an opened file is never created: a wrong name is an error, not an empty file
    with pytest.raises(sqlite3.OperationalError):
        connect_readonly(gpkg.with_name("absent " + name)).execute("SELECT 1")
    assert not gpkg.with_name("absent " + name).exists()


def test_double_slash_path_form_opens(tmp_path):
    """The share form (`file:////...`) is one SQLite opens: on POSIX `//tmp/x` is `/tmp/x`."""
    gpkg = _gpkg(tmp_path / "share form.gpkg")
    uri = readonly_uri("/" + str(gpkg), windows=False)
    assert uri.startswith("file:////")
    con = sqlite3.connect(uri, uri=True)
    assert con.execute("SELECT count(*) FROM gpkg_contents").fetchone() == (1,)
    con.close()


def test_relative_paths_open_against_the_working_folder(tmp_path, monkeypatch):
    _gpkg(tmp_path / "rel dir" / "d.gpkg")
    monkeypatch.chdir(tmp_path)
    con = connect_readonly(Path("rel dir") / "d.gpkg")
    assert con.execute("SELECT count(*) FROM gpkg_contents").fetchone() == (1,)
    con.close()


def test_user_paths_are_never_resolved(tmp_path):
    real = _gpkg(tmp_path / "real" / "d.gpkg")
    link = tmp_path / "drive"
    link.symlink_to(real.parent, target_is_directory=True)
    # as typed (like a mapped drive), not the target behind it
    assert absolute(link / "d.gpkg") == link / "d.gpkg"
    assert same_path(link / "d.gpkg", real)
    assert same_path(tmp_path / "x" / ".." / "absent.gpkg", tmp_path / "absent.gpkg")
    assert not same_path(real, tmp_path / "other.gpkg")


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), path.read_text(encoding="utf-8")


def test_one_read_only_opener_in_the_package():
    """Every read-only SQLite access goes through store/sqlite_ro.py."""
    offenders = [
        name
        for name, text in _sources()
        if name != "store/sqlite_ro.py" and re.search(r"mode=ro|as_uri\(\)", text)
    ]
    assert offenders == []


def test_no_resolve_on_user_paths():
    """Only the plugin's own files are resolved (paths.py)."""
    offenders = [
        f"{name}:{i}"
        for name, text in _sources()
        if name != "paths.py"
        for i, line in enumerate(text.splitlines(), 1)
        if ".resolve()" in line and not line.lstrip().startswith("#")
    ]
    assert offenders == []
