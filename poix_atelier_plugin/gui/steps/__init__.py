# SPDX-License-Identifier: GPL-2.0-or-later
"""One panel per step of the day, in the order of the dock."""
