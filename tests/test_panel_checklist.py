# SPDX-License-Identifier: GPL-2.0-or-later
"""The "first workshop" path of the panel, read as a facilitator reads it.

The panel shows a check on each step done and a "next step" button over the
steps; these tests read the French texts on the widgets and press the button
with the mouse, on an empty project, on the committed sample and on a sample
whose routes are half drawn.
"""

from __future__ import annotations

import sqlite3

import pytest
from helpers_groups import sample_copy
from helpers_panel import STEP_TITLES

pytestmark = pytest.mark.gui

TITLES = STEP_TITLES


@pytest.fixture
def dock(qgis_iface, qgis_canvas, qgis_new_project):
    from poix_atelier_plugin.gui.dock import AtelierDock

    panel = AtelierDock(qgis_iface)
    panel.resize(380, 900)
    panel.show()
    yield panel
    panel.unload()
    panel.close()
    panel.deleteLater()


@pytest.fixture
def sample(tmp_path):
    gpkg = sample_copy(tmp_path)
    if gpkg is None:
        pytest.fail("sample/*.gpkg is missing: the sample dossier is part of the repository")
    return gpkg


def _open(dock, gpkg) -> None:
    """Set the dossier as the dock's open one and let the panel's own timer refresh it."""
    from qgis.PyQt.QtTest import QTest

    dock.context.set_dossier(str(gpkg))
    QTest.qWait(400)  # the checklist refreshes 150 ms after the dossier changes


def _titles(dock) -> list[str]:
    return [dock.toolBox.itemText(i) for i in range(dock.toolBox.count())]


def _status(dock, step: str) -> str:
    return dock.steps[step].status.text()


def _press_next(dock) -> None:
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    assert dock.next_button.isVisible() and dock.next_button.isEnabled()
    QTest.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)


def test_an_empty_project_points_to_the_dossier(dock):
    from poix_atelier_plugin.gui.dock import AtelierDock

    assert isinstance(dock, AtelierDock)
    assert _titles(dock) == TITLES  # nothing done: no check mark
    assert dock.next_button.text() == "Étape suivante : 1. Dossier"
    assert _status(dock, "dossier") == "→ À faire : créer ou ouvrir le dossier de la commune."
    assert _status(dock, "photos") == "→ À faire : après la visite, importer les photos."
    dock.toolBox.setCurrentWidget(dock.steps["boards"])
    _press_next(dock)
    assert dock.toolBox.currentWidget() is dock.steps["dossier"]


def test_the_sample_shows_six_steps_done_and_the_boards_next(dock, sample):
    _open(dock, sample)
    titles = _titles(dock)
    assert titles[:6] == [f"{t}  ✓" for t in TITLES[:6]]
    assert titles[6] == "7. Planches"
    assert _status(dock, "dossier") == f"✓ Dossier ouvert : {sample.name}"
    assert _status(dock, "groups") == "✓ 3 groupes créés"
    assert _status(dock, "route") == "✓ Parcours tracés : 3 groupes sur 3, 24 arrêts"
    assert _status(dock, "photos").startswith("✓ 18 ")
    assert _status(dock, "boards").startswith("→ À faire : ")
    assert dock.next_button.text() == "Étape suivante : 7. Planches"
    dock.toolBox.setCurrentWidget(dock.steps["dossier"])
    _press_next(dock)
    assert dock.toolBox.currentWidget() is dock.steps["boards"]


def test_half_drawn_routes_make_the_route_step_next(dock, sample):
    # Two groups' routes removed: the day stops at step 3 even though later
    # steps have data, and the status says how many routes are left.
    with sqlite3.connect(sample) as conn:
        first = conn.execute("SELECT min(groupe) FROM parcours").fetchone()[0]
        conn.execute("DELETE FROM parcours WHERE groupe <> ?", (first,))
    _open(dock, sample)
    assert dock.next_button.text() == "Étape suivante : 3. Parcours et arrêts"
    assert _status(dock, "route") == (
        "→ À faire : tracer le parcours de chaque groupe et ses arrêts (1 sur 3 faits)."
    )
    assert _titles(dock)[2] == "3. Parcours et arrêts"
    assert _titles(dock)[3] == "4. Photos  ✓"  # later work stays checked
    _press_next(dock)
    assert dock.toolBox.currentWidget() is dock.steps["route"]


def test_boards_printed_into_the_dossier_finish_the_day(dock, sample, atelier_provider):
    import processing
    from qgis.PyQt.QtTest import QTest

    _open(dock, sample)
    assert dock.next_button.isEnabled()
    folder = sample.parent / "planches"
    result = processing.run(
        "atelier:export_boards",
        {
            "DOSSIER": str(sample),
            "BOARDS": [0],  # terrain
            "PAPER": 0,  # A4
            "FORMAT": 0,  # PDF
            "DPI": 72,
            "OUTPUT_FOLDER": str(folder),
        },
    )
    assert result["FILES"], "the export wrote nothing"
    # Opening a step refreshes the path, as a facilitator coming back to the panel does.
    dock.toolBox.setCurrentWidget(dock.steps["boards"])
    QTest.qWait(400)
    assert _titles(dock) == [f"{t}  ✓" for t in TITLES]
    assert _status(dock, "boards").startswith("✓ ")
    assert "planches imprimées" in _status(dock, "boards")
    assert dock.next_button.text() == "Toutes les étapes de la journée sont faites ✓"
    assert not dock.next_button.isEnabled()
