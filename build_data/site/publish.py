"""Build the whole site and the offline zip atomically: everything is written to a temporary
folder and swapped in only when all of it succeeded, so a failed build leaves the previous
site/ and dist/ exactly as they were."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .build import cached_build
from .write import ZIP_NAME, publish_offline, source_date_epoch, swap, write_zip


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
        publish_offline(tmp / "site", tmp / "dist" / ZIP_NAME)  # beside the site, never inside its own zip
        swap(tmp / "site", site_dir)
        swap(tmp / "dist", dist_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dist_dir / ZIP_NAME
