# SPDX-License-Identifier: GPL-2.0-or-later
"""Where the plugin's files are, both in a checkout and once installed.

Installed (staged by the Makefile), ``resources/`` sits inside the plugin
folder; in a checkout it sits beside the package. Nothing imports QGIS here.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    for candidate in (PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found next to the plugin")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def icon_path(name: str) -> str:
    return str(resource("icons", name))


def template_path(name: str) -> Path:
    return resource("templates", name)


def translation_file(lang: str) -> Path | None:
    path = PACKAGE_DIR / "i18n" / f"poix_atelier_plugin_{lang}.qm"
    return path if path.is_file() else None


def metadata_file() -> Path:
    for candidate in (PACKAGE_DIR / "metadata.txt", PACKAGE_DIR.parent / "metadata.txt"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("metadata.txt not found")
