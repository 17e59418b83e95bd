# SPDX-License-Identifier: GPL-2.0-or-later
"""Processing provider ``atelier``: one file per algorithm, each calling the services or the boards."""
