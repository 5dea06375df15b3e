"""The catalogue of data packages as loaded: each package with its descriptor, sources, measures,
categories and observations (every row carrying its provenance), and the regions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .problems import Problem
from .regions import Regions


@dataclass
class Package:
    name: str
    dir: Path
    descriptor: dict
    sources: dict[str, dict]
    measures: pd.DataFrame  # index: maat
    categories: pd.DataFrame  # columns maat, categorie, naam
    observations: pd.DataFrame
    resources: list[dict] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.descriptor.get("title", self.name)

    @property
    def licenses(self) -> list[dict]:
        return self.descriptor.get("licenses", [])


@dataclass
class Catalog:
    root: Path
    regions: Regions
    packages: dict[str, Package]
    problems: list[Problem]
    failed: set[str] = field(default_factory=set)  # packages (folder names) whose descriptor could not be read
    broken: set[str] = field(default_factory=set)  # packages with an error in one of their files
    region_lists: list[dict] = field(default_factory=list)  # resources that are lists of regions, with their citation

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
