"""The generated pages and files as plain files in a folder (`python -m build_data pages --out DIR`),
for an engine other than MkDocs (see README, 'Engines'): pages as Markdown without lift marks,
files as they are, and the generated navigation as nav.yml."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml

from .build import cached_build
from .lift import unlift
from .write import swap


def write_pages(root: Path, out: Path) -> tuple[int, int]:
    """(pages, files) written; all of it or, on a validation problem, nothing."""
    build = cached_build(root)  # raises ValidationFailed before anything is written
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".pages-", dir=out.parent))
    try:
        new = tmp / "out"
        for rel, markdown in sorted(build.pages.items()):
            path = new / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(unlift(markdown), encoding="utf-8")
        for rel, data in sorted(build.files.items()):
            path = new / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        nav = [{"Thema's": build.nav()}, {"Regio's": build.region_nav()}]
        (new / "nav.yml").write_text(yaml.safe_dump(nav, allow_unicode=True, sort_keys=False), encoding="utf-8")
        swap(new, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return len(build.pages), len(build.files)
