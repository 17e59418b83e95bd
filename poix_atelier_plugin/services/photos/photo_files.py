# SPDX-License-Identifier: GPL-2.0-or-later
"""Photo files: where they go in a dossier, their fingerprint, copying them.

Files are copied (never moved) under ``<dossier folder>/DCIM/<groupe>/``
through a temporary name, and recognised by a content fingerprint so that
the same photo is never imported or copied twice.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import unicodedata
import uuid
from pathlib import Path

from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.user_paths import absolute
from ...store.postgis import is_pg

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".heic", ".heif", ".png", ".webp"}
DCIM = "DCIM"
_UID_NAMESPACE = uuid.UUID("6f0a5a43-6c1e-4d59-9a2c-6b1f3c9e5a10")


def dossier_folder(dossier: str | Path) -> Path:
    """The folder photos are stored under (the GeoPackage's folder)."""
    text = str(dossier)
    if is_pg(text):
        raise AtelierError(
            QT_TR_NOOP("Photos need a GeoPackage dossier (a folder to copy them into): {dossier}"),
            dossier=text,
        )
    path = Path(text)
    if not path.is_file():
        raise AtelierError(QT_TR_NOOP("The dossier {path} does not exist."), path=text)
    return absolute(path).parent


def safe_folder_name(groupe: str) -> str:
    """A file-system-safe, still recognisable folder name ("Équipe Nord" → "Equipe_Nord")."""
    text = unicodedata.normalize("NFKD", groupe).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._-")
    return text or "groupe"


def group_photo_dir(dossier: str | Path, groupe: str) -> Path:
    return dossier_folder(dossier) / DCIM / safe_folder_name(groupe)


def list_photos(folder: str | Path, recursive: bool = True) -> list[Path]:
    root = Path(folder)
    if not root.is_dir():
        raise AtelierError(QT_TR_NOOP("The photo folder {path} does not exist."), path=str(root))
    walker = root.rglob("*") if recursive else root.glob("*")
    return sorted(p for p in walker if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES)


#: Bytes read at a time for a photo's fingerprint (memory stays flat on large files).
FINGERPRINT_CHUNK = 1024 * 1024


def file_digest(path: Path) -> str:
    """Content fingerprint: SHA-256 of the whole file, read in chunks.

    Only the whole content tells photos apart: two shots of a burst, or an
    edited copy, can share their size, EXIF block and last kilobytes while
    their pictures differ, and a partial fingerprint would drop one of them.
    """
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(FINGERPRINT_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def photo_uid(groupe: str, digest: str) -> str:
    """Stable uid of a photo's observation: same file, same group → same uid."""
    return str(uuid.uuid5(_UID_NAMESPACE, f"{groupe}\n{digest}"))


def copy_target(
    source: Path, target_dir: Path, digest: str, taken: set | None = None
) -> tuple[Path, bool]:
    """Where ``source`` goes in ``target_dir``, and whether it must be copied there.

    A file of the same name and content is reused; another content under the
    same name gets a ``_2``, ``_3``… suffix. ``taken`` (names in the folder,
    including copies still in flight) saves a look at the disk per photo; it
    is updated with the name chosen.
    """
    stem, suffix = source.stem, source.suffix
    if taken is None:
        taken = {p.name for p in target_dir.iterdir()} if target_dir.is_dir() else set()
    n = 1
    while True:
        name = f"{stem}{suffix}" if n == 1 else f"{stem}_{n}{suffix}"
        target = target_dir / name
        if name not in taken:
            taken.add(name)
            return target, True
        if (
            target.is_file()
            and target.stat().st_size == source.stat().st_size
            and file_digest(target) == digest
        ):
            return target, False
        n += 1


def copy_file(source: Path, target: Path) -> Path:
    """Copy (never move) through a temporary name: no half file under a real name."""
    tmp = target.with_name(f".{target.name}.part")
    shutil.copyfile(source, tmp)
    shutil.copystat(source, tmp)  # keep the file date: it is the photo's date for many tools
    os.replace(tmp, target)
    return target


def copy_into(source: Path, target_dir: Path, digest: str) -> Path:
    """Copy ``source`` into ``target_dir`` unless the same photo is there; returns it."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target, needed = copy_target(source, target_dir, digest)
    return copy_file(source, target) if needed else target


def relative_photo_path(dossier: str | Path, path: Path) -> str:
    return Path(os.path.relpath(path, dossier_folder(dossier))).as_posix()
