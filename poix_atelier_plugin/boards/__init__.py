# SPDX-License-Identifier: GPL-2.0-or-later
"""The boards (planches): one layout engine for every printed map of the workshop."""

from .base import BoardOptions
from .paper import ORIENTATIONS, PAPERS
from .templates import BOARD_TYPES

__all__ = ["BOARD_TYPES", "ORIENTATIONS", "PAPERS", "BoardOptions"]
