# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock, dialogs and map tools: thin, calls the services and boards, reports in the message bar."""
