# SPDX-License-Identifier: GPL-2.0-or-later
"""One writer of tests/test_saving.py: draws N stops for a group, saving each as the panel does.

    python3 saving_worker.py DOSSIER.gpkg GROUP N

Prints ``retried=K`` (commits that needed more than one try). Exits non-zero if a
feature could not be saved after the retries.
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qgis.core import QgsApplication, QgsGeometry

app = QgsApplication([], False)
app.initQgis()

from poix_atelier_plugin.services import groups as groups_service  # noqa: E402
from poix_atelier_plugin.store import gpkg_journal, saving, workspace  # noqa: E402

gpkg_journal.use_rollback_journal()  # as with the plugin loaded
gpkg, groupe, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
layer = workspace.open_layer(gpkg, "arrets", groupe)
layer.startEditing()
rng = random.Random(groupe)
retried = failed = 0
for i in range(n):
    x, y = 744200 + rng.uniform(-500, 500), 7010100 + rng.uniform(-500, 500)
    groups_service.draw(layer, QgsGeometry.fromWkt(f"Point({x} {y})"), {"nom": f"{groupe} {i}"})
    result = saving.commit(layer)
    retried += result.tries > 1
    if not result.ok:
        failed += 1
        print("failed:", result.errors, file=sys.stderr)
print(f"retried={retried} failed={failed}")
sys.exit(1 if failed else 0)
