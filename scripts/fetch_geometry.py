#!/usr/bin/env python3
"""Fetch the boundaries of the Veilig Thuis regions of one or more years from CBS/PDOK
(CBS Gebiedsindelingen, layer veiligthuisregio, generalised; CC BY 4.0), simplify them and write
them into the regions data package: datapackages/regions/data/kaart/veiligthuisregio_<jaar>.geojson.

    python scripts/fetch_geometry.py --jaar 2020 --jaar 2023
    python scripts/fetch_geometry.py --jaar 2020 --bron pad/naar/bestand.geojson   (no network: a local file)

The build then draws the real shapes on the map of every period in that year; without such a file
it draws the schematic tile map. Every year asked for is checked before anything is written (every
region of the year present, codes known, polygons valid): one problem and nothing is written. Files
are written atomically; the same input gives the same bytes. The resource is added to
datapackages/regions/datapackage.yaml once.

Needs network access to api.pdok.nl (not available on the build machines of this project: the
tests run this script on a geometry file they make)."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from build_data.load.geometry import (  # noqa: E402
    GEOMETRY_DIR,
    load_geometries,
    polygons_of,
    simplify,
)
from build_data.load.packages import read_regions  # noqa: E402
from build_data.model.problems import Problem, format_table  # noqa: E402
from build_data.site.write import write_atomic  # noqa: E402

API = "https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1"
COLLECTION = "veiligthuisregio_gegeneraliseerd"
RD_NEW = "http://www.opengis.net/def/crs/EPSG/0/28992"
CODE_KEYS = ("statcode", "code", "statistischeCode")
NAME_KEYS = ("statnaam", "naam")


def items_url(year: int) -> str:
    query = urllib.parse.urlencode({"f": "json", "jaarcode": year, "crs": RD_NEW, "limit": 1000})
    return f"{API}/collections/{COLLECTION}/items?{query}"


def read_features(source: str) -> list[dict]:
    """Features from a local file (path or file:// URL) or from the OGC API, following rel=next."""
    if source.startswith("file://"):
        source = urllib.request.url2pathname(urllib.parse.urlparse(source).path)
    if not source.startswith(("http://", "https://")):
        return _features(json.loads(Path(source).read_text(encoding="utf-8")), source)
    features, url, seen = [], source, set()
    while url and url not in seen:
        seen.add(url)
        request = urllib.request.Request(url, headers={"Accept": "application/geo+json, application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            page = json.load(response)
        features += _features(page, url)
        href = next((link.get("href") for link in page.get("links") or [] if link.get("rel") == "next"), None)
        url = urllib.parse.urljoin(url, href) if href else None
    return features


def _features(doc, source: str) -> list:
    if not isinstance(doc, dict) or not isinstance(doc.get("features", []), list):
        raise ValueError(f"{source} is geen GeoJSON FeatureCollection")
    return doc.get("features", [])


def first(props: dict, keys) -> str:
    return next((str(props[k]).strip() for k in keys if props.get(k) not in (None, "")), "")


def of_year(features: list[dict], year: int) -> list[dict]:
    """The features of one year: a feature that names another year in `jaarcode` is left out (in case
    the server ignores the query parameter, or a local file holds several years)."""
    out = []
    for feature in features:
        props = (feature.get("properties") if isinstance(feature, dict) else None) or {}
        jaar = str(props.get("jaarcode", "")).strip() if isinstance(props, dict) else ""
        if not jaar or jaar == str(year):
            out.append(feature)
    return out


def simplified(features: list[dict], tolerance: float) -> tuple[dict, int, int]:
    """The FeatureCollection to write (sorted by code, whole metres) and points before/after."""
    by_code: dict[str, dict] = {}
    before = after = 0
    for feature in features:
        if not isinstance(feature, dict):
            feature = {"properties": {}, "geometry": feature}  # reported as invalid-geometry by the check
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        code, name = first(props, CODE_KEYS), first(props, NAME_KEYS)
        try:
            source_polygons = polygons_of(feature.get("geometry"))
        except (ValueError, TypeError, IndexError, AttributeError):
            # passed on unchanged: the check before writing reports it with the other problems
            by_code[f"{code}#{len(by_code)}"] = {"type": "Feature", "properties": {"code": code, "naam": name},
                                                 "geometry": feature.get("geometry")}
            continue
        polygons = []
        for poly in source_polygons:
            rings = []
            for i, ring in enumerate(poly):
                before += len(ring)
                small = [(round(x), round(y)) for x, y in simplify(ring, tolerance)]
                small = [p for j, p in enumerate(small) if j == 0 or p != small[j - 1]]
                if len(small) < 4 or len(set(small)) < 3:
                    if i == 0:
                        break  # the outer ring collapsed: drop the polygon
                    continue  # a collapsed hole
                after += len(small)
                rings.append([list(p) for p in small])
            if rings:
                polygons.append(rings)
        entry = by_code.setdefault(code, {"type": "Feature", "properties": {"code": code, "naam": name},
                                          "geometry": {"type": "MultiPolygon", "coordinates": []}})
        entry["geometry"]["coordinates"] += polygons
    return {"type": "FeatureCollection", "features": [by_code[c] for c in sorted(by_code)]}, before, after


def _resource_block(year: int) -> str:
    # A plain file resource (`type: file`). Without it frictionless 5 infers a `json` resource from
    # the file name; it reads neither as a table (no schema, no rows), but `file` says what is meant:
    # frictionless checks that the file exists (scheme-error when it is missing) and hashes it, and
    # build_data.load.geometry checks the content (codes, regions of the year, polygons, bron/licentie).
    # Tested in tests/test_geometry.py: frictionless.validate and build_data.load.packages.load_all
    # report nothing on a package with such a resource.
    return (
        f"  - name: kaart-{year}\n"
        f"    title: \"Grenzen van de Veilig Thuis-regio's {year} (CBS/PDOK, vereenvoudigd)\"\n"
        f"    path: {GEOMETRY_DIR}/veiligthuisregio_{year}.geojson\n"
        f"    type: file\n"
        f"    format: geojson\n"
        f"    mediatype: application/geo+json\n"
        f"    bron: pdok-cbs-gebiedsindelingen\n"
    )


def _listed(descriptor: dict, year: int) -> bool:
    path = f"{GEOMETRY_DIR}/veiligthuisregio_{year}.geojson"
    return any(isinstance(r, dict) and (r.get("name") == f"kaart-{year}" or r.get("path") == path)
               for r in descriptor.get("resources") or [])


def registration(descriptor: Path, year: int) -> str | None:
    """The descriptor text with the resource appended, or None when it is listed already.

    A text append at the end of the file (the `resources:` list is its last key), not a YAML round
    trip, so the comments and layout stay as they are. The result is parsed again: when the block
    did not land in `resources` (another key came last), ValueError and nothing is changed."""
    text = descriptor.read_text(encoding="utf-8")
    if _listed(yaml.safe_load(text) or {}, year):
        return None
    new = text.rstrip("\n") + "\n" + _resource_block(year)
    try:
        landed = _listed(yaml.safe_load(new) or {}, year)
    except yaml.YAMLError:
        landed = False
    if not landed:
        raise ValueError(f"{descriptor}: 'resources:' is niet de laatste sleutel; voeg de resource kaart-{year} met de hand toe")
    return new


def prepare(year: int, source: str, root: Path, tolerance: float) -> tuple[Path, bytes, int, int, int, list[Problem]]:
    """The file of one year as bytes, checked: (target, data, features, points before, after, problems)."""
    regions_dir = root / "datapackages" / "regions"
    collection, before, after = simplified(of_year(read_features(source), year), tolerance)
    collection = {
        "type": "FeatureCollection", "jaar": year,
        "bron": f"CBS/PDOK, CBS Gebiedsindelingen {year}, laag veiligthuisregio (gegeneraliseerd)",
        "bron_url": f"{API}/collections/{COLLECTION}",
        "licentie": "CC-BY-4.0", "crs": "EPSG:28992", "vereenvoudiging_m": tolerance,
        "features": collection["features"],
    }
    data = (json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n").encode("utf-8")
    target = regions_dir / GEOMETRY_DIR / f"veiligthuisregio_{year}.geojson"
    # checked as it would lie in the package: the file alone in a scratch copy of the folder layout
    with tempfile.TemporaryDirectory() as scratch:
        probe = Path(scratch) / GEOMETRY_DIR / target.name
        probe.parent.mkdir(parents=True)
        probe.write_bytes(data)
        _, found = load_geometries(Path(scratch), read_regions(regions_dir), Path(scratch))
    shown = str(target.relative_to(root)) if target.is_relative_to(root) else str(target)
    problems = [Problem(shown, p.row, p.field, p.type, p.message, p.severity) for p in found]
    return target, data, len(collection["features"]), before, after, problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jaar", type=int, action="append", required=True, help="jaar van de indeling (herhaalbaar)")
    parser.add_argument("--bron", help="lokaal GeoJSON-bestand (pad of file://-URL) of URL in plaats van de PDOK-API (alleen met één --jaar)")
    parser.add_argument("--root", type=Path, default=ROOT, help="projectmap (standaard: deze repository)")
    parser.add_argument("--tolerantie", type=float, default=250, help="vereenvoudiging in meters (standaard 250)")
    args = parser.parse_args(argv)
    if args.bron and len(args.jaar) > 1:
        parser.error("--bron geldt voor één jaar")
    root = args.root.resolve()
    descriptor = root / "datapackages" / "regions" / "datapackage.yaml"
    try:
        prepared = [(year, *prepare(year, args.bron or items_url(year), root, args.tolerantie)) for year in dict.fromkeys(args.jaar)]
    except (OSError, ValueError) as exc:  # no network, no such file, not JSON
        print(f"Kan de grenzen niet ophalen: {exc}\nNiets geschreven.", file=sys.stderr)
        return 1
    problems = [p for *_, found in prepared for p in found]
    if problems:
        print(format_table(problems), file=sys.stderr)
        wrong = ", ".join(str(year) for year, *_, found in prepared if found)
        print(f"Niets geschreven: de grenzen van {wrong} kloppen niet met regios.csv of zijn geen geldige vlakken "
              "(zie de tabel).", file=sys.stderr)
        return 1
    try:
        for year, *_ in prepared:
            registration(descriptor, year)  # checked for every year before anything is written
    except ValueError as exc:
        print(f"{exc}\nNiets geschreven.", file=sys.stderr)
        return 1
    for year, target, data, features, before, after, _ in prepared:
        write_atomic(target, data)
        text = registration(descriptor, year)
        if text is not None:
            write_atomic(descriptor, text.encode("utf-8"))
        print(f"{year}: {features} regio's, {before} punten vereenvoudigd tot {after} "
              f"(tolerantie {args.tolerantie:g} m), {len(data)} bytes -> {target.relative_to(root)}"
              + ("; resource kaart-%d toegevoegd aan datapackage.yaml" % year if text is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
