# SPDX-License-Identifier: GPL-2.0-or-later
"""What an import did, stop by stop: the summary shown after "Import photos…".

The person checks on the spot that each photo went to the right stop, and
sees what was left out and why, before the group has left the room. Stop
numbers and names are read back from the dossier, so the summary says what
is stored, not what the import meant to store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsFeatureRequest

from ... import compat
from ...infra.i18n import tr
from ...store import workspace
from ...store.rows import plain_value
from .photos import ImportReport, PhotoIssue


@dataclass
class SummaryLine:
    """One line of the summary: a stop or a reason, and the files it counts."""

    label: str
    files: list[str] = field(default_factory=list)  # file names, or "name: reason"
    stop_fid: int | None = None
    number: int | None = None
    name: str = ""

    @property
    def count(self) -> int:
        return len(self.files)

    def text(self) -> str:
        return counted(self.label, self.count)


@dataclass
class ImportSummary:
    group: str
    stops: list[SummaryLine] = field(default_factory=list)  # by stop number
    left_out: list[SummaryLine] = field(default_factory=list)  # by reason, none empty
    already: SummaryLine | None = None  # in the dossier before: neither new nor left out
    imported: int = 0

    @property
    def attached(self) -> int:
        return sum(line.count for line in self.stops)

    def lines(self) -> list[str]:
        rest = [self.already] if self.already is not None else []
        return [line.text() for line in self.stops + self.left_out + rest]


def counted(label: str, n: int) -> str:
    """``Stop 2 — Place de la mairie: 3 photos``."""
    if n == 1:
        return tr("{label}: 1 photo").format(label=label)
    return tr("{label}: {n} photos").format(label=label, n=n)


def stop_label(number: int | None, name: str) -> str:
    name = name or tr("(unnamed)")
    if number is None:
        return tr("Unnumbered stop — {name}").format(name=name)
    return tr("Stop {n} — {name}").format(n=number, name=name)


def read_stops(gpkg: str | Path, groupe: str) -> dict[int, tuple[int | None, str]]:
    """{fid: (ordre, nom)} of the group's stops, as stored."""
    layer = workspace.open_layer(gpkg, "arrets", groupe, load_style=False)
    request = QgsFeatureRequest().setFlags(compat.REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes(["ordre", "nom"], layer.fields())
    out = {}
    for feat in layer.getFeatures(request):
        ordre = plain_value(feat["ordre"])
        out[feat.id()] = (int(ordre) if ordre is not None else None, plain_value(feat["nom"]) or "")
    return out


def _issue_lines(issues: list[PhotoIssue]) -> list[str]:
    return [tr("{file}: {reason}").format(file=Path(i.path).name, reason=i.text()) for i in issues]


def summarize(gpkg: str | Path, groupe: str, report: ImportReport) -> ImportSummary:
    stops = read_stops(gpkg, groupe)
    by_stop: dict[int, list[str]] = {}
    loose: list[str] = []
    for rel in report.imported:
        fid = report.attached.get(rel)
        if fid is not None and fid in stops:
            by_stop.setdefault(fid, []).append(Path(rel).name)
        else:
            loose.append(Path(rel).name)
    summary = ImportSummary(group=groupe, imported=len(report.imported))

    def order(fid: int):
        number, name = stops[fid]
        return (number is None, number or 0, name.casefold(), fid)

    for fid in sorted(by_stop, key=order):
        number, name = stops[fid]
        summary.stops.append(
            SummaryLine(stop_label(number, name), sorted(by_stop[fid]), fid, number, name)
        )
    for label, files in (
        (tr("Imported, no stop close enough"), sorted(loose)),
        (tr("Without GPS position"), _issue_lines(report.no_gps)),
        (tr("Outside the study perimeter"), _issue_lines(report.outside)),
        (tr("Unreadable"), _issue_lines(report.unreadable)),
    ):
        if files:
            summary.left_out.append(SummaryLine(label, files))
    if report.already:
        names = sorted(Path(p).name for p in report.already)
        summary.already = SummaryLine(tr("Already imported"), names)
    return summary
