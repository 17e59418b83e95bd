# SPDX-License-Identifier: GPL-2.0-or-later
"""A hand-made dossier for the board tests, and PDF checks (pdfinfo, pdftotext).

Geometry is drawn around the centre of Poix-du-Nord in Lambert-93 (X 744200,
Y 7010100): a commune outline, buildings and roads, then for each group a
route, stops along it, sequences, sites (one site shared by every group so
the synthesis has a convergence), diagnostic, hypotheses, enjeux linked to
catalogue tools, and observations with generated photos (one missing file).
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

X0, Y0 = 744200.0, 7010100.0
ADVISERS = (
    "Claire Martin, paysagiste conseil",
    "Hugo Lefebvre, architecte conseil",
    "Inès Dupont, urbaniste",
)
THEMES = ("patrimoine", "paysage", "mobilite", "habitat", "economie", "equipements")


def _writer(gpkg: Path, table: str, fields, wkb):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    from poix_atelier_plugin.store import workspace

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteLayer
        if gpkg.exists()
        else QgsVectorFileWriter.CreateOrOverwriteFile
    )
    return QgsVectorFileWriter.create(
        str(gpkg), fields, wkb, workspace.crs(), QgsCoordinateTransformContext(), options
    )


def _context(gpkg: Path) -> None:
    from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsWkbTypes
    from qgis.PyQt.QtCore import QVariant

    fields = QgsFields()
    fields.append(QgsField("nom", QVariant.String))
    fields.append(QgsField("code", QVariant.String))
    w = _writer(gpkg, "commune", fields, QgsWkbTypes.Polygon)
    f = QgsFeature(fields)
    f.setAttributes(["Poix-du-Nord", "59464"])
    pts = [
        QgsPointXY(X0 + 1500 * math.cos(a / 10), Y0 + 1300 * math.sin(a / 10)) for a in range(0, 63)
    ]
    f.setGeometry(QgsGeometry.fromPolygonXY([pts]))
    w.addFeature(f)
    del w
    w = _writer(gpkg, "batiment", QgsFields(), QgsWkbTypes.Polygon)
    for i in range(-8, 9):
        for j in range(-3, 4):
            f = QgsFeature(QgsFields())
            x, y = X0 + i * 70 + 15, Y0 + j * 80 + 15
            f.setGeometry(
                QgsGeometry.fromRect(
                    __import__("qgis.core").core.QgsRectangle(x, y, x + 22, y + 14)
                )
            )
            w.addFeature(f)
    del w
    w = _writer(gpkg, "troncon_de_route", fields, QgsWkbTypes.LineString)
    for name, line in (
        ("rue de la République", [(-900, 0), (900, 0)]),
        ("rue Saint-Georges", [(0, -700), (0, 900)]),
    ):
        f = QgsFeature(fields)
        f.setAttributes([name, ""])
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(X0 + a, Y0 + b) for a, b in line]))
        w.addFeature(f)
    del w


def _jpeg(path: Path, colour: str, text: str) -> None:
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

    path.parent.mkdir(parents=True, exist_ok=True)
    img = QImage(640, 480, QImage.Format_RGB32)
    img.fill(QColor(colour))
    painter = QPainter(img)
    painter.setPen(QColor("white"))
    painter.setFont(QFont("DejaVu Sans", 40))
    painter.drawText(img.rect(), Qt.AlignCenter, text)
    painter.end()
    img.save(str(path), "JPG")


def add(gpkg: Path, table: str, rows: list[tuple], geometry: str | None = None) -> list[int]:
    """Add (geometry, {field: value}) rows to a table; returns the new fids."""
    from qgis.core import QgsFeature

    from poix_atelier_plugin.store import workspace

    layer = workspace.open_layer(gpkg, table)
    feats = []
    for geom, values in rows:
        feat = QgsFeature(layer.fields())
        feat["uid"] = workspace.new_uid()
        for key, value in values.items():
            feat[key] = value
        if geom is not None:
            feat.setGeometry(geom)
        feats.append(feat)
    ok, added = layer.dataProvider().addFeatures(feats)
    assert ok, layer.dataProvider().errors()
    return [f.id() for f in added]


def populate_group(
    gpkg: Path, name: str, index: int, n_stops: int = 6, route: bool = True, photos: bool = True
) -> None:
    from qgis.core import QgsGeometry, QgsPointXY

    from poix_atelier_plugin.services.toolbox import enjeux
    from poix_atelier_plugin.services.toolbox.catalogue import read_catalogue

    dx = (index - 1) * 250.0
    path = [
        QgsPointXY(
            X0 - 700 + dx + i * 1400 / max(1, n_stops - 1),
            Y0 - 300 + 350 * math.sin(i / max(1, n_stops - 1) * math.pi * 1.5) + index * 60,
        )
        for i in range(n_stops)
    ]
    line = QgsGeometry.fromPolylineXY(path)
    if route:
        add(
            gpkg,
            "parcours",
            [
                (
                    line,
                    {
                        "groupe": name,
                        "nom": f"Parcours {name}",
                        "mode": "a_pied",
                        "vitesse_kmh": 4.0,
                    },
                )
            ],
        )
    stop_fids = add(
        gpkg,
        "arrets",
        [
            (
                QgsGeometry.fromPointXY(p),
                {
                    "groupe": name,
                    "ordre": i + 1,
                    "nom": f"Arrêt {i + 1} « {name} »",
                    "theme": THEMES[i % len(THEMES)],
                    "duree_min": 5 + (i % 3) * 5,
                    "notes": f"Observer le « bâti » et l'espace public ({i + 1}).",
                    "distance_m": line.lineLocatePoint(QgsGeometry.fromPointXY(p))
                    if route
                    else None,
                },
            )
            for i, p in enumerate(path)
        ],
    )
    half = len(path) // 2 or 1
    add(
        gpkg,
        "sequences",
        [
            (
                QgsGeometry.fromPolylineXY(path[: half + 1]),
                {"groupe": name, "ordre": 1, "nom": "Le bourg", "ambiance": "dense"},
            ),
            (
                QgsGeometry.fromPolylineXY(path[half:] or path),
                {"groupe": name, "ordre": 2, "nom": "Vers la vallée"},
            ),
        ],
    )
    shared = QgsGeometry.fromRect(
        __import__("qgis.core").core.QgsRectangle(
            X0 - 120 + index * 40, Y0 - 80, X0 + 160 + index * 40, Y0 + 120
        )
    )
    own = QgsGeometry.fromRect(
        __import__("qgis.core").core.QgsRectangle(X0 + 300 + dx, Y0 + 200, X0 + 450 + dx, Y0 + 330)
    )
    site_fids = add(
        gpkg,
        "sites_projet",
        [
            (
                shared,
                {
                    "groupe": name,
                    "nom": "Friche textile Ducornet",
                    "origine": "commune",
                    "type": "friche",
                },
            ),
            (
                own,
                {
                    "groupe": name,
                    "nom": f"Dent creuse {index}",
                    "origine": "groupe",
                    "type": "dent_creuse",
                },
            ),
        ],
    )
    cats = ("atout", "faiblesse", "opportunite", "menace")
    add(
        gpkg,
        "diagnostic",
        [
            (
                QgsGeometry.fromPointXY(QgsPointXY(p.x() + 40, p.y() + 40)),
                {
                    "groupe": name,
                    "categorie": cats[i % 4],
                    "theme": THEMES[i % 3],
                    "texte": f"Constat {i + 1} : « {cats[i % 4]} » lié au {THEMES[i % 3]}",
                },
            )
            for i, p in enumerate(path[:4])
        ],
    )
    add(
        gpkg,
        "diagnostic",
        [
            (
                own.buffer(30, 4),
                {
                    "groupe": name,
                    "categorie": "opportunite",
                    "theme": "foncier",
                    "texte": "Foncier mutable en cœur de bourg",
                },
            )
        ],
    )
    add(
        gpkg,
        "hypotheses",
        [
            (
                QgsGeometry.fromPointXY(QgsPointXY(X0 + dx, Y0 + 300)),
                {"groupe": name, "texte": "Relier le bourg à la vallée", "theme": "mobilite"},
            )
        ],
    )
    tools = {t.nom: fid for fid, t in read_catalogue(gpkg).items()}
    names = list(tools)
    e1 = enjeux.add_enjeu(
        gpkg,
        name,
        f"Reconvertir la friche ({name})",
        "imperatif",
        "economie",
        site_fids[0],
        geometry=shared.centroid(),
    )
    e2 = enjeux.add_enjeu(
        gpkg, name, "Valoriser les berges du ruisseau Saint-Georges", "important", "paysage"
    )
    e3 = enjeux.add_enjeu(gpkg, name, "Sécuriser les traversées piétonnes", "a_suivre", "mobilite")
    for enjeu, picks in ((e1, names[:3]), (e2, names[3:4]), (e3, names[5:6])):
        for tool in picks:
            enjeux.link_tool(gpkg, enjeu, tools[tool], f"Parce que « {tool[:12]} »")
    if photos:
        folder = gpkg.parent / "DCIM" / f"g{index}"
        rows = []
        for i, fid in enumerate(stop_fids[:3]):
            rel = f"DCIM/g{index}/photo_{i + 1}.jpg"
            if i < 2:
                _jpeg(gpkg.parent / rel, ("#4a6fa5", "#6a994e", "#bc4749")[i % 3], f"{name} {i}")
            rows.append(
                (
                    QgsGeometry.fromPointXY(path[i]),
                    {"groupe": name, "arret_id": fid, "texte": f"Vue {i + 1}", "photo": rel},
                )
            )
        add(gpkg, "observations", rows)
        assert folder.is_dir()


def make_dossier(
    folder: Path,
    groups=("Groupe 1", "Groupe 2", "Groupe 3"),
    n_stops: int = 6,
    no_route: tuple = (),
) -> Path:
    """A dossier with ``groups`` fully drawn; returns the GeoPackage path."""
    from poix_atelier_plugin.domain.groups import GroupSpec, normalise_groups
    from poix_atelier_plugin.services.toolbox.catalogue import ensure_catalogue
    from poix_atelier_plugin.store import workspace

    folder.mkdir(parents=True, exist_ok=True)
    gpkg = folder / "atelier_59464.gpkg"
    _context(gpkg)
    specs = normalise_groups([GroupSpec(g, adviser=ADVISERS[i % 3]) for i, g in enumerate(groups)])
    workspace.create_workspace(gpkg, specs)
    ensure_catalogue(gpkg)
    for i, spec in enumerate(specs):
        populate_group(gpkg, spec.name, i + 1, n_stops, route=spec.name not in no_route)
    return gpkg


# PDF checks ------------------------------------------------------------------------
def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    info = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def page_count(path: Path) -> int:
    return int(pdfinfo(path)["Pages"])


def page_size_pt(path: Path) -> tuple[float, float]:
    """Width and height of the first page in points."""
    parts = pdfinfo(path)["Page size"].split()
    return float(parts[0]), float(parts[2])


def pdftext(
    path: Path, first: int | None = None, last: int | None = None, layout: bool = False
) -> str:
    """Text of a PDF (reading order; ``layout`` keeps table columns on one line)."""
    cmd = ["pdftotext", "-layout" if layout else "-raw"]
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    out = subprocess.run([*cmd, str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def T(text: str) -> str:
    """A plugin string as the boards print it (French when the catalogue is loaded)."""
    from poix_atelier_plugin.infra.i18n import tr

    return tr(text)


def flat(text: str) -> str:
    """Text with runs of white space collapsed (labels may wrap), ligatures undone (ﬁ → fi)."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", text).split())
