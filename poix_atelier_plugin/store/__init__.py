# SPDX-License-Identifier: GPL-2.0-or-later
"""The data contract: GeoPackage and PostGIS tables, opened, read and written safely.

Nothing here styles a layer or shows a dialog; errors are AtelierError, shown by the GUI."""
