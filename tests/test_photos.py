# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:import_photos on real camera files and on generated Poix-du-Nord photos."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import helpers_photos as hp


@pytest.fixture
def dossier(qgis_app, tmp_path: Path) -> Path:
    return hp.make_dossier(tmp_path / "dossier")


def run_import(dossier: Path, folder: Path, group: str = "Groupe 1", tolerance: float = 50.0):
    import processing

    return processing.run(
        "atelier:import_photos",
        {"DOSSIER": str(dossier), "GROUP": group, "FOLDER": str(folder), "TOLERANCE_M": tolerance},
    )


def observations(dossier: Path, group: str = "Groupe 1"):
    from poix_atelier_plugin.store import workspace

    layer = workspace.open_layer(dossier, "observations", group)
    return list(layer.getFeatures())


def test_village_point_lies_in_poix_du_nord(qgis_app):
    lat, lon = hp.to_wgs84(*hp.VILLAGE_2154)
    assert abs(lat - 50.189) < 0.001 and abs(lon - 3.607) < 0.001
    x0, y0, x1, y1 = hp.POIX_EXTENT
    assert x0 < hp.VILLAGE_2154[0] < x1 and y0 < hp.VILLAGE_2154[1] < y1


def test_generated_photos_attached_to_nearest_stop(atelier_provider, dossier, tmp_path):
    folder = tmp_path / "camera"
    # 10 m from stop 1, 20 m from stop 3, 400 m from every stop, with a direction
    hp.make_photo_at(folder / "IMG_0001.jpg", 743410.0, 7010270.0, azimut=135.0)
    hp.make_photo_at(folder / "IMG_0002.jpg", 744100.0, 7010120.0, colour=(10, 20, 200))
    hp.make_photo_at(folder / "sub" / "IMG_0003.jpg", 745000.0, 7011500.0, colour=(200, 0, 0))
    result = run_import(dossier, folder)
    assert (result["IMPORTED"], result["NO_GPS"], result["OUTSIDE_AREA"], result["UNREADABLE"]) == (
        3,
        0,
        0,
        0,
    )
    from poix_atelier_plugin.store import workspace

    stops = {
        f["ordre"]: f.id()
        for f in workspace.open_layer(dossier, "arrets", "Groupe 1").getFeatures()
    }
    by_name = {Path(f["photo"]).name: f for f in observations(dossier)}
    assert set(by_name) == {"IMG_0001.jpg", "IMG_0002.jpg", "IMG_0003.jpg"}
    assert by_name["IMG_0001.jpg"]["arret_id"] == stops[1]
    assert by_name["IMG_0002.jpg"]["arret_id"] == stops[3]
    assert (
        by_name["IMG_0003.jpg"]["arret_id"] is None
        or str(by_name["IMG_0003.jpg"]["arret_id"]) == "NULL"
    )
    assert by_name["IMG_0001.jpg"]["azimut"] == pytest.approx(135.0)
    assert (
        by_name["IMG_0002.jpg"]["azimut"] is None
        or str(by_name["IMG_0002.jpg"]["azimut"]) == "NULL"
    )
    taken = by_name["IMG_0001.jpg"]["date_prise"]
    assert taken.toString("yyyy-MM-dd hh:mm") == "2026-05-12 10:31"
    # point where the photo was taken (to the cm, after WGS84 round trip)
    p = by_name["IMG_0001.jpg"].geometry().asPoint()
    assert abs(p.x() - 743410.0) < 0.5 and abs(p.y() - 7010270.0) < 0.5
    # relative paths under DCIM/<group>/, files copied (the originals are still there)
    for f in by_name.values():
        rel = f["photo"]
        assert rel.startswith("DCIM/Groupe_1/") and not Path(rel).is_absolute()
        assert (dossier.parent / rel).is_file()
    assert (folder / "IMG_0001.jpg").is_file()
    # Groupe 2's stop is 14 m away from IMG_0001: detached with a 10 m tolerance
    result = run_import(dossier, folder, group="Groupe 2", tolerance=10.0)
    assert result["IMPORTED"] == 3
    g2 = {Path(f["photo"]).name: f for f in observations(dossier, "Groupe 2")}
    stop_g2 = next(workspace.open_layer(dossier, "arrets", "Groupe 2").getFeatures()).id()
    assert g2["IMG_0001.jpg"]["arret_id"] is None or str(g2["IMG_0001.jpg"]["arret_id"]) == "NULL"
    assert g2["IMG_0001.jpg"]["photo"].startswith("DCIM/Groupe_2/")
    assert stop_g2 not in {f["arret_id"] for f in observations(dossier, "Groupe 1")}


def test_second_import_is_a_no_op(atelier_provider, dossier, tmp_path):
    folder = tmp_path / "camera"
    for i in range(4):
        hp.make_photo_at(
            folder / f"P{i}.jpg", 743400.0 + 30 * i, 7010300.0, colour=(i * 40, 90, 90)
        )
    assert run_import(dossier, folder)["IMPORTED"] == 4
    files_before = sorted((dossier.parent / "DCIM").rglob("*"))
    again = run_import(dossier, folder)
    assert again["IMPORTED"] == 0 and again["ALREADY_IMPORTED"] == 4
    assert len(observations(dossier)) == 4
    assert sorted((dossier.parent / "DCIM").rglob("*")) == files_before
    # renamed copies of the same photos are recognised by their content
    renamed = tmp_path / "renamed"
    shutil.copytree(folder, renamed)
    for p in renamed.iterdir():
        p.rename(p.with_name("copy_" + p.name))
    assert run_import(dossier, renamed)["IMPORTED"] == 0
    assert len(observations(dossier)) == 4


def test_name_collision_keeps_both_photos(atelier_provider, dossier, tmp_path):
    a = hp.make_photo_at(tmp_path / "a" / "IMG.jpg", 743400.0, 7010300.0, colour=(255, 0, 0))
    b = hp.make_photo_at(tmp_path / "b" / "IMG.jpg", 743500.0, 7010300.0, colour=(0, 0, 255))
    assert run_import(dossier, a.parent)["IMPORTED"] == 1
    assert run_import(dossier, b.parent)["IMPORTED"] == 1
    paths = sorted(f["photo"] for f in observations(dossier))
    assert paths == ["DCIM/Groupe_1/IMG.jpg", "DCIM/Groupe_1/IMG_2.jpg"]
    assert (dossier.parent / paths[0]).read_bytes() == a.read_bytes()
    assert (dossier.parent / paths[1]).read_bytes() == b.read_bytes()


def test_real_camera_files(atelier_provider, dossier, photos_dir, tmp_path):
    """Tuscany and Finland are outside; no GPS and broken EXIF are listed, not imported."""
    folder = tmp_path / "mixed"
    for sub in ("gps", "phone", "invalid"):
        shutil.copytree(photos_dir / sub, folder / sub)
    hp.make_photo_at(folder / "poix.jpg", *hp.VILLAGE_2154)
    result = run_import(dossier, folder)
    # gps/ 5 Tuscany + nokia (Finland) outside; invalid/ 4 + Canon + jolla: readable, no GPS;
    # the HEIC: imported if this QGIS reads its geotag (then outside: it lies in Kansas),
    # else unreadable (Debian 12's exiv2 has no BMFF support and Qt no HEIC reader).
    from qgis.core import QgsExifTools

    heic = str(folder / "phone" / "iphone11_gps.HEIC")
    heic_geotag = QgsExifTools.hasGeoTag(heic)
    assert result["IMPORTED"] == 1
    assert result["NO_GPS"] == 6
    assert result["OUTSIDE_AREA"] == 6 + (1 if heic_geotag else 0)
    assert result["UNREADABLE"] == (0 if heic_geotag else 1)
    assert [Path(f["photo"]).name for f in observations(dossier)] == ["poix.jpg"]
    assert not (dossier.parent / "DCIM" / "Groupe_1" / "DSCN0010.jpg").exists()


def test_reasons_are_given(qgis_app, dossier, photos_dir, tmp_path):
    from poix_atelier_plugin.services.photos import photos

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "empty.jpg").write_bytes(b"")
    (broken / "truncated.jpg").write_bytes(
        (photos_dir / "gps" / "DSCN0010.jpg").read_bytes()[:3000]
    )
    shutil.copy(photos_dir / "phone" / "Canon_40D_no_gps.jpg", broken)
    report = photos.import_photos(dossier, "Groupe 1", broken)
    assert sorted(Path(i.path).name for i in report.unreadable) == ["empty.jpg", "truncated.jpg"]
    assert [Path(i.path).name for i in report.no_gps] == ["Canon_40D_no_gps.jpg"]
    assert all(i.text() for i in report.unreadable + report.no_gps)


def test_broken_exif_neither_hangs_nor_crashes(photos_dir, repo_root):
    """Read every real file in a child process with a timeout: a crash would kill it."""
    code = (
        "import sys\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "from poix_atelier_plugin.services.photos.photos import read_photo\n"
        "for p in sys.argv[1:]:\n"
        "    read_photo(p)\n"
        "print('done', len(sys.argv) - 1)\n"
    )
    files = [str(p) for p in sorted(photos_dir.rglob("*")) if p.is_file()]
    proc = subprocess.run(
        [sys.executable, "-c", code, *files],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert f"done {len(files)}" in proc.stdout


def test_unknown_group_and_missing_folder_are_clear(atelier_provider, dossier, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Groupe 9"):
        run_import(dossier, tmp_path, group="Groupe 9")
    with pytest.raises(QgsProcessingException):
        run_import(dossier, tmp_path / "nowhere")


def test_place_photo_without_gps(qgis_app, dossier, photos_dir):
    from qgis.core import QgsPointXY

    from poix_atelier_plugin.services.photos import photos

    src = photos_dir / "phone" / "jolla.jpg"
    rel = photos.place_photo(dossier, "Groupe 1", src, QgsPointXY(743705.0, 7010495.0))
    assert rel == "DCIM/Groupe_1/jolla.jpg"
    assert photos.place_photo(dossier, "Groupe 1", src, QgsPointXY(743705.0, 7010495.0)) is None
    (feat,) = observations(dossier)
    assert feat["arret_id"] is not None and feat["date_prise"].date().year() == 2014


def test_safe_folder_names():
    from poix_atelier_plugin.services.photos.photos import safe_folder_name

    assert safe_folder_name("Groupe 1") == "Groupe_1"
    assert safe_folder_name("Équipe / Nord : été") == "Equipe_Nord_ete"
    assert safe_folder_name("...") == "groupe"


def test_sample_photos_populate_is_idempotent(qgis_app, dossier, repo_root):
    import importlib.util
    import sqlite3

    spec = importlib.util.spec_from_file_location(
        "make_sample_photos", repo_root / "scripts" / "make_sample_photos.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first = module.populate(str(dossier))
    assert first == {"Groupe 1": 6, "Groupe 2": 2}
    con = sqlite3.connect(str(dossier))
    rows1 = sorted(con.execute("SELECT uid, photo, arret_id FROM observations"))
    con.close()
    assert module.populate(str(dossier)) == first
    con = sqlite3.connect(str(dossier))
    rows2 = sorted(con.execute("SELECT uid, photo, arret_id FROM observations"))
    con.close()
    assert rows1 == rows2 and all(r[2] is not None for r in rows2)
    assert len(list((dossier.parent / "DCIM").rglob("*.jpg"))) == 8


def test_summary_stop_by_stop_as_stored(qgis_app, dossier, photos_dir, tmp_path):
    """The summary after an import: each stop's number, name and photos, then the reasons."""
    from collections import Counter

    from poix_atelier_plugin.infra.i18n import tr
    from poix_atelier_plugin.services.photos import photos
    from poix_atelier_plugin.services.photos.photos_summary import stop_label, summarize
    from poix_atelier_plugin.store import workspace
    from poix_atelier_plugin.store.rows import plain_value

    (lavoir,) = hp.add_stops(dossier, "Groupe 1", [(744500.0, 7010900.0, None, "Lavoir")])
    folder = tmp_path / "day"
    hp.make_photo_at(folder / "a.jpg", 743705.0, 7010495.0, colour=(1, 2, 3))  # stop 2
    hp.make_photo_at(folder / "b.jpg", 743690.0, 7010510.0, colour=(4, 5, 6))  # stop 2
    hp.make_photo_at(folder / "c.jpg", 743402.0, 7010268.0, colour=(7, 8, 9))  # stop 1
    hp.make_photo_at(folder / "d.jpg", 744505.0, 7010895.0, colour=(9, 8, 7))  # the lavoir
    for sub in ("gps", "invalid"):
        shutil.copytree(photos_dir / sub, folder / sub)
    report = photos.import_photos(dossier, "Groupe 1", folder, 30)
    summary = summarize(dossier, "Groupe 1", report)

    stored = Counter(
        plain_value(f["arret_id"])
        for f in workspace.open_layer(dossier, "observations").getFeatures()
    )
    stops = {f.id(): f for f in workspace.open_layer(dossier, "arrets", "Groupe 1").getFeatures()}
    assert [(line.stop_fid, line.count) for line in summary.stops] == [
        (fid, stored[fid]) for fid in (stops_by_order(stops, 1), stops_by_order(stops, 2), lavoir)
    ]
    assert [(line.number, line.name, line.files) for line in summary.stops] == [
        (1, "Place Talma", ["c.jpg"]),
        (2, "Église Saint-Martin", ["a.jpg", "b.jpg"]),
        (None, "Lavoir", ["d.jpg"]),  # not numbered yet: after the numbered ones
    ]
    assert summary.stops[0].label == stop_label(1, "Place Talma")
    assert summary.attached == 4 == summary.imported
    # Tuscany is outside, the broken EXIF blocks have no position: counted with the reason
    assert [(line.label, line.count) for line in summary.left_out] == [
        (tr("Without GPS position"), len(report.no_gps)),
        (tr("Outside the study perimeter"), 5),
    ]
    assert len(report.no_gps) == 4 and summary.already is None
    # the same day again: nothing new, all said to be there already
    again = summarize(dossier, "Groupe 1", photos.import_photos(dossier, "Groupe 1", folder, 30))
    assert again.stops == [] and again.already is not None and again.already.count == 4


def stops_by_order(stops: dict, ordre: int) -> int:
    return next(fid for fid, f in stops.items() if f["ordre"] == ordre)


def _noisy_photo(path: Path, x: float, y: float) -> Path:
    """A geotagged JPEG well over 2 × 16 KB (noise does not compress)."""
    from PIL import Image

    image = Image.effect_noise((480, 360), 90).convert("RGB")
    return hp.make_photo_at(path, x, y, image=image)


def _change_middle(source: Path, target: Path) -> Path:
    """Same size, same first and last 16 KB, one byte changed in between."""
    data = bytearray(source.read_bytes())
    keep = 16 * 1024
    assert len(data) > 2 * keep + 1024
    i = len(data) // 2
    while data[i] in (0x00, 0xFE, 0xFF) or data[i - 1] == 0xFF:  # no JPEG marker made
        i += 1
    assert keep < i < len(data) - keep
    data[i] ^= 0x01
    target.write_bytes(bytes(data))
    return target


def test_photos_differing_only_in_the_middle_are_both_imported(atelier_provider, dossier, tmp_path):
    folder = tmp_path / "burst"
    first = _noisy_photo(folder / "IMG_0100.jpg", 743400.0, 7010300.0)
    second = _change_middle(first, folder / "IMG_0101.jpg")
    raw_a, raw_b = first.read_bytes(), second.read_bytes()
    assert len(raw_a) == len(raw_b) and raw_a != raw_b
    assert raw_a[: 16 * 1024] == raw_b[: 16 * 1024] and raw_a[-16 * 1024 :] == raw_b[-16 * 1024 :]
    from poix_atelier_plugin.services.photos import photo_files

    assert photo_files.file_digest(first) != photo_files.file_digest(second)
    result = run_import(dossier, folder)
    assert (result["IMPORTED"], result["ALREADY_IMPORTED"]) == (2, 0)
    stored = sorted(Path(f["photo"]).name for f in observations(dossier))
    assert stored == ["IMG_0100.jpg", "IMG_0101.jpg"]
    dcim = dossier.parent / "DCIM" / "Groupe_1"
    assert (dcim / "IMG_0101.jpg").read_bytes() == raw_b
    # the same pair under one name in two folders: both kept, the second renamed
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy2(second, other / "IMG_0100.jpg")
    from poix_atelier_plugin.services.photos.photo_files import copy_target, file_digest

    target, needed = copy_target(other / "IMG_0100.jpg", dcim, file_digest(other / "IMG_0100.jpg"))
    assert needed and target.name == "IMG_0100_2.jpg"
    # a second import of the pair is still a no-op
    again = run_import(dossier, folder)
    assert (again["IMPORTED"], again["ALREADY_IMPORTED"]) == (0, 2)
