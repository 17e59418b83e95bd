# SPDX-License-Identifier: GPL-2.0-or-later
"""The one layout engine: builds every board, exports it, adds it to the project.

Files are written into a hidden temporary folder inside the output folder and
moved into place only when every board succeeded: a failure or a cancel
leaves nothing half-written. PDF are vector (text kept as text); the
combined PDF is written by QGIS itself, every board's pages in one export
(combined.py), so it exists wherever QGIS runs.

Layouts are QGraphicsScenes: everything runs on the main thread. The
feedback's cancel is checked between boards and between atlas pages; one
export at a time (a second request while one runs is refused). Pending edits
on the dossier are saved first, so the boards show what was just drawn.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from qgis.core import Qgis, QgsFeedback, QgsLayoutExporter, QgsProject
from qgis.PyQt.QtCore import QDate, QLocale

from ..domain.errors import QT_TR_NOOP, AtelierError
from ..domain.groups import GroupSpec
from ..infra.i18n import tr
from ..infra.settings import UserSettings
from .atlas import atlas
from .base import Board, BoardContext, BoardOptions, layout_name
from .combined import export_combined
from .group_boards import diagnostic, proposition, restitution, terrain
from .kept_layouts import RENAME, add_to_manager, drop_unused, retouched
from .layers import BoardLayers
from .paper import PAPERS, page_size
from .session import CanceledError, StepFeedback, check, one_at_a_time, save_edits, say
from .source import Dossier, open_dossier
from .synthese import synthese
from .templates import BOARD_TYPES

LOG = logging.getLogger(__name__)
PER_GROUP = ("terrain", "diagnostic", "restitution", "atlas", "proposition")
FORMATS = ("pdf", "png")


@dataclass
class Job:
    kind: str
    group: GroupSpec | None

    @property
    def stem(self) -> str:
        return f"{self.kind}_{slug(self.group.name)}" if self.group else self.kind


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")[:60] or "groupe"


def builders() -> dict[str, Callable]:
    return {
        "terrain": terrain,
        "diagnostic": diagnostic,
        "restitution": restitution,
        "atlas": atlas,
        "proposition": proposition,
        "synthese": synthese,
    }


def check_options(options: BoardOptions) -> None:
    if options.paper not in PAPERS:
        raise AtelierError(QT_TR_NOOP("Unknown paper size {paper}."), paper=options.paper)
    page_size(options.paper, options.orientation)
    if options.fmt not in FORMATS:
        raise AtelierError(QT_TR_NOOP("Unknown format {fmt}: use pdf or png."), fmt=options.fmt)
    if not 36 <= int(options.dpi) <= 1200:
        raise AtelierError(QT_TR_NOOP("The resolution must be between 36 and 1200 dpi."))
    unknown = [b for b in options.boards if b not in BOARD_TYPES]
    if unknown or not options.boards:
        raise AtelierError(
            QT_TR_NOOP("Unknown board type {boards}: use {known}."),
            boards=", ".join(unknown) or "\u2014",
            known=", ".join(BOARD_TYPES),
        )


def plan(dossier: Dossier, options: BoardOptions) -> list[Job]:
    names = [g.name for g in dossier.groups]
    wanted = options.groups if options.groups else names
    missing = [g for g in wanted if g not in names]
    if missing:
        raise AtelierError(QT_TR_NOOP("The group “{name}” does not exist."), name=missing[0])
    jobs = [
        Job(kind, dossier.group(name))
        for name in wanted
        for kind in PER_GROUP
        if kind in options.boards
    ]
    if "synthese" in options.boards:
        jobs.append(Job("synthese", None))
    return jobs


def today_text() -> str:
    from qgis.core import QgsApplication

    locale = QLocale(QgsApplication.locale() or "fr_FR")
    return locale.toString(QDate.currentDate(), "d MMMM yyyy")


def make_context(project: QgsProject, dossier: Dossier, options: BoardOptions) -> BoardContext:
    layers = BoardLayers(project, dossier, register=options.add_to_project)
    return BoardContext(project, dossier, options, layers, options.date or today_text())


def build(ctx: BoardContext, job: Job) -> Board:
    return builders()[job.kind](ctx, job.group)


# export ------------------------------------------------------------------------
def pdf_settings(options: BoardOptions) -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = int(options.dpi)
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.appendGeoreference = True
    settings.exportMetadata = True
    settings.simplifyGeometries = True
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return settings


def image_settings(options: BoardOptions) -> QgsLayoutExporter.ImageExportSettings:
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = int(options.dpi)
    settings.generateWorldFile = False
    return settings


def _fail(path: Path, error: str = "") -> AtelierError:
    return AtelierError(
        QT_TR_NOOP("The board {path} could not be exported. {error}"),
        path=str(path.name),
        error=error,
    )


def export_layout(
    layout, folder: Path, stem: str, options: BoardOptions, feedback: QgsFeedback | None = None
) -> list[Path]:
    """Export one layout (an atlas when enabled) into ``folder``; returns the files."""
    atlas = layout.atlas()
    is_atlas = atlas.enabled() and atlas.coverageLayer() is not None
    if options.fmt == "pdf":
        path = folder / f"{stem}.pdf"
        if is_atlas:
            result, error = QgsLayoutExporter.exportToPdf(
                atlas, str(path), pdf_settings(options), feedback
            )
        else:
            result = QgsLayoutExporter(layout).exportToPdf(str(path), pdf_settings(options))
            error = ""
        if result == QgsLayoutExporter.ExportResult.Canceled:
            raise CanceledError()
        if result != QgsLayoutExporter.ExportResult.Success or not path.is_file():
            raise _fail(path, error)
        return [path]
    before = set(folder.iterdir())
    if is_atlas:
        atlas.setFilenameExpression(f"'{stem}_' || lpad(to_string(@atlas_featurenumber), 3, '0')")
        result, error = QgsLayoutExporter.exportToImage(
            atlas, str(folder / stem), "png", image_settings(options), feedback
        )
    else:
        result = QgsLayoutExporter(layout).exportToImage(
            str(folder / f"{stem}.png"), image_settings(options)
        )
        error = ""
    if result == QgsLayoutExporter.ExportResult.Canceled:
        raise CanceledError()
    if result != QgsLayoutExporter.ExportResult.Success:
        raise _fail(folder / stem, error)
    return sorted(set(folder.iterdir()) - before)


def prepare_folder(output: str | Path) -> tuple[Path, Path]:
    """The output folder and a private temporary folder inside it."""
    out = Path(output)
    try:
        out.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".atelier-boards-", dir=str(out)))
    except OSError as exc:
        raise AtelierError(
            QT_TR_NOOP(
                "Cannot write into the folder {path}: {error}. Choose a folder you can write to."
            ),
            path=str(out),
            error=exc.strerror or str(exc),
        ) from exc
    return out, tmp


def planned_layouts(
    options: BoardOptions, dossier: str | None = None, project: QgsProject | None = None
) -> list[str]:
    """Names of the layouts an export of ``options`` adds to the project."""
    check_options(options)
    return _names(plan(open_dossier(dossier, project), options))


def _names(jobs: list[Job]) -> list[str]:
    return [layout_name(job.kind, job.group) for job in jobs]


def retouched_layouts(
    options: BoardOptions, dossier: str | None = None, project: QgsProject | None = None
) -> list[str]:
    """The layouts of the project an export of ``options`` would replace, retouched since."""
    project = project if project is not None else QgsProject.instance()
    if not options.add_to_project:
        return []
    return retouched(project, planned_layouts(options, dossier, project))


def export_boards(
    output: str | Path,
    options: BoardOptions,
    dossier: str | None = None,
    project: QgsProject | None = None,
    feedback: QgsFeedback | None = None,
    retouched_policy: str = RENAME,
) -> list[str]:
    """Write the boards of ``options`` into ``output``; returns the files written.

    ``project`` receives the board layers and the layouts (a scratch project
    when None); ``dossier`` defaults to the project's dossier. A layout of the
    project retouched since the plugin made it is kept (``retouched_policy``:
    see boards.kept_layouts).
    """
    with one_at_a_time():
        return _export(output, options, dossier, project, feedback, retouched_policy)


def _export(output, options, dossier, project, feedback, policy) -> list[str]:
    check_options(options)
    if not options.templates:  # the agency's templates folder set once in the profile
        options = replace(options, templates=UserSettings.load().board_templates or None)
    project = project if project is not None else QgsProject()
    save_edits(project, dossier)
    opened = open_dossier(dossier, project)
    jobs = plan(opened, options)
    # before any board is built: building replaces layers the old layouts show
    touched = set(retouched(project, _names(jobs))) if options.add_to_project else set()
    out, tmp = prepare_folder(output)
    written: list[Path] = []
    layouts = []
    steps = len(jobs) + 1
    try:
        ctx = make_context(project, opened, options)
        for i, job in enumerate(jobs):
            check(feedback)
            say(feedback, tr("Board {i}/{n}: {name}").format(i=i + 1, n=len(jobs), name=job.stem))
            if feedback is not None:
                feedback.setProgress(100.0 * i / steps)
            board = build(ctx, job)
            layouts.append(board.layout)
            check(feedback)
            step = StepFeedback(feedback, 100.0 * i / steps, 100.0 / steps) if feedback else None
            written += export_layout(board.layout, tmp, job.stem, options, step)
        check(feedback)
        if options.fmt == "pdf" and options.combined and len(written) > 1:
            target = tmp / f"planches_{slug(opened.commune)}.pdf"
            say(feedback, tr("All boards in one PDF: {name}").format(name=target.name))
            result, error = export_combined(layouts, target, pdf_settings(options), feedback)
            if result == QgsLayoutExporter.ExportResult.Canceled:
                raise CanceledError()
            if result != QgsLayoutExporter.ExportResult.Success or not target.is_file():
                raise _fail(target, error)
            written.append(target)
        check(feedback)
        final = []
        for path in written:
            dest = out / path.name
            os.replace(path, dest)
            final.append(str(dest))
    except CanceledError:
        raise AtelierError(QT_TR_NOOP("Export cancelled: no board was written.")) from None
    except OSError as exc:
        raise AtelierError(
            QT_TR_NOOP("Cannot write the boards into {path}: {error}"),
            path=str(out),
            error=str(exc),
        ) from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if options.add_to_project:
        fresh = {layer.id() for layer, _ in ctx.layers._pending}
        ctx.layers.register_all()
        for layout in layouts:
            add_to_manager(project, layout, fresh, policy, touched)
        drop_unused(project, ctx.cache.get("stale_layers", set()) - fresh)
    if feedback is not None:
        feedback.setProgress(100.0)
    return final
