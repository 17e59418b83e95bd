# SPDX-License-Identifier: GPL-2.0-or-later
"""Atelier territorial: QGIS plugin for DDTM territorial workshops."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Entry point called by QGIS (iface is None under qgis_process)."""
    from .plugin import AtelierPlugin

    return AtelierPlugin(iface)
