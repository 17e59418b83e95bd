# SPDX-License-Identifier: GPL-2.0-or-later
"""Server workshops (PostGIS): publishing, fetching, the groups' projects."""
