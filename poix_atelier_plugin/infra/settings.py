# SPDX-License-Identifier: GPL-2.0-or-later
"""Typed settings in one place.

User-wide settings live in QgsSettings under ``poix_atelier_plugin/``;
workshop settings (active group, visit slot) live in the project (.qgz) so
that they travel with the dossier.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from qgis.core import QgsProject, QgsSettings

from ..domain import vocab

PREFIX = "poix_atelier_plugin"


@dataclass
class UserSettings:
    """Saved per user profile.

    ``save`` writes only the values changed since ``load``: a dialog that
    loaded the settings earlier cannot put back an old value another one
    changed meanwhile (the photo folder and the dossier folder stay apart).
    """

    #: the last folder of photos or field packages
    last_folder: str = ""
    #: the last folder a dossier was built in or opened from
    last_dossier_folder: str = ""
    default_paper: str = "A3"
    default_dpi: int = 300
    online_layers: bool = True
    buffer_m: float = 500.0
    #: the panel was open when QGIS closed: it opens again at the next start
    panel_open: bool = False
    #: an agency's own board templates (board_*.qpt); empty: the plugin's
    board_templates: str = ""

    @classmethod
    def load(cls) -> UserSettings:
        s = QgsSettings()
        values = {}
        for f in fields(cls):
            default = getattr(cls, f.name)
            values[f.name] = s.value(f"{PREFIX}/{f.name}", default, type=type(default))
        loaded = cls(**values)
        loaded._loaded = values
        return loaded

    def save(self) -> None:
        s = QgsSettings()
        loaded = getattr(self, "_loaded", None)
        for f in fields(self):
            value = getattr(self, f.name)
            if loaded is None or loaded.get(f.name) != value:
                s.setValue(f"{PREFIX}/{f.name}", value)
        self._loaded = {f.name: getattr(self, f.name) for f in fields(self)}


def dossier_folder(dossier: str = "") -> str:
    """Where to build or look for a dossier: the last such folder, the open dossier's, or home.

    Never the photo folder: photos are not where dossiers live.
    """
    remembered = UserSettings.load().last_dossier_folder
    if remembered and Path(remembered).is_dir():
        return remembered
    if dossier and Path(dossier).is_file():  # not a pg: server dossier
        return str(Path(dossier).parent)
    return str(Path.home())


def remember_dossier_folder(folder: str | Path) -> None:
    settings = UserSettings.load()
    settings.last_dossier_folder = str(folder)
    settings.save()


@dataclass
class ProjectSettings:
    """Saved in the project file."""

    active_group: str = ""
    slot_min: int = vocab.DEFAULT_SLOT_MIN
    dossier_path: str = ""

    @classmethod
    def load(cls, project: QgsProject | None = None) -> ProjectSettings:
        project = project or QgsProject.instance()
        out = cls()
        out.active_group = project.readEntry(PREFIX, "active_group", "")[0]
        out.slot_min = project.readNumEntry(PREFIX, "slot_min", vocab.DEFAULT_SLOT_MIN)[0]
        out.dossier_path = project.readPath(project.readEntry(PREFIX, "dossier_path", "")[0])
        return out

    def save(self, project: QgsProject | None = None) -> None:
        project = project or QgsProject.instance()
        project.writeEntry(PREFIX, "active_group", self.active_group)
        project.writeEntry(PREFIX, "slot_min", int(self.slot_min))
        project.writeEntry(PREFIX, "dossier_path", project.writePath(self.dossier_path))
