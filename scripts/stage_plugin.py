# SPDX-License-Identifier: GPL-2.0-or-later
"""Stage the installable plugin folder and zip it for the plugin repository.

The staged folder is what QGIS loads (``QGIS_PLUGINPATH=build/stage``):
the package without caches or sources of translations, plus metadata.txt,
LICENSE, resources/ and the compiled .qm catalogues. Plain Python, no QGIS.

    python3 scripts/stage_plugin.py [--stage build/stage] [--zip build/poix_atelier_plugin.zip]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLUGIN = "poix_atelier_plugin"
# Top-level files and folders copied into the plugin folder.
EXTRA = ("metadata.txt", "LICENSE", "README.md", "resources")
# Never shipped: caches, editor leftovers, translation sources, tests.
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".git", "__MACOSX", "tests"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts", ".pro", ".orig", ".rej", ".swp"}
SKIP_NAMES = {".DS_Store", "Thumbs.db"}
# Fixed timestamp so two builds of the same tree give the same zip.
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


def _wanted(path: Path) -> bool:
    if any(part in SKIP_DIRS for part in path.parts):
        return False
    if path.name in SKIP_NAMES or path.name.endswith("~"):
        return False
    return path.suffix not in SKIP_SUFFIXES


def _copy_tree(src: Path, dst: Path) -> None:
    for item in sorted(src.rglob("*")):
        rel = item.relative_to(src)
        if item.is_dir() or not _wanted(rel):
            continue
        target = dst / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(item, target)


def stage(stage_root: Path) -> Path:
    """Rebuild ``stage_root/poix_atelier_plugin`` from the checkout."""
    dest = stage_root / PLUGIN
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    _copy_tree(REPO / PLUGIN, dest)
    for name in EXTRA:
        src = REPO / name
        if src.is_dir():
            _copy_tree(src, dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)
        elif name != "README.md":
            raise SystemExit(f"stage: {src} is missing")
    return dest


def make_zip(plugin_dir: Path, zip_path: Path) -> Path:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in sorted(plugin_dir.rglob("*")):
            if item.is_file():
                arc = f"{plugin_dir.name}/{item.relative_to(plugin_dir).as_posix()}"
                info = zipfile.ZipInfo(arc, ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, item.read_bytes())
    tmp.replace(zip_path)
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", type=Path, default=REPO / "build" / "stage")
    parser.add_argument("--zip", type=Path, default=None, help="also write this zip")
    parser.add_argument(
        "--require-qm", action="store_true", help="fail when no compiled .qm catalogue is staged"
    )
    args = parser.parse_args(argv)
    plugin_dir = stage(args.stage)
    qms = sorted((plugin_dir / "i18n").glob("*.qm"))
    if args.require_qm and not qms:
        print(f"stage: no .qm in {plugin_dir / 'i18n'} (run `make i18n`)", file=sys.stderr)
        return 1
    print(f"staged {plugin_dir} ({len(qms)} translation(s))")
    if args.zip:
        print(f"zipped {make_zip(plugin_dir, args.zip)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
