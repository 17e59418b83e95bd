# SPDX-License-Identifier: GPL-2.0-or-later
"""Values and geometries compared once normalised, whoever read them.

psycopg2 and QGIS's providers read the same row with different Python types
(Decimal or float, datetime or QDateTime, None or a NULL QVariant) and print
coordinates with different digits: the conflict checks compare through here.
"""

from __future__ import annotations

from .rows import plain_value as _plain

#: Two geometries closer than this (in the layer's units, metres in Lambert-93)
#: are the same: QGIS and PostGIS print coordinates with different digits.
GEOM_TOLERANCE = 1e-6
#: the same in degrees, for a layer in geographic coordinates
GEOM_TOLERANCE_DEGREES = 1e-9


def comparable(value):
    """A value as Python compares it, whoever read it (psycopg2 or a QGIS provider).

    NULL, None and a QVariant NULL are None; numbers are floats (Decimal, int
    and float alike); dates and times are Python's; text stays text.
    """
    import datetime as dt
    from decimal import Decimal

    value = _plain(value)
    if value is None:
        return None
    for qt_name, to_python in (
        ("QDateTime", "toPyDateTime"),
        ("QDate", "toPyDate"),
        ("QTime", "toPyTime"),
    ):
        if type(value).__name__ == qt_name:
            if qt_name == "QDateTime":
                # an instant: compared in UTC seconds, whatever zone either side used
                ms = value.toMSecsSinceEpoch()
                return dt.datetime.fromtimestamp(ms // 1000, dt.timezone.utc).replace(
                    microsecond=ms % 1000 * 1000
                )
            return getattr(value, to_python)()
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.astimezone()  # a naive server time is local, as QGIS reads it
        # QGIS keeps milliseconds, PostgreSQL microseconds
        value = value.replace(microsecond=value.microsecond // 1000 * 1000)
        return value.astimezone(dt.timezone.utc)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    if hasattr(value, "toPyObject"):  # another QVariant
        return comparable(value.toPyObject())
    return value


def same_value(a, b) -> bool:
    """Equal once normalised (see ``comparable``); numbers within a relative 1e-9."""
    import math

    a, b = comparable(a), comparable(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, float) != isinstance(b, float):
        # a number read as text by one side (an unknown type): compare the text
        return str(a) == str(b)
    return a == b


def same_geometry(a: str | None, b: str | None, tolerance: float = GEOM_TOLERANCE) -> bool:
    """Two WKT geometries are the same within ``tolerance`` (empty and None alike)."""
    from qgis.core import QgsGeometry

    ga = QgsGeometry.fromWkt(a) if a else QgsGeometry()
    gb = QgsGeometry.fromWkt(b) if b else QgsGeometry()
    if ga.isEmpty() or gb.isEmpty():
        return ga.isEmpty() and gb.isEmpty()
    if ga.type() != gb.type():
        return False
    distance = ga.hausdorffDistance(gb)
    return 0 <= distance <= tolerance
