"""The map of the Veilig Thuis regions, drawn at build time as inline SVG.

Real boundaries when the regions package holds them for the period's year (CBS/PDOK
gebiedsindelingen, fetched by scripts/fetch_geometry.py); otherwise the schematic tile map kept in
the package (data/tegelkaart.csv), so the site always has a map. Every region is a focusable
element (keyboard: Tab, Enter or Space selects it; the page script does the rest) with its value
in its accessible name and tooltip. Colours are one neutral blue ramp: darker means a larger
number, not a worse one."""

from __future__ import annotations

import hashlib

from markupsafe import Markup

from ..model import formatting, periods, symbols
from ..model.regions import Regions, Tile
from .html import render

RAMP = ["#e3ecf6", "#bcd0e8", "#86a9d2", "#4a79ad", "#1d4f86"]  # light to dark; text turns white on the two darkest
MISSING = "#f4f4f4"
TILE_W, TILE_H, GAP = 112, 58, 4


def classes(values: list[float], n: int = len(RAMP)) -> list[float]:
    """Upper bounds of up to n classes with (about) equal numbers of regions (quantiles of the
    published values; no value is changed). Duplicate bounds collapse."""
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return []
    bounds = []
    for i in range(1, n + 1):
        b = vals[min(len(vals) - 1, max(0, round(i * len(vals) / n) - 1))]
        if not bounds or b > bounds[-1]:
            bounds.append(b)
    return bounds


def class_of(value, bounds: list[float]) -> int | None:
    if value is None:
        return None
    for i, b in enumerate(bounds):
        if value <= b:
            return i
    return len(bounds) - 1


def _colour(i: int | None, n: int) -> str:
    if i is None:
        return MISSING
    # spread the classes over the ramp when there are fewer than five
    return RAMP[round(i * (len(RAMP) - 1) / max(n - 1, 1))] if n > 1 else RAMP[2]


def _dark(colour: str) -> bool:
    return colour in RAMP[3:]


def legend(bounds: list[float], unit: str, decimals: int, has_missing: bool) -> list[dict]:
    """The legend's items (colour, text), light to dark; 'geen cijfer' last when a region has none."""
    def fmt(v):
        return formatting.value(v, unit, decimals=decimals)
    items = [{"colour": _colour(i, len(bounds)),
              "text": f"t/m {fmt(b)}" if i == 0 else f"meer dan {fmt(bounds[i - 1])} t/m {fmt(b)}"}
             for i, b in enumerate(bounds)]
    if has_missing:
        items.append({"colour": MISSING, "text": "geen cijfer"})
    return items


def _tile_regions(regions: Regions, period: str | None) -> list[tuple[object, Tile]]:
    out = []
    for region in regions.regional(period):
        tile = regions.tiles.get(region.code)
        if tile:
            out.append((region, tile))
    return out


def source_of_shapes(regions: Regions, period: str | None) -> tuple[str, dict | None]:
    """('grenzen', shapes) when real boundaries of the period's year cover exactly the regions of
    the period; else ('tegels', None)."""
    if period:
        wanted = {r.code for r in regions.vt_regions(period)}
        (first, _), (last, _) = periods.span(period)
        # boundaries of a year the period covers (latest first), with exactly the period's regions
        for year in sorted(regions.geometries, reverse=True):
            if first <= year <= last:
                shapes = regions.geometries[year]
                if set(shapes) == wanted:
                    return "grenzen", {"jaar": year, "vormen": shapes}
    return "tegels", None


def _label(region, short: str | None, rec: dict | None, with_values: bool) -> str:
    """The region's accessible name (and tooltip)."""
    value, text = (rec.get("waarde"), rec.get("waarde_tekst")) if rec else (None, None)
    if short is not None:
        # one text element: the visible label reads 'Amsterdam-A. 5 820*'; the accessible name
        # starts with exactly that (WCAG 2.5.3 label in name) and adds the full name
        visible = f"{short} {text}" if text else short
        label = visible if short == region.naam else f"{visible} ({region.naam})"
    else:
        label = f"{region.naam}: {text}" if text else region.naam
    if with_values and not text:
        label += ": geen cijfer" if short is None else " (geen cijfer)"
    elif rec and value is None and symbols.meaning(rec.get("teken", "")):
        label += f" ({symbols.meaning(rec['teken'])})"  # 'Drenthe x (geheim)'; the map legend has no symbols
    return label


def region_map(regions: Regions, period: str | None, values: dict[str, dict] | None, *, title: str,
               unit: str = "aantal", decimals: int = 0, links: bool = False, selected: str | None = None) -> Markup:
    """An SVG map. values: region code -> record (waarde, waarde_tekst); None for a map without
    figures (region index). links=True makes each region a link to its profile page instead of a
    selector (for pages where choosing a region means going to its page)."""
    kind, geo = source_of_shapes(regions, period)
    prefix = "kaart-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]  # ids unique per map, stable per build
    entries = _tile_regions(regions, period) if kind == "tegels" else [
        (regions.by_code[c], None) for c in sorted(geo["vormen"])]
    bounds = classes([(values or {}).get(r.code, {}).get("waarde") for r, _ in entries]) if values else []
    if kind == "tegels":
        cols = max(t.kolom + t.breedte for _, t in entries)
        rows = max(t.rij + t.hoogte for _, t in entries)
        width, height = cols * (TILE_W + GAP), rows * (TILE_H + GAP)
        shapes = {}
        for region, t in entries:
            x, y = t.kolom * (TILE_W + GAP), t.rij * (TILE_H + GAP)
            w, h = t.breedte * (TILE_W + GAP) - GAP, t.hoogte * (TILE_H + GAP) - GAP
            shapes[region.code] = {"x": x, "y": y, "w": w, "h": h, "cx": x + w / 2, "cy": y + h / 2, "short": t.kort}
    else:
        from ..load.geometry import svg_paths
        width = 6 * (TILE_W + GAP)
        paths, labels, height = svg_paths(geo["vormen"], width)
        shapes = {c: {"d": paths[c], "cx": labels[c][0], "cy": labels[c][1], "short": None} for c in paths}
    items = []
    for region, _ in entries:
        shape = shapes[region.code]
        rec = (values or {}).get(region.code)
        value = rec.get("waarde") if rec else None
        text = rec.get("waarde_tekst") if rec else None
        colour = _colour(class_of(value, bounds), len(bounds)) if values is not None else RAMP[0]
        items.append({
            **shape, "id": f"{prefix}-{region.slug}", "slug": region.slug, "code": region.code,
            "label": _label(region, shape["short"], rec, values is not None),
            "chosen": selected == region.slug, "colour": colour, "ink": "#ffffff" if _dark(colour) else "#1a1a1a",
            "value": value, "text": text,
            "label_x": shape["cx"], "label_y": shape["cy"] - (5 if text else -4)})
    has_missing = values is not None and any(i["value"] is None for i in items)
    if kind == "tegels":
        note = ("Schematische kaart: elke tegel is een Veilig Thuis-regio, ongeveer op zijn plek in Nederland; "
                "de tegels zeggen niets over de oppervlakte of het aantal inwoners.")
    else:
        note = f"Kaart: CBS/PDOK, CBS Gebiedsindelingen {geo['jaar']}, Veilig Thuis-regio's (CC BY 4.0), vereenvoudigd."
    return render(
        "map/map.html", kind=kind, links=links, width=width, height=height, title=title,
        how="Elke regio is een link naar het regioprofiel." if links else "Kies een regio met de muis, of met Tab en Enter.",
        regions=items, outline=f"{prefix}-{selected}" if selected and any(r.slug == selected for r, _ in entries) else None,
        legend=legend(bounds, unit, decimals, has_missing) if values else None, note=note)
