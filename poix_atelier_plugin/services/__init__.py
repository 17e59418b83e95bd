# SPDX-License-Identifier: GPL-2.0-or-later
"""What the workshop does with its data: dossiers, groups, routes, photos, toolbox,
field packages, server workshops, synthesis and checklist. qgis.core only, never a dialog."""
