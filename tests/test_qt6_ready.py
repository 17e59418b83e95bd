# SPDX-License-Identifier: GPL-2.0-or-later
"""One code base for QGIS 3.22 to 4.x: what can be checked without a QGIS 4 build.

Run on every QGIS of `make test` (3.22, 3.40, 3.44): the package's enum
spellings are resolved against the running PyQt/PyQGIS (scripts/check_enums.py),
so a name 3.44 only keeps by monkey patching fails there; compat.py gives
the same field types everywhere; on 3.44 a deprecation raised from the
package is an error.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import warnings
from pathlib import Path

import pytest
from conftest import DEPRECATION_FILTER, deprecations_are_errors

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "poix_atelier_plugin"


def _checker():
    spec = importlib.util.spec_from_file_location(
        "check_enums", REPO / "scripts" / "check_enums.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_metadata_lists_the_plugin_on_qgis_4():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(REPO / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    assert general["supportsQt6"] == "True"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"


def test_enums_scoped_and_not_monkey_patched_on_this_qgis(qgis_app):
    found = _checker().scan([PACKAGE])
    assert found == []


def test_checker_sees_what_qt6_and_qgis4_drop(qgis_app, tmp_path):
    """The checker itself fails on the spellings the package used to have."""
    source = tmp_path / "old.py"
    source.write_text(
        "from qgis.PyQt.QtCore import Qt, QVariant\n"
        "from qgis.PyQt.QtWidgets import QMessageBox\n"
        "from qgis.core import QgsWkbTypes\n"
        "a = Qt.UserRole\n"
        "b = QMessageBox.Yes\n"
        "c = QgsWkbTypes.PointGeometry\n"
        "d = Qt.ItemDataRole.UserRole\n",
        encoding="utf-8",
    )
    found = "\n".join(_checker().scan([source]))
    assert "imports QVariant" in found
    assert "Qt.UserRole: unscoped" in found
    assert "QMessageBox.Yes: unscoped" in found
    assert "QgsWkbTypes.PointGeometry" in found  # unscoped on 3.22, monkey patched on 3.30+
    assert "old.py:7:" not in found  # the scoped spelling is fine


def test_only_compat_imports_qvariant():
    used = re.compile(r"import[^\n]*\bQVariant\b|\bQVariant[.(]")
    offenders = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "compat.py" and used.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_fields_carry_the_same_types_on_every_qgis(qgis_app):
    from qgis.core import QgsVectorLayer

    from poix_atelier_plugin import compat

    layer = QgsVectorLayer("Point?crs=EPSG:2154", "t", "memory")
    kinds = ["string", "int", "int64", "double", "bool", "date", "datetime", "time"]
    fields = [compat.make_field(f"f_{kind}", kind) for kind in kinds]
    assert layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    got = {f.name(): compat.field_type_of(f) for f in layer.fields()}
    assert got == {f"f_{kind}": compat.field_type(kind) for kind in kinds}
    # QVariant::Type and QMetaType::Type share these numbers (PyQt5)
    numbers = {"string": 10, "int": 2, "int64": 4, "double": 6, "bool": 1, "date": 14}
    numbers.update(datetime=16, time=15)
    assert {f"f_{k}": int(getattr(t, "value", t)) for k, t in zip(kinds, got.values())} == {
        f"f_{k}": n for k, n in numbers.items()
    }
    assert compat.make_field("n", compat.FIELD_DOUBLE, 10, 3).precision() == 3


def test_qaction_comes_from_where_this_qt_has_it(qgis_app):
    from qgis.PyQt import QtGui, QtWidgets

    from poix_atelier_plugin import compat

    expected = QtGui.QAction if hasattr(QtGui, "QAction") else QtWidgets.QAction
    assert compat.QAction is expected


@pytest.mark.skipif(not deprecations_are_errors(), reason="QGIS < 3.44: deprecations not errors")
def test_a_deprecated_call_from_the_package_fails_the_run(qgis_app):
    """The filter is live: a QVariant-typed QgsField made from a plugin module raises."""
    from qgis.core import QgsField
    from qgis.PyQt import QtCore

    code = "QgsField('x', QVariant.Type.String)"
    scope = {"QgsField": QgsField, "QVariant": QtCore.QVariant}
    with pytest.raises(DeprecationWarning):
        exec(code, {**scope, "__name__": "poix_atelier_plugin.store.probe"})
    # the same call from elsewhere is only a warning
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(code, {**scope, "__name__": "someone_else"})
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)
    assert DEPRECATION_FILTER.startswith("error::DeprecationWarning:")
