"""One view per indicator, made once per build: everything a page shows of an indicator, ready to
format. Pages, profiles, downloads and macros read views; they never fetch or compute.

A view holds the indicator's records (one per region, period and category, with provenance and
Dutch-formatted values), the records of its change figures, the publications they come from,
its periods, the latest period with regional figures, the positions of the regions then (rank,
share) and per area its record of that period. Chart specs are made once per view and kind
(`spec`), since a theme page, an indicator page and an embed page show the same chart."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import periods
from ..model.catalog import Catalog
from ..model.indicator import Indicator
from ..model.regions import REGIONAL_PREFIXES, is_municipality, is_regional
from . import ranks
from .charts.profiel import profiel
from .outputs import records


def sources(ind: Indicator, catalog: Catalog) -> list[dict]:
    """The publications the indicator's values come from (provenance travels with the rows)."""
    package = catalog.packages[ind.pakket]
    used = list(dict.fromkeys(list(ind.data.bron) + list(ind.verandering.bron)))
    out = []
    for name in used:
        src = package.sources[name]
        places = sorted(set(ind.data[ind.data.bron == name].vindplaats) | set(ind.verandering[ind.verandering.bron == name].vindplaats))
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


def latest_regional_period(ind: Indicator) -> str | None:
    """The latest period in which a region below Nederland has a value."""
    regional = ind.data[ind.data.regio_code.str.startswith(REGIONAL_PREFIXES) & ind.data.waarde_num.notna()]
    return max(set(regional.periode), key=periods.sort_key) if len(regional) else None


@dataclass(eq=False)  # a view is itself: comparing would compare frames of figures
class View:
    ind: Indicator
    records: list[dict]
    change: list[dict]  # records of the change figures (verandering), if any
    sources: list[dict]
    latest_regional: str | None
    positions: dict[str, dict]  # region code -> rank and share in latest_regional
    at_latest: dict[str, dict]  # area code -> its first record of latest_regional without category or group
    specs: dict[str, dict] = field(default_factory=dict)  # chart kind -> compiled Vega spec

    # The declaration's fields, as pages name them.
    id = property(lambda self: self.ind.id)
    titel = property(lambda self: self.ind.titel)
    eenheid = property(lambda self: self.ind.eenheid)
    thema = property(lambda self: self.ind.thema)
    niveau = property(lambda self: self.ind.niveau)
    definitie = property(lambda self: self.ind.definitie)
    tekst = property(lambda self: self.ind.tekst)
    grafieken = property(lambda self: self.ind.grafieken)
    pakket = property(lambda self: self.ind.pakket)
    maat = property(lambda self: self.ind.maat)
    zie_ook = property(lambda self: self.ind.zie_ook)
    regional = property(lambda self: self.ind.regional)
    periods = property(lambda self: self.ind.periods)

    def spec(self, kind: str, make) -> dict:
        """The chart spec of one kind, made on first use."""
        if kind not in self.specs:
            self.specs[kind] = make()
        return self.specs[kind]


def make_view(ind: Indicator, catalog: Catalog) -> View:
    recs = records(ind, catalog)
    period = latest_regional_period(ind)
    at: dict[str, dict] = {}
    for r in recs:
        if r["periode"] == period and not r["categorie"] and not r["groep"]:
            at.setdefault(r["regio_code"], r)
    return View(ind, recs, records(ind, catalog, ind.verandering), sources(ind, catalog), period,
                ranks.positions(recs, period, ind.eenheid), at)


def data_until(inds: list[Indicator]) -> str:
    """The latest period of any figure on the site (a value, not a symbol for a missing one), as
    its Dutch label: '1e halfjaar 2020*' when a figure of that period is provisional."""
    rows = {(p, t) for ind in inds for frame in (ind.data, ind.verandering) if not frame.empty
            for p, t in zip(frame.periode[frame.waarde_num.notna()], frame.teken[frame.waarde_num.notna()])}
    if not rows:
        return ""
    latest = max((p for p, _ in rows), key=periods.sort_key)
    signs = {t for p, t in rows if p == latest}
    return periods.label(latest, "*" if "*" in signs else "**" if "**" in signs else "")


def revised(views: list[View]) -> list[dict]:
    """Every revised figure on the site, in site order: indicator, record (shown value) and its history."""
    out = []
    for view in views:
        for kind, frame, recs in (("waarde", view.ind.data, view.records), ("verandering", view.ind.verandering, view.change)):
            if "herzien" not in frame.columns:
                continue
            for rec in recs:
                if rec.get("herzien"):
                    out.append({"indicator": view, "soort": kind, "record": rec})
    return out


def regional(views: list[View]) -> list[View]:
    """The views of indicators with regional figures."""
    return [v for v in views if v.regional and v.latest_regional]


def shares_chart(views: list[View]) -> tuple[dict, list[dict]] | None:
    """The dot chart of every region's share of the national total per count indicator: made once,
    shown on every profile (the page sets the region)."""
    dots, order, label = [], [], ""
    for ind in regional(views):
        if ind.eenheid != "aantal":
            continue
        recs, period, pos = ind.records, ind.latest_regional, ind.positions
        nl = next((r for r in recs if r["periode"] == period and r["regio_code"] == "NL01" and not r["categorie"]), None)
        label = periods.label(period, nl["teken"] if nl else "")
        order.append(ind.titel)
        for r in recs:
            if r["periode"] == period and is_regional(r["regio_code"]) and not is_municipality(r["regio_code"]) \
                    and r["waarde"] is not None and not r["categorie"]:
                q = pos[r["regio_code"]]
                dots.append({"indicator": ind.titel, "regio_slug": r["regio_slug"], "regio_naam": r["regio_naam"],
                             "waarde_tekst": r["waarde_tekst"], "aandeel": q["aandeel"], "aandeel_tekst": q["aandeel_tekst"],
                             "periode_label": label})
    if not dots:
        return None
    return profiel(dots, order, label), dots
