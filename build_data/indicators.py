"""Indicators: one small YAML declaration each, in indicators/<theme>/<id>.yml, optionally with a
same-named .py that defines `compute(frame, catalog) -> frame` for anything beyond selecting a
measure. The computed frame keeps the provenance columns of the observations it came from."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from . import derive, periods, revisions
from .datapackages import Catalog
from .problems import Problem
from .regions import REGIONAL_PREFIXES

HERE = Path(__file__).resolve().parent
CHART_KINDS = {"regio-vergelijking", "halfjaar-reeks", "categorieen", "kerncijfer", "cohort", "populaties", "aandelen"}
LEVELS = {"landelijk", "regionaal"}
REQUIRED = ("id", "thema", "niveau", "bron", "grafieken", "tekst")


@dataclass(frozen=True)
class Theme:
    slug: str
    titel: str
    beschrijving: str


def load_themes() -> list[Theme]:
    return [Theme(**t) for t in yaml.safe_load((HERE / "themes.yml").read_text(encoding="utf-8"))]


@dataclass
class Indicator:
    id: str
    thema: Theme
    niveau: str
    titel: str
    eenheid: str
    definitie: str
    tekst: str
    grafieken: list[str]
    pakket: str
    maat: str
    volgorde: int
    file: str
    data: pd.DataFrame = field(repr=False)
    verandering: pd.DataFrame = field(repr=False)
    zie_ook: list[str] = field(default_factory=list)  # related indicators, e.g. a ratio of this count

    @property
    def regional(self) -> bool:
        return self.niveau == "regionaal"

    def sources(self, catalog: Catalog) -> list[dict]:
        """The publications the indicator's values come from (provenance travels with the rows)."""
        package = catalog.packages[self.pakket]
        used = list(dict.fromkeys(list(self.data.bron) + list(self.verandering.bron)))
        out = []
        for name in used:
            src = package.sources[name]
            places = sorted(set(self.data[self.data.bron == name].vindplaats) | set(self.verandering[self.verandering.bron == name].vindplaats))
            out.append({
                "naam": name,
                "titel": src.get("title", ""),
                "uitgever": src.get("publisher", package.descriptor.get("publisher", "")),
                "vindplaatsen": places,
                "pakket": package.name,
                "pakket_titel": package.title,
                "licentie": ", ".join(lic.get("name", "") for lic in package.licenses),
            })
        return out

    @property
    def periods(self) -> list[str]:
        return sorted(set(self.data.periode), key=periods.sort_key)

    def latest_regional_period(self) -> str | None:
        if "_latest_regional" not in self.__dict__:  # asked for by every page and profile: computed once
            regional = self.data[self.data.regio_code.str.startswith(REGIONAL_PREFIXES) & self.data.waarde_num.notna()]
            self.__dict__["_latest_regional"] = max(set(regional.periode), key=periods.sort_key) if len(regional) else None
        return self.__dict__["_latest_regional"]


def load_indicators(catalog: Catalog, root: Path | None = None) -> tuple[list[Indicator], list[Problem]]:
    root = Path(root if root is not None else catalog.root)
    own = root / "build_data" / "indicators"  # a build root with its own declarations (a test's or the benchmark's copy)
    indicators_dir = own if own.is_dir() else HERE / "indicators"
    themes = {t.slug: t for t in load_themes()}
    problems: list[Problem] = []
    out: list[Indicator] = []
    seen: set[str] = set()
    for path in sorted(indicators_dir.rglob("*.yml")):
        rel = str(path.relative_to(indicators_dir.parent.parent))
        try:
            decl = yaml.safe_load(path.read_text(encoding="utf-8"))
            assert isinstance(decl, dict), "het bestand bevat geen declaratie"
        except Exception as exc:
            problems.append(Problem(rel, None, None, "invalid-indicator", f"kan de declaratie niet lezen: {exc}"))
            continue
        found = [Problem(rel, None, key, "invalid-indicator", f"verplicht veld '{key}' ontbreekt") for key in REQUIRED if key not in decl]
        if decl.get("id") and decl["id"] != path.stem:
            found.append(Problem(rel, None, "id", "invalid-indicator", f"id '{decl['id']}' moet gelijk zijn aan de bestandsnaam '{path.stem}'"))
        if decl.get("id") in seen:
            found.append(Problem(rel, None, "id", "invalid-indicator", f"id '{decl['id']}' komt twee keer voor"))
        if "thema" in decl and decl["thema"] not in themes:
            found.append(Problem(rel, None, "thema", "invalid-indicator", f"thema '{decl['thema']}' bestaat niet (zie build_data/themes.yml)"))
        if "niveau" in decl and decl["niveau"] not in LEVELS:
            found.append(Problem(rel, None, "niveau", "invalid-indicator", f"niveau '{decl['niveau']}' is niet landelijk of regionaal"))
        for kind in decl.get("grafieken", []) or []:
            if kind not in CHART_KINDS:
                found.append(Problem(rel, None, "grafieken", "invalid-indicator", f"grafieksoort '{kind}' bestaat niet ({', '.join(sorted(CHART_KINDS))})"))
        bron = decl.get("bron") or {}
        package = catalog.packages.get(bron.get("pakket", ""))
        if "bron" in decl and package is None:
            found.append(Problem(rel, None, "bron.pakket", "unknown-source", f"datapakket '{bron.get('pakket')}' bestaat niet"))
        elif package is not None:
            for key in ("maat", "verandering"):
                if bron.get(key) and bron[key] not in package.measures.index:
                    found.append(Problem(rel, None, f"bron.{key}", "unknown-source", f"maat '{bron[key]}' staat niet in {package.name}/data/maten.csv"))
        if found:
            problems += found
            continue
        seen.add(decl["id"])
        measure = package.measures.loc[bron["maat"]]
        obs = package.observations
        data = obs[obs.maat == bron["maat"]].copy()
        change = obs[obs.maat == bron.get("verandering", "")].copy()
        # One figure from several publications: the newest is shown, the others become its history.
        data, change = revisions.apply(data, package), revisions.apply(change, package)
        compute_py = path.with_suffix(".py")
        if compute_py.exists():
            spec = importlib.util.spec_from_file_location(f"indicator_{path.stem}", compute_py)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            computed = revisions.computed(module.compute(data, catalog))
            refused = derive.check_no_recovery(str(Path(rel).with_suffix(".py")), data, computed)
            if refused:  # disclosure control: never show a figure the source withheld
                problems += refused
                continue
            data = computed
        if data.empty:
            problems.append(Problem(rel, None, "bron.maat", "empty-indicator", f"maat '{bron['maat']}' heeft geen rijen in {package.name}"))
            continue
        out.append(Indicator(
            id=decl["id"], thema=themes[decl["thema"]], niveau=decl["niveau"],
            titel=decl.get("titel") or measure.naam, eenheid=decl.get("eenheid") or measure.eenheid,
            definitie=decl.get("definitie") or measure.definitie, tekst=decl["tekst"],
            grafieken=list(decl["grafieken"]), pakket=package.name, maat=bron["maat"],
            volgorde=int(decl.get("volgorde", 1000)), file=rel, data=data, verandering=change,
            zie_ook=list(decl.get("zie_ook") or []),
        ))
    out.sort(key=lambda i: ([t for t in themes].index(i.thema.slug), i.volgorde, i.id))
    ids = {i.id for i in out}
    for ind in out:
        for other in ind.zie_ook:
            if other not in ids:
                problems.append(Problem(ind.file, None, "zie_ook", "invalid-indicator", f"indicator '{other}' bestaat niet"))
    return out, problems
