# SPDX-License-Identifier: GPL-2.0-or-later
"""Geotagged photos: imported, placed, their files and the per-stop summary."""
