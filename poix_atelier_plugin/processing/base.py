# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared plumbing of the algorithms: ids, group, DOSSIER, errors → QgsProcessingException."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProperty,
)

from ..domain.errors import QT_TR_NOOP, AtelierError
from ..infra.i18n import error_text, tr
from ..paths import icon_path
from ..store import saving

#: How a dossier on a PostgreSQL/PostGIS server is written (store/postgis.py).
PG_PREFIX = "pg:"


def dossier_problem(value) -> str | None:
    """Why ``value`` is not a dossier (translated), or None when it is one.

    A dossier is a GeoPackage path (``.gpkg``, any case, Windows and network
    paths included) or a server workshop ``pg:<connection>/<schema>``. Whether
    the file or the schema exists is for the algorithm to say: create_groups
    may be given a GeoPackage that does not exist yet.
    """
    if value is None or isinstance(value, QgsProperty):
        return None  # empty: the optional flag decides; a property is evaluated later
    text = str(value).strip()
    if not text:
        return None
    if text.startswith(PG_PREFIX):
        from ..store.postgis import parse_dossier

        try:
            parse_dossier(text)
        except AtelierError as exc:
            return error_text(exc)
        return None
    if text.lower().endswith(".gpkg"):
        return None
    return tr(
        "The dossier must be a GeoPackage (.gpkg) or a workshop on a server written "
        "pg:<connection>/<schema>, not {value}."
    ).format(value=text)


class DossierParameter(QgsProcessingParameterFile):
    """DOSSIER of every algorithm: a GeoPackage or a ``pg:<connection>/<schema>`` workshop.

    A File parameter, so that the Processing dialog keeps its file picker (the
    "file" widget of QGIS 3.22 to 3.44, whose line edit also takes a typed
    ``pg:`` value) and the model builder and qgis_process treat it as the
    file it mostly is. A new parameter type would need its own widget wrapper,
    registered differently across these versions. No ``extension`` is set:
    QGIS's own check would then refuse every ``pg:`` value; both forms are
    checked here instead.
    """

    def __init__(self, name: str = "DOSSIER", description: str = "", optional: bool = False):
        super().__init__(
            name,
            description or tr("Dossier (GeoPackage or pg:connection/schema)"),
            optional=optional,
            fileFilter=tr("GeoPackage (*.gpkg)") + ";;" + tr("All files (*)"),
        )

    def clone(self):
        # QGIS clones definitions (dialog, model builder): the copy must keep this check
        copy = DossierParameter(self.name(), self.description())
        copy.setFlags(self.flags())  # optional, advanced…
        copy.setHelp(self.help())
        copy.setMetadata(self.metadata())
        return copy

    def checkValueIsAcceptable(self, value, context=None):  # noqa: N802
        if not super().checkValueIsAcceptable(value, context):
            return False
        return dossier_problem(value) is None


def on_main_thread() -> bool:
    """Whether the caller runs on the application's thread (processing.run from the console,
    the dialog for FlagNoThreading) rather than in a QgsTask's worker thread."""
    from qgis.PyQt.QtCore import QCoreApplication, QThread

    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


class AtelierAlgorithm(QgsProcessingAlgorithm):
    """Subclasses define ``ID``, ``display_name()``, ``initAlgorithm`` and ``process``."""

    ID = ""

    def name(self) -> str:
        return self.ID

    def displayName(self) -> str:  # noqa: N802
        return self.display_name()

    def display_name(self) -> str:
        raise NotImplementedError

    def group(self) -> str:
        return tr("Workshop")

    def groupId(self) -> str:  # noqa: N802
        return "atelier"

    def icon(self):
        from qgis.PyQt.QtGui import QIcon

        return QIcon(icon_path("icon.png"))

    def createInstance(self):  # noqa: N802
        return type(self)()

    # Readers and writers of the dossier see what the person sees ------------------------
    def _dossier_parameter(self, parameters, context) -> str:
        if "DOSSIER" not in parameters or self.parameterDefinition("DOSSIER") is None:
            return ""
        return self.parameterAsString(parameters, "DOSSIER", context) or ""

    def gpkg_dossier(self, parameters, context) -> str:
        """DOSSIER of an algorithm that works on a GeoPackage only (photos, files)."""
        dossier = self.parameterAsString(parameters, "DOSSIER", context) or ""
        if dossier.startswith(PG_PREFIX):
            raise AtelierError(
                QT_TR_NOOP(
                    "“{algorithm}” works on a GeoPackage dossier; {dossier} is a workshop "
                    "on a server."
                ),
                algorithm=self.displayName(),
                dossier=dossier,
            )
        return dossier

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """A DOSSIER that is neither form is refused with the reason, not a bare "incorrect"."""
        if "DOSSIER" in parameters and isinstance(
            self.parameterDefinition("DOSSIER"), DossierParameter
        ):
            problem = dossier_problem(self._dossier_parameter(parameters, context))
            if problem:
                return False, problem
        return super().checkParameterValues(parameters, context)

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread, before the work: pending edits on the dossier are written first.

        Otherwise a board, a package or a count made from the file would miss what a
        group drew since its last save.
        """
        dossier = self._dossier_parameter(parameters, context)
        if dossier and context.project() is not None:
            failed = saving.save_pending(context.project(), dossier)
            if failed:
                feedback.reportError(
                    tr(
                        "Pending edits of {layers} could not be saved; they are not included."
                    ).format(layers=", ".join(failed))
                )
        return True

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Main thread, after the work: layers on the dossier show what was written."""
        dossier = getattr(self, "_written_dossier", "")
        if dossier and context.project() is not None:
            saving.reload_layers(context.project(), dossier)
        return {}

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._written_dossier = self._dossier_parameter(parameters, context)
        try:
            return self.process(parameters, context, feedback)
        except AtelierError as exc:
            raise QgsProcessingException(error_text(exc)) from exc

    def process(self, parameters, context, feedback) -> dict:
        """The algorithm's work (``run`` is QgsProcessingAlgorithm's own API)."""
        raise NotImplementedError
