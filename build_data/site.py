"""Build the whole site and the offline zip atomically: everything is written to a temporary
folder and swapped in only when all of it succeeded, so a failed build leaves the previous
site/ and dist/ exactly as they were."""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from .build import cached_build

ZIP_NAME = "impactmonitor-hgkm-offline.zip"
ZIP_DIR = "impactmonitor-hgkm"
FIXED_DATE = (2020, 1, 1, 0, 0, 0)  # reproducible zips: no build timestamps


def source_date_epoch(date: str) -> int:
    """Seconds since 1970 of the edition date (YYYY-MM-DD, UTC midnight); the zip date without one."""
    when = datetime.strptime(date, "%Y-%m-%d") if date else datetime(*FIXED_DATE)
    return int(when.replace(tzinfo=timezone.utc).timestamp())


def write_atomic(path: Path, data: bytes) -> None:
    """One file written whole or not at all (a temporary file next to it, then a rename); used by
    the fetch scripts, which must never leave a half-written data file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_zip(site_dir: Path, zip_path: Path) -> None:
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{ZIP_DIR}/{path.relative_to(site_dir).as_posix()}", FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())


def _swap(new: Path, target: Path) -> None:
    """Replace target by new with renames (atomic on one file system). A new folder on another file
    system is first copied next to the target, so the swap itself stays a rename."""
    if new.stat().st_dev != target.parent.stat().st_dev:
        staged = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
        try:
            shutil.move(str(new), staged / new.name)
            _swap(staged / new.name, target)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
        return
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def build_site(root: Path, site_dir: Path | None = None, dist_dir: Path | None = None, strict: bool = True) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = site_dir or root / "site"
    dist_dir = dist_dir or root / "dist"
    build = cached_build(root)  # validate first: raises ValidationFailed before anything is written
    # MkDocs dates the sitemap (and its gzip header) with SOURCE_DATE_EPOCH when set: the edition's
    # date, so two builds of one edition are byte-identical on any day.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(build.edition.get("datum", ""))))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    dist_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=site_dir.parent))
    try:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp / "site"), strict=strict)
        mkdocs_build(config)
        (tmp / "dist").mkdir()
        write_zip(tmp / "site", tmp / "dist" / ZIP_NAME)
        _swap(tmp / "site", site_dir)
        _swap(tmp / "dist", dist_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dist_dir / ZIP_NAME
