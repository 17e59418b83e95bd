# SPDX-License-Identifier: GPL-2.0-or-later
"""Paper sizes and the scale factor boards are designed with.

Boards are designed once on A3; every ISO A sheet has the same proportions,
so a board on another sheet is the A3 design scaled uniformly (positions,
sizes and fonts): an A0 is a big A3, not a tiny map on a huge page.
"""

from __future__ import annotations

from ..domain.errors import QT_TR_NOOP, AtelierError

#: Portrait width and height in millimetres.
PAPERS: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
    "A1": (594.0, 841.0),
    "A0": (841.0, 1189.0),
}
ORIENTATIONS = ("landscape", "portrait")
DESIGN_PAPER = "A3"


def page_size(paper: str, orientation: str) -> tuple[float, float]:
    """Width and height in mm of ``paper`` in ``orientation``."""
    if paper not in PAPERS:
        raise AtelierError(QT_TR_NOOP("Unknown paper size {paper}."), paper=paper)
    if orientation not in ORIENTATIONS:
        raise AtelierError(
            QT_TR_NOOP("Unknown orientation {orientation}."), orientation=orientation
        )
    w, h = PAPERS[paper]
    return (h, w) if orientation == "landscape" else (w, h)


def scale_factor(paper: str) -> float:
    """How much bigger than the A3 design ``paper`` is (0.707 for A4, 2.83 for A0)."""
    return PAPERS[paper][0] / PAPERS[DESIGN_PAPER][0]


def pixel_size(paper: str, orientation: str, dpi: int) -> tuple[int, int]:
    """Expected PNG size: paper mm / 25.4 * dpi, truncated like QGIS does."""
    w, h = page_size(paper, orientation)
    return int(w / 25.4 * dpi), int(h / 25.4 * dpi)
