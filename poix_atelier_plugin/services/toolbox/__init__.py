# SPDX-License-Identifier: GPL-2.0-or-later
"""The boîte à outils and the enjeux: catalogue, enjeux layers, proposals."""
