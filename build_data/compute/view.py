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
    """The publications the indicator's values come from (provenance travels with the rows: each
    row names its package and source, e.g. a publication or a StatLine table)."""
    frames = [f for f in (ind.data, ind.verandering) if len(f)]
    used = list(dict.fromkeys((p or ind.pakket, b) for f in frames for p, b in zip(f.get("pakket", [ind.pakket] * len(f)), f.bron)))
    out = []
    for pakket, name in used:
        package = catalog.packages[pakket]
        src = package.sources[name]
        places = sorted({v for f in frames for v, b in zip(f.vindplaats, f.bron) if b == name})
        out.append({
            "naam": name,
            "titel": src.get("title", ""),
            # the address of the publication or StatLine table, where the package records one (never guessed)
            "adres": src["path"] if str(src.get("path", "")).startswith(("https://", "http://")) else "",
            "uitgever": src.get("publisher", package.descriptor.get("publisher", "")),
            "vindplaatsen": places,
            "pakket": package.name,
            "pakket_titel": package.title,
            "licentie": ", ".join(lic.get("name", "") for lic in package.licenses),
        })
    return out


def regional_periods(ind: Indicator) -> list[str]:
    """Every period in which a region below Nederland has a value, oldest first (a year after its halves)."""
    regional = ind.data[ind.data.regio_code.str.startswith(REGIONAL_PREFIXES) & ind.data.waarde_num.notna()]
    return sorted(set(regional.periode), key=periods.sort_key)


def latest_regional_period(ind: Indicator) -> str | None:
    """The latest period in which a region below Nederland has a value."""
    found = regional_periods(ind)
    return found[-1] if found else None


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
    periods_regional: list[str] = field(default_factory=list)  # every period with regional figures, oldest first
    _positions: dict[str, dict] = field(default_factory=dict, repr=False)  # period -> positions (made on first use)
    _at: dict[str, dict] = field(default_factory=dict, repr=False)  # period -> area code -> record

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

    def positions_in(self, period: str) -> dict[str, dict]:
        """Rank and share of every region in one period (the latest: `positions`)."""
        if period == self.latest_regional:
            return self.positions
        if period not in self._positions:
            self._positions[period] = ranks.positions(self.records, period, self.eenheid)
        return self._positions[period]

    def at(self, period: str) -> dict[str, dict]:
        """Per area its first record of one period without category or group."""
        if period == self.latest_regional:
            return self.at_latest
        if period not in self._at:
            self._at[period] = _first_per_area(self.records, period)
        return self._at[period]

    def latest_for(self, code: str) -> str | None:
        """The latest period with regional figures in which the area has a record: the latest
        regional period, or for a region that no longer exists its last one (of the same length
        as the latest: a half-year when the latest is one)."""
        half = periods.is_half_year(self.latest_regional) if self.latest_regional else False
        ordered = sorted(self.periods_regional, key=lambda p: (periods.is_half_year(p) == half, periods.sort_key(p)))
        for period in reversed(ordered):
            if code in self.at(period):
                return period
        return None

    def spec(self, kind: str, make) -> dict:
        """The chart spec of one kind, made on first use."""
        if kind not in self.specs:
            self.specs[kind] = make()
        return self.specs[kind]


SITE_TITLE = "Impactmonitor aanpak huiselijk geweld en kindermishandeling"


def citation(view: View) -> str:
    """The suggested citation of an indicator's figures: its title, the periods that have a value,
    the sources with their places, then this site (the reader adds the date of consulting)."""
    valued = sorted({r["periode"] for r in view.records if r["waarde"] is not None}, key=periods.sort_key)
    span = "" if not valued else periods.label(valued[0]) if len(valued) == 1 else f"{periods.label(valued[0])} tot en met {periods.label(valued[-1])}"
    where = "; ".join(s["titel"] + (f" ({', '.join(s['vindplaatsen'])})" if s["vindplaatsen"] else "") for s in view.sources)
    return (f"{view.titel}" + (f", {span}" if span else "") + f". Bron: {where}. "
            f"Via {SITE_TITLE}, indicator '{view.id}', geraadpleegd op [datum].")


def _first_per_area(recs: list[dict], period: str | None) -> dict[str, dict]:
    at: dict[str, dict] = {}
    for r in recs:
        if r["periode"] == period and not r["categorie"] and not r["groep"]:
            at.setdefault(r["regio_code"], r)
    return at


def make_view(ind: Indicator, catalog: Catalog) -> View:
    recs = records(ind, catalog)
    found = regional_periods(ind)
    period = found[-1] if found else None
    return View(ind, recs, records(ind, catalog, ind.verandering), sources(ind, catalog), period,
                ranks.positions(recs, period, ind.eenheid), _first_per_area(recs, period), periods_regional=found)


def _valued(inds: list[Indicator]):
    """(source title, period, sign, region code) of every figure with a value (not a symbol for a
    missing one), values and changes alike."""
    for ind in inds:
        for frame in (ind.data, ind.verandering):
            if frame.empty:
                continue
            ok = frame.waarde_num.notna()
            yield from zip(frame.bron_titel[ok], frame.periode[ok], frame.teken[ok], frame.regio_code[ok])


def _latest_label(pairs) -> str:
    """The label of the latest period among (period, sign) pairs, with '*' when a figure of it is provisional."""
    pairs = list(pairs)
    if not pairs:
        return ""
    latest = max((p for p, _ in pairs), key=periods.sort_key)
    signs = {t for p, t in pairs if p == latest}
    return periods.label(latest, "*" if "*" in signs else "**" if "**" in signs else "")


def data_until(inds: list[Indicator]) -> str:
    """The latest period of any figure on the site (a value, not a symbol for a missing one), as
    its Dutch label: '1e halfjaar 2020*' when a figure of that period is provisional."""
    return _latest_label((p, t) for _, p, t, _ in _valued(inds))


def data_until_by_level(inds: list[Indicator]) -> dict[str, str]:
    """The latest period with a figure nationally (Nederland) and regionally (any other area):
    {'landelijk': '2022', 'regionaal': '2e halfjaar 2019*'}; a level without figures is left out."""
    rows = list(_valued(inds))
    out = {level: _latest_label((p, t) for _, p, t, code in rows if (code == "NL01") == national)
           for level, national in (("landelijk", True), ("regionaal", False))}
    return {level: label for level, label in out.items() if label}


def data_until_by_source(inds: list[Indicator]) -> list[dict]:
    """Per source (publication or StatLine table), in the order first shown: its latest period with a
    figure nationally and regionally ({'bron', 'landelijk', 'regionaal'}; '' where it has none)."""
    found: dict[str, dict[str, list]] = {}
    for src, p, t, code in _valued(inds):
        found.setdefault(src, {"landelijk": [], "regionaal": []})["landelijk" if code == "NL01" else "regionaal"].append((p, t))
    return [{"bron": src, "landelijk": _latest_label(lv["landelijk"]), "regionaal": _latest_label(lv["regionaal"])}
            for src, lv in found.items()]


def figures_present(view: View) -> dict:
    """What an indicator's figures actually hold (a value, not a symbol for a missing one), per
    level: national and regional figures, and a time series (two half-years or more of one area)."""
    valued = [r for r in view.records + view.change if r["waarde"] is not None]
    national = [r for r in valued if r["regio_code"] == "NL01"]
    regional = [r for r in valued if r["regio_code"] != "NL01"]

    def series(recs):
        by_area: dict[str, set] = {}
        for r in recs:
            if periods.is_half_year(r["periode"]):
                by_area.setdefault(r["regio_code"], set()).add(r["periode"])
        return any(len(p) > 1 for p in by_area.values())

    levels = [name for name, recs in (("landelijk", national), ("per regio", regional)) if series(recs)]
    return {"national": bool(national), "regional": bool(regional), "series": " en ".join(levels),
            "available": bool(valued)}


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
