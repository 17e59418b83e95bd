# SPDX-License-Identifier: GPL-2.0-or-later
"""The commune dossier: built from sources, opened, kept across rebuilds, its project."""
