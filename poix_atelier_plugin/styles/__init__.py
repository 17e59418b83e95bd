# SPDX-License-Identifier: GPL-2.0-or-later
"""How layers look: renderers, labels and symbols of the contract tables and the dossier."""
