"""Indicators: one small YAML declaration each, in indicators/<theme>/<id>.yml, optionally with a
same-named .py that defines `compute(frame, catalog) -> frame` for anything beyond selecting a
measure. The computed frame keeps the provenance columns of the observations it came from."""

from __future__ import annotations

import difflib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from . import derive, periods, revisions
from .datapackages import Catalog
from .problems import Problem, syntax_error
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


KNOWN = REQUIRED + ("titel", "eenheid", "definitie", "volgorde", "zie_ook")
KNOWN_SOURCE = ("pakket", "maat", "verandering")


def declarations_dir(root: Path | None = None) -> Path:
    """root/build_data/indicators when that root has declarations (a copy to test or break),
    else the declarations next to this module."""
    if root is not None and (Path(root) / "build_data" / "indicators").is_dir():
        return Path(root) / "build_data" / "indicators"
    return HERE / "indicators"


def declared_ids(root: Path | None = None) -> set[str]:
    """The id of every declaration file, valid or not (an id is its file name)."""
    return {p.stem for p in declarations_dir(root).rglob("*.yml")}


def _lines(text: str) -> dict[str, int]:
    """Line (from 1) of each top-level key and of each key below `bron` ('bron.maat')."""
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    lines = {}
    for key, value in getattr(node, "value", []) if isinstance(node, yaml.MappingNode) else []:
        lines[key.value] = key.start_mark.line + 1
        if isinstance(value, yaml.MappingNode):
            for sub, _ in value.value:
                lines[f"{key.value}.{sub.value}"] = sub.start_mark.line + 1
    return lines


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f"; bedoel je {close[0]!r}?" if close else ""


def _rows_of(package, measure: str):
    """A copy of the package's rows of one measure, in file order. The rows are grouped by measure
    once per package (comparing every row for every indicator grew with indicators x rows)."""
    obs = package.observations
    groups = package.__dict__.get("_rows_by_measure")
    if groups is None:
        groups = package.__dict__["_rows_by_measure"] = obs.groupby("maat", sort=False).indices if "maat" in obs else {}
    return obs.iloc[groups.get(measure, [])].copy()


def load_indicators(catalog: Catalog, root: Path | None = None) -> tuple[list[Indicator], list[Problem]]:
    """Every declaration below declarations_dir(root or catalog.root), checked and computed.

    A declaration whose package could not be read is not reported again (its descriptor is), and
    an indicator of a package with errors is not computed: its rows are not to be trusted yet."""
    indicators_dir = declarations_dir(root or catalog.root)
    base = indicators_dir.parent.parent
    themes = {t.slug: t for t in load_themes()}
    problems: list[Problem] = []
    out: list[Indicator] = []
    seen: set[str] = set()
    declared = declared_ids(root or catalog.root)
    for path in sorted(indicators_dir.rglob("*.yml")):
        rel = str(path.relative_to(base))
        try:
            text = path.read_text(encoding="utf-8")
            decl = yaml.load(text, Loader=yaml.CSafeLoader)
            lines = _lines(text)
        except yaml.YAMLError as exc:
            line, message = syntax_error(exc, text)
            problems.append(Problem(rel, line, None, "invalid-indicator", message))
            continue
        except UnicodeDecodeError:
            problems.append(Problem(rel, None, None, "encoding-error", "het bestand is geen UTF-8; sla het op als UTF-8"))
            continue
        if not isinstance(decl, dict):
            problems.append(Problem(rel, None, None, "invalid-indicator", "het bestand bevat geen declaratie ('sleutel: waarde')"))
            continue
        found = []
        meant = set()
        for key in decl:
            if key not in KNOWN:
                hint = _suggest(key, KNOWN)
                meant |= {k for k in KNOWN if hint.endswith(f"{k!r}?")}
                found.append(Problem(rel, lines.get(key), str(key), "invalid-indicator", f"onbekend veld {key!r}{hint}"))
        bron = decl.get("bron") if isinstance(decl.get("bron"), dict) else {}
        for key in bron:
            if key not in KNOWN_SOURCE:
                found.append(Problem(rel, lines.get(f"bron.{key}"), f"bron.{key}", "invalid-indicator",
                                     f"onbekend veld {key!r} onder bron{_suggest(key, KNOWN_SOURCE)}"))
        found += [Problem(rel, None, key, "invalid-indicator", f"verplicht veld '{key}' ontbreekt") for key in REQUIRED
                  if key not in decl and key not in meant]
        if decl.get("id") and decl["id"] != path.stem:
            found.append(Problem(rel, lines.get("id"), "id", "invalid-indicator", f"id '{decl['id']}' moet gelijk zijn aan de bestandsnaam '{path.stem}'"))
        if decl.get("id") in seen:
            found.append(Problem(rel, lines.get("id"), "id", "invalid-indicator", f"id '{decl['id']}' komt twee keer voor"))
        if "thema" in decl and decl["thema"] not in themes:
            found.append(Problem(rel, lines.get("thema"), "thema", "invalid-indicator",
                                 f"thema '{decl['thema']}' bestaat niet (zie build_data/themes.yml){_suggest(decl['thema'], themes)}"))
        if "niveau" in decl and decl["niveau"] not in LEVELS:
            found.append(Problem(rel, lines.get("niveau"), "niveau", "invalid-indicator", f"niveau '{decl['niveau']}' is niet landelijk of regionaal"))
        for kind in decl.get("grafieken", []) or []:
            if kind not in CHART_KINDS:
                found.append(Problem(rel, lines.get("grafieken"), "grafieken", "invalid-indicator",
                                     f"grafieksoort '{kind}' bestaat niet ({', '.join(sorted(CHART_KINDS))}){_suggest(kind, CHART_KINDS)}"))
        package = catalog.packages.get(bron.get("pakket", ""))
        if bron.get("pakket") in catalog.failed:
            package = None  # its descriptor is reported; nothing to add here
        elif "bron" in decl and package is None:
            found.append(Problem(rel, lines.get("bron.pakket", lines.get("bron")), "bron.pakket", "unknown-source",
                                 f"datapakket {bron.get('pakket')!r} bestaat niet{_suggest(bron.get('pakket'), catalog.packages)}"))
        elif package is not None and not package.measures.empty:
            for key in ("maat", "verandering"):
                if bron.get(key) and bron[key] not in package.measures.index:
                    found.append(Problem(rel, lines.get(f"bron.{key}"), f"bron.{key}", "unknown-source",
                                         f"maat {bron[key]!r} staat niet in {package.name}/data/maten.csv{_suggest(bron[key], package.measures.index)}"))
        if found:
            problems += found
            continue
        if package is None or package.name in catalog.broken:
            continue  # no trustworthy rows: the package's own problems say why
        seen.add(decl["id"])
        measure = package.measures.loc[bron["maat"]]
        data, change = _rows_of(package, bron["maat"]), _rows_of(package, bron.get("verandering", ""))
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
    for ind in out:
        for other in ind.zie_ook:
            if other not in declared:
                problems.append(Problem(ind.file, None, "zie_ook", "invalid-indicator", f"indicator '{other}' bestaat niet"))
    return out, problems
