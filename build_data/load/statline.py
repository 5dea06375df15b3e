"""The `statline:` block of an indicator declaration: which StatLine table, topic and categories
back the indicator, resolved against the package datapackages/cbs-statline-veilig-thuis (written
by the StatLine fetcher). Without that package the block is inert: nothing is checked and the
indicator is built from the publications alone.

    statline:
      tabel: 84847NED
      maat: Ontvangen meldingen      # topic by title (maten.csv naam or titel, case and spacing ignored) or key
      dimensie: Veiligheidstaxatie   # only with categorieen or categorie
      categorieen: {acuut: Acute onveiligheid}   # publication category -> StatLine category (title or key)
      categorie: Eerder betrokken    # or: the one category of `dimensie` that is the indicator's figure

Any other extra dimension of the table is taken at its total (the category whose title starts
with 'Totaal'). In the package a row's `categorie` is the key in the table's first extra
dimension and `groep` the keys of any further ones joined with '+', in the order categorieen.csv
lists the dimensions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.catalog import Catalog, Package
from ..model.problems import Problem

PACKAGE = "cbs-statline-veilig-thuis"
KNOWN = ("tabel", "maat", "dimensie", "categorieen", "categorie")


@dataclass
class Resolved:
    """A declaration's StatLine block as found in the package."""
    tabel: str
    maat: str  # the package's measure, e.g. '84847NED.OntvangenMeldingen_2'
    titel: str  # its StatLine title
    eenheid: str
    dimensions: list[str]  # the table's extra dimensions of this measure, in package order
    # per dimension (by position): the StatLine key to keep -> the publication category ('' = no category)
    keep: list[dict[str, str]] = field(default_factory=list)


def _norm(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def package(catalog: Catalog) -> Package | None:
    return catalog.packages.get(PACKAGE)


def _find_measure(pkg: Package, tabel: str, wanted: str) -> list:
    """The topics of the table that `wanted` names: by key, by 'Group: Title' (naam) or by title."""
    m = pkg.measures
    rows = m[m.get("tabel", "") == tabel] if "tabel" in m else m.iloc[0:0]
    w = _norm(wanted)
    exact = [r for r in rows.itertuples(index=False)
             if w in {_norm(getattr(r, "naam", "")), _norm(getattr(r, "statline_key", "")), _norm(r.maat)}]
    if exact:
        return exact
    # by its title alone ('titel', or the last part of 'Group: Title')
    return [r for r in rows.itertuples(index=False)
            if w in {_norm(getattr(r, "titel", "")), _norm(str(getattr(r, "naam", "")).rpartition(":")[2])}]


def _category(options: list[tuple[str, str]], wanted: str) -> str | None:
    w = _norm(wanted)
    return next((key for key, name in options if w in (_norm(key), _norm(name))), None)


def resolve(block, pkg: Package, rel: str, line_of, eenheid: str = "") -> tuple[Resolved | None, list[Problem]]:
    """The block resolved against the package, or None with the problems (file, line, field)."""
    def problem(key, message, severity="error"):
        return Problem(rel, line_of(f"statline.{key}") or line_of("statline"), f"statline.{key}" if key else "statline",
                       "unknown-source", message, severity)

    if not isinstance(block, dict):
        return None, [problem("", "statline moet velden hebben: tabel, maat (en eventueel dimensie, categorieen)")]
    found = [problem(k, f"onbekend veld {k!r} onder statline ({', '.join(KNOWN)})") for k in block if k not in KNOWN]
    tabel, wanted = str(block.get("tabel") or ""), block.get("maat")
    tables = sorted(set(pkg.measures.get("tabel", [])))
    if tabel not in tables:
        # a warning: a fetch of some tables only (--table) keeps the others' indicators on the publications
        return None, found + [problem("tabel", f"tabel {tabel!r} staat niet in {PACKAGE} ({', '.join(tables) or 'geen tabellen'}); "
                                               "de indicator toont alleen de publicaties", "warning")]
    matches = _find_measure(pkg, tabel, wanted)
    if len(matches) != 1:
        names = [str(r.naam) for r in pkg.measures[pkg.measures.tabel == tabel].itertuples(index=False)]
        what = "staat niet in" if not matches else "is niet eenduidig in (noem 'Groep: Titel' of de key)"
        return None, found + [problem("maat", f"onderwerp {wanted!r} {what} StatLine-tabel {tabel} ({'; '.join(names)})")]
    row = matches[0]
    if eenheid and row.eenheid != eenheid:
        found.append(problem("maat", f"onderwerp {wanted!r} van tabel {tabel} is een {row.eenheid}, de indicator een {eenheid}"))
    cats = pkg.categories[pkg.categories.maat == row.maat]
    dims = list(dict.fromkeys(cats.get("dimensie", [])))
    options = {d: [(c, n) for c, n in zip(cats.categorie[cats.dimensie == d], cats.naam[cats.dimensie == d])] for d in dims}
    keep: list[dict[str, str]] = []
    chosen = next((d for d in dims if _norm(d) == _norm(block.get("dimensie"))), block.get("dimensie"))
    if (block.get("categorieen") or block.get("categorie")) and chosen not in dims:
        found.append(problem("dimensie", f"dimensie {chosen!r} bestaat niet bij {tabel} {row.titel if hasattr(row, 'titel') else wanted} "
                                         f"({', '.join(dims) or 'geen dimensies'})"))
    for d in dims:
        if d == chosen and block.get("categorieen"):
            mapping = {}
            for ours, theirs in dict(block["categorieen"]).items():
                key = _category(options[d], theirs)
                if key is None:
                    found.append(problem("categorieen", f"categorie {theirs!r} bestaat niet in dimensie {d} "
                                                        f"({'; '.join(n for _, n in options[d])})"))
                else:
                    mapping[key] = str(ours)
            keep.append(mapping)
        elif d == chosen and block.get("categorie"):
            key = _category(options[d], block["categorie"])
            if key is None:
                found.append(problem("categorie", f"categorie {block['categorie']!r} bestaat niet in dimensie {d}"))
            keep.append({key: ""} if key else {})
        else:
            total = next((k for k, n in options[d] if _norm(n).startswith("totaal")), None)
            if total is None:
                found.append(problem("dimensie", f"dimensie {d} van {tabel} heeft geen categorie 'Totaal…': noem de categorie"))
            keep.append({total: ""} if total else {})
    if any(p.severity == "error" for p in found):
        return None, found
    return Resolved(tabel, row.maat, str(getattr(row, "titel", "") or row.naam), row.eenheid, dims, keep), found


def check(decl: dict, catalog: Catalog, rel: str, line_of, eenheid: str = "") -> list[Problem]:
    """The problems of a declaration's statline block; none when the package is absent (inert)."""
    pkg = package(catalog)
    if "statline" not in decl or pkg is None or PACKAGE in catalog.broken:
        return []
    return resolve(decl["statline"], pkg, rel, line_of, eenheid)[1]
