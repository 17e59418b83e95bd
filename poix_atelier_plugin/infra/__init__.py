# SPDX-License-Identifier: GPL-2.0-or-later
"""Plumbing every layer may use: translation, logging, settings, user paths. No data here."""
