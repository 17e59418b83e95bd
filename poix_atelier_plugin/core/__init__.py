# SPDX-License-Identifier: GPL-2.0-or-later
"""Storage, dossier, layouts and photos: qgis.core only, never a dialog."""
