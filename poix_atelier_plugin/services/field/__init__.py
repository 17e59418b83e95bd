# SPDX-License-Identifier: GPL-2.0-or-later
"""Field packages: taken offline on a laptop, merged back into the dossier."""
