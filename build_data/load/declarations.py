"""Indicator declarations: one small YAML file each, <root>/build_data/indicators/<theme>/<id>.yml
(build_data.load.content), checked field by field. Every problem names the file, the line and
the field. The chart kinds a declaration may name come from the registry of chart kinds
(build_data.compute.charts), handed in by the caller."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model.catalog import Catalog, Package
from ..model.indicator import Theme
from ..model.problems import Problem, syntax_error
from . import statline
from .content import Content

LEVELS = {"landelijk", "regionaal"}
REQUIRED = ("id", "thema", "niveau", "bron", "grafieken", "tekst")
KNOWN = REQUIRED + ("titel", "eenheid", "definitie", "volgorde", "zie_ook", "statline", "catalogus")
KNOWN_SOURCE = ("pakket", "maat", "verandering")


@dataclass
class Declaration:
    decl: dict
    rel: str  # the file, relative to the root
    path: Path
    package: Package


def load_themes(content: Content) -> list[Theme]:
    """The themes of themes.yml, in site order (none when the root has no such file)."""
    if not content.themes.is_file():
        return []
    return [Theme(**t) for t in yaml.safe_load(content.themes.read_text(encoding="utf-8"))]


def declared_ids(content: Content) -> set[str]:
    """The id of every declaration file, valid or not (an id is its file name)."""
    return {p.stem for p in content.indicators.rglob("*.yml")}


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


def read_declarations(catalog: Catalog, content: Content, themes: dict[str, Theme],
                      kinds: dict[str, tuple[str, ...]]) -> tuple[list[Declaration], list[Problem]]:
    """Every declaration below content.indicators that is valid and whose package can be trusted;
    `kinds` are the chart kinds with the levels each can show.

    A declaration whose package could not be read is not reported again (its descriptor is), and
    one of a package with errors is left out: its rows are not to be trusted yet."""
    base = content.root
    problems: list[Problem] = []
    out: list[Declaration] = []
    seen: set[str] = set()
    for path in sorted(content.indicators.rglob("*.yml")):
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
            if kind not in kinds:
                found.append(Problem(rel, lines.get("grafieken"), "grafieken", "invalid-indicator",
                                     f"grafieksoort '{kind}' bestaat niet ({', '.join(sorted(kinds))}){_suggest(kind, kinds)}"))
            elif decl.get("niveau") in LEVELS and decl["niveau"] not in kinds[kind]:
                found.append(Problem(rel, lines.get("grafieken"), "grafieken", "invalid-indicator",
                                     f"grafieksoort '{kind}' vraagt niveau {' of '.join(kinds[kind])}, de declaratie is {decl['niveau']}"))
        package = catalog.packages.get(bron.get("pakket", ""))
        if bron.get("pakket") == statline.PACKAGE and package is None and "statline" in decl and not found:
            continue  # an indicator backed by StatLine alone exists only when the package provides figures
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
        if not found and package is not None and not package.measures.empty:
            unit = package.measures.eenheid.get(bron.get("maat"), "") if bron.get("maat") else ""
            found += statline.check(decl, catalog, rel, lines.get, unit)  # inert without the StatLine package
        if "statline" not in decl and bron.get("pakket") == statline.PACKAGE and not bron.get("maat"):
            found.append(Problem(rel, lines.get("bron"), "bron.maat", "invalid-indicator", "bron.maat of een statline-blok ontbreekt"))
        if any(p.severity == "error" for p in found):
            problems += found
            continue
        problems += found  # warnings only (a StatLine table not fetched): the declaration stands
        if package is None or package.name in catalog.broken:
            continue  # no trustworthy rows: the package's own problems say why
        seen.add(decl["id"])
        out.append(Declaration(decl, rel, path, package))
    return out, problems
