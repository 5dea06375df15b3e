"""Copies of the repository as build roots, for the tests and the benchmarks (nothing is written into
the repository itself).

A copy holds the data packages of the bundled publications. The StatLine packages (written by
`make fetch-statline`, for example by the StatLine workflow) are left out unless asked for: with
them the site shows StatLine's figures, and a test that checks what the publications print, or
that breaks or extends the publications' packages, must see the same data with or without them.
`make test` then passes in both cases."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATLINE_PACKAGES = ("cbs-statline-veilig-thuis", "cbs-gebieden-in-nederland")
STATLINE_PRESENT = any((ROOT / "datapackages" / name).is_dir() for name in STATLINE_PACKAGES)


def copy_datapackages(dest: Path, statline: bool = False) -> Path:
    """The repository's data packages into dest (a new folder); the StatLine ones only with statline=True."""
    ignore = ("__pycache__",) if statline else ("__pycache__", *STATLINE_PACKAGES)
    shutil.copytree(ROOT / "datapackages", dest, ignore=shutil.ignore_patterns(*ignore))
    return dest


def copy_root(dest: Path, statline: bool = False) -> Path:
    """Everything a build reads: data packages, build_data (code and content), docs, overrides,
    mkdocs.yml, CHANGELOG.md; node_modules linked (never copied: `make` may run npm ci)."""
    dest.mkdir(parents=True, exist_ok=True)
    copy_datapackages(dest / "datapackages", statline)
    for name in ("build_data", "docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, dest / name)
    (dest / "node_modules").symlink_to((ROOT / "node_modules").resolve(), target_is_directory=True)
    return dest
