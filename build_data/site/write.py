"""Writing files whole or not at all: one file by a rename (write_atomic), a folder by swapping
renames (swap), and reproducible zips (fixed dates, sorted names): the offline site and the zip
of all data packages."""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from ..pages.share import FOLDER as SHARE_IMAGES
from . import datapackage_v2

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


_ROOT_LINK = re.compile(rb'((?:href|src)=")/(?!/)')
_ROOT_BASE = re.compile(rb'("base": ?")/(")|(new URL\(")/("\s*,\s*location\))')
_ROOT_CONFIG = re.compile(rb'("search": ?")/(?!/)')  # the theme's search worker, in its config


def offline_404(html: bytes) -> bytes:
    """404.html for the offline copy. MkDocs writes it with links from the server's root ('/assets/...',
    base '/'), so a server can show it at any depth; on disk those lead nowhere. It lies in the
    root folder of the copy, so there they are written relative to it."""
    html = _ROOT_CONFIG.sub(rb"\1", _ROOT_LINK.sub(rb"\1", html))
    return _ROOT_BASE.sub(lambda m: (m[1] + b"." + m[2]) if m[1] else (m[3] + b"." + m[4]), html)


OFFLINE_IN_SITE = "downloads/impactmonitor-hgkm-offline.zip"  # build_data.pages.edition.OFFLINE_ZIP
_SIZE_MARK = b'<span class="hgkm-zipgrootte"></span>'


def publish_offline(site_dir: Path, zip_path: Path) -> None:
    """The offline zip published beside the site (site/downloads/), and its size written where the
    pages offer it ('12,3 MB'). The zip holds the pages without the size, and not itself: in the
    offline copy the page script says that one is using it."""
    data = zip_path.read_bytes()
    dest = site_dir / OFFLINE_IN_SITE
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)
    size = f"{len(data) / 1e6:.1f}".replace(".", ",") + "\u00a0MB"
    for page in site_dir.rglob("*.html"):
        html = page.read_bytes()
        if _SIZE_MARK in html:
            page.write_bytes(html.replace(_SIZE_MARK, b'<span class="hgkm-zipgrootte">' + size.encode("utf-8") + b"</span>"))


def write_zip(site_dir: Path, zip_path: Path) -> None:
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            rel = path.relative_to(site_dir).as_posix()
            if rel.startswith(SHARE_IMAGES + "/"):
                continue  # images for link previews of the published site: of no use offline
            info = zipfile.ZipInfo(f"{ZIP_DIR}/{rel}", FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            zf.writestr(info, offline_404(data) if rel == "404.html" else data)


def swap(new: Path, target: Path) -> None:
    """Replace target by new with renames (atomic on one file system). A new folder on another file
    system is first copied next to the target, so the swap itself stays a rename."""
    if new.stat().st_dev != target.parent.stat().st_dev:
        staged = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
        try:
            shutil.move(str(new), staged / new.name)
            swap(staged / new.name, target)
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


def packages_zip(root: Path, edition: dict | None = None) -> bytes:
    """Every data package (descriptor + data files) as it is in the repository, and beside each
    datapackage.yaml its Data Package v2 form datapackage.json for the edition (build_data.site.datapackage_v2)."""
    base = root / "datapackages"
    files = {path.relative_to(base).as_posix(): path.read_bytes()
             for path in base.rglob("*") if path.is_file() and not path.name.startswith(".")}
    for yml in base.glob("*/datapackage.yaml"):
        files[f"{yml.parent.name}/datapackage.json"] = datapackage_v2.to_bytes(datapackage_v2.descriptor(yml.parent, edition or {}))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for rel in sorted(files, key=lambda n: n.split("/")):
            info = zipfile.ZipInfo(f"datapakketten/{rel}", FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[rel])
    return buf.getvalue()
