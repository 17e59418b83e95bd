# SPDX-License-Identifier: GPL-2.0-or-later
"""Workshop rules in plain Python (and shapely): no QGIS import here."""
