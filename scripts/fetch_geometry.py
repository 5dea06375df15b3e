#!/usr/bin/env python3
"""Fetch the boundaries of the Veilig Thuis regions of one or more years from CBS/PDOK
(CBS Gebiedsindelingen, layer veiligthuisregio, generalised; CC BY 4.0), simplify them and write
them into the regions data package: datapackages/regions/data/kaart/veiligthuisregio_<jaar>.geojson.

    python scripts/fetch_geometry.py --jaar 2020 --jaar 2023
    python scripts/fetch_geometry.py --jaar 2020 --bron pad/naar/bestand.geojson   (no network: a local file)

The build then draws the real shapes on the map of every period in that year; without such a file
it draws the schematic tile map. The file is checked before it is written (every region of the
year present, codes known, polygons valid) and written atomically; the same input gives the same
bytes. The resource is added to datapackages/regions/datapackage.yaml once.

Needs network access to api.pdok.nl (not available on the build machines of this project: the
tests run this script on a geometry file they make)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_data.geometry import GEOMETRY_DIR, load_geometries, polygons_of, simplify  # noqa: E402
from build_data.problems import format_table  # noqa: E402
from build_data.regions import Regions  # noqa: E402

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
        return json.loads(Path(source).read_text(encoding="utf-8")).get("features", [])
    features, url = [], source
    while url:
        request = urllib.request.Request(url, headers={"Accept": "application/geo+json, application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            page = json.load(response)
        features += page.get("features", [])
        url = next((link["href"] for link in page.get("links", []) if link.get("rel") == "next"), None)
    return features


def first(props: dict, keys) -> str:
    return next((str(props[k]).strip() for k in keys if props.get(k) not in (None, "")), "")


def simplified(features: list[dict], tolerance: float) -> tuple[dict, int, int]:
    """The FeatureCollection to write (sorted by code, whole metres) and points before/after."""
    by_code: dict[str, dict] = {}
    before = after = 0
    for feature in features:
        props = feature.get("properties") or {}
        code, name = first(props, CODE_KEYS), first(props, NAME_KEYS)
        try:
            source_polygons = polygons_of(feature.get("geometry"))
        except (ValueError, TypeError, IndexError):
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


def register(descriptor: Path, year: int) -> bool:
    """Append the resource to the package descriptor (text append keeps its comments); once."""
    text = descriptor.read_text(encoding="utf-8")
    name = f"kaart-{year}"
    if f"- name: {name}\n" in text:
        return False
    block = (
        f"  - name: {name}\n"
        f"    title: \"Grenzen van de Veilig Thuis-regio's {year} (CBS/PDOK, vereenvoudigd)\"\n"
        f"    path: {GEOMETRY_DIR}/veiligthuisregio_{year}.geojson\n"
        # A plain file resource: frictionless checks that it exists and does not read it as a table;
        # build_data.geometry checks its content.
        f"    type: file\n"
        f"    format: geojson\n"
        f"    mediatype: application/geo+json\n"
        f"    bron: pdok-cbs-gebiedsindelingen\n"
    )
    descriptor.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
    return True


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def fetch(year: int, source: str, root: Path, tolerance: float) -> int:
    regions_dir = root / "datapackages" / "regions"
    collection, before, after = simplified(read_features(source), tolerance)
    collection = {
        "type": "FeatureCollection", "jaar": year,
        "bron": f"CBS/PDOK, CBS Gebiedsindelingen {year}, laag veiligthuisregio (gegeneraliseerd)",
        "bron_url": f"{API}/collections/{COLLECTION}",
        "licentie": "CC-BY-4.0", "crs": "EPSG:28992", "vereenvoudiging_m": tolerance,
        "features": collection["features"],
    }
    data = (json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n").encode("utf-8")
    target = regions_dir / GEOMETRY_DIR / f"veiligthuisregio_{year}.geojson"
    # check before writing: the file in a scratch copy of the folder layout
    with tempfile.TemporaryDirectory() as scratch:
        probe = Path(scratch) / GEOMETRY_DIR / target.name
        probe.parent.mkdir(parents=True)
        probe.write_bytes(data)
        _, problems = load_geometries(Path(scratch), Regions.load(regions_dir), Path(scratch))
    if problems:
        print(format_table(problems), file=sys.stderr)
        print(f"{year}: niets geschreven.", file=sys.stderr)
        return 1
    write_atomic(target, data)
    added = register(regions_dir / "datapackage.yaml", year)
    print(f"{year}: {len(collection['features'])} regio's, {before} punten vereenvoudigd tot {after} "
          f"(tolerantie {tolerance:g} m), {len(data)} bytes -> {target.relative_to(root)}"
          + ("; resource toegevoegd aan datapackage.yaml" if added else ""))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jaar", type=int, action="append", required=True, help="jaar van de indeling (herhaalbaar)")
    parser.add_argument("--bron", help="lokaal GeoJSON-bestand of URL in plaats van de PDOK-API (alleen met één --jaar)")
    parser.add_argument("--root", type=Path, default=ROOT, help="projectmap (standaard: deze repository)")
    parser.add_argument("--tolerantie", type=float, default=250, help="vereenvoudiging in meters (standaard 250)")
    args = parser.parse_args(argv)
    if args.bron and len(args.jaar) > 1:
        parser.error("--bron geldt voor één jaar")
    return max(fetch(year, args.bron or items_url(year), args.root, args.tolerantie) for year in args.jaar)


if __name__ == "__main__":
    sys.exit(main())
