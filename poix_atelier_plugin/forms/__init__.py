# SPDX-License-Identifier: GPL-2.0-or-later
"""Attribute forms of the contract tables: widgets, defaults, constraints."""
