"""The content of a build root besides its data packages, found one way: under the root, never
next to this code. A copy of the repository (a test, a benchmark, a fork) brings its own.

    <root>/build_data/indicators/<theme>/<id>.yml   indicator declarations (+ optional .py)
    <root>/build_data/themes.yml                    the themes, in site order
    <root>/build_data/zoekwoorden.yml               search synonyms
    <root>/build_data/redirects.yml                 old URLs -> new (optional)
    <root>/CHANGELOG.md                             the editions (optional)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Content:
    root: Path

    @property
    def indicators(self) -> Path:
        return self.root / "build_data" / "indicators"

    @property
    def themes(self) -> Path:
        return self.root / "build_data" / "themes.yml"

    @property
    def synonyms(self) -> Path:
        return self.root / "build_data" / "zoekwoorden.yml"

    @property
    def redirects(self) -> Path:
        return self.root / "build_data" / "redirects.yml"

    @property
    def changelog(self) -> Path:
        return self.root / "CHANGELOG.md"

    def rel(self, path: Path) -> str:
        """A content file as the problem table names it: relative to the root."""
        return path.relative_to(self.root).as_posix()


def read_synonyms(content: Content) -> list[list[str]]:
    """The synonym groups of zoekwoorden.yml (none when the root has no such file)."""
    path = content.synonyms
    return yaml.safe_load(path.read_text(encoding="utf-8")) or [] if path.is_file() else []


def hand_written_pages(content: Content) -> set[str]:
    """The Markdown pages of docs/ (docs-relative), written by hand."""
    docs = content.root / "docs"
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} if docs.is_dir() else set()
