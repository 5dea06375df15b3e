"""Real region boundaries: scripts/fetch_geometry.py on a geometry file the test makes (no network
here), the checks of build_data.load.geometry, and the map drawing the shapes instead of tiles.
The geometry is synthetic and exists only in tmp_path during the test."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys

import frictionless
import pytest
from conftest import copy_content
from roots import copy_datapackages

from build_data import ROOT
from build_data.load.geometry import load_geometries, simplify, svg_paths
from build_data.load.packages import load_all, read_regions
from build_data.site.build import build_all

SCRIPT = ROOT / "scripts" / "fetch_geometry.py"


def fetch_module():
    spec = importlib.util.spec_from_file_location("fetch_geometry", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _square(x: float, y: float, size: float, steps: int = 10) -> list[list[float]]:
    """A square ring with many collinear points on each side (work for the simplifier)."""
    pts = []
    for i in range(steps):
        pts.append([x + size * i / steps, y])
    for i in range(steps):
        pts.append([x + size, y + size * i / steps])
    for i in range(steps):
        pts.append([x + size - size * i / steps, y + size])
    for i in range(steps):
        pts.append([x, y + size - size * i / steps])
    return pts + [pts[0]]


def make_features(codes_names, **props):
    """The regions as squares on a grid in RD-like metres (six per row, row 0 in the south); the
    first is a MultiPolygon: a square with a hole and a small island."""
    feats = []
    for i, (code, name) in enumerate(codes_names):
        x, y = 10_000 + (i % 6) * 40_000, 300_000 + (i // 6) * 40_000
        ring = _square(x, y, 30_000)
        if i == 0:
            hole = _square(x + 10_000, y + 10_000, 5_000)[::-1]
            geom = {"type": "MultiPolygon", "coordinates": [[ring, hole], [_square(x, y + 31_000, 4_000)]]}
        else:
            geom = {"type": "Polygon", "coordinates": [ring]}
        feats.append({"type": "Feature", "properties": {"statcode": f" {code} ", "statnaam": name, **props}, "geometry": geom})
    return feats


def make_geometry(path, codes_names, *, extra=None):
    """A FeatureCollection file as PDOK serves it (statcode, statnaam), 26 regions for 2019/2020."""
    feats = make_features(codes_names) + (extra or [])
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path):
    copy_datapackages(tmp_path / "datapackages")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return copy_content(tmp_path)


def regions_2020(root):
    regions = read_regions(root / "datapackages" / "regions")
    return [(r.code, r.naam) for r in regions.vt_regions("2020-H1")]  # the map is of the Veilig Thuis regions


def run(root, *args):
    return subprocess.run([sys.executable, str(SCRIPT), "--root", str(root), *args], capture_output=True, text=True)


def test_fetch_simplify_write_register_and_draw(root, tmp_path):
    src = make_geometry(tmp_path / "pdok.geojson", regions_2020(root))
    done = run(root, "--jaar", "2019", "--bron", str(src))
    assert done.returncode == 0, done.stderr
    target = root / "datapackages" / "regions" / "data" / "kaart" / "veiligthuisregio_2019.geojson"
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert len(doc["features"]) == 26
    assert doc["bron"].startswith("CBS/PDOK, CBS Gebiedsindelingen 2019") and doc["licentie"] == "CC-BY-4.0"
    assert [f["properties"]["code"] for f in doc["features"]] == sorted(c for c, _ in regions_2020(root))
    before, after = map(int, re.search(r"(\d+) punten vereenvoudigd tot (\d+)", done.stdout).groups())
    assert before == 26 * 41 + 41 + 41 and after < before / 5  # the collinear points are gone
    first = next(f for f in doc["features"] if f["properties"]["code"] == "VT01")
    assert len(first["geometry"]["coordinates"]) == 2 and len(first["geometry"]["coordinates"][0]) == 2  # hole kept
    assert doc["jaar"] == 2019 and doc["crs"] == "EPSG:28992" and doc["vereenvoudiging_m"] == 250
    assert doc["bron_url"].endswith("/collections/veiligthuisregio_gegeneraliseerd")
    assert first["properties"] == {"code": "VT01", "naam": "Amsterdam-Amstelland"}
    data = target.read_bytes()
    again = run(root, "--jaar", "2019", "--bron", src.as_uri())  # a file:// URL works as well
    assert again.returncode == 0, again.stderr
    assert target.read_bytes() == data  # same input, same bytes
    assert "toegevoegd" in done.stdout and "toegevoegd" not in again.stdout
    descriptor = (root / "datapackages" / "regions" / "datapackage.yaml").read_text(encoding="utf-8")
    assert descriptor.count("- name: kaart-2019\n") == 1 and descriptor.startswith("# Veilig Thuis-regio's")
    report = frictionless.validate(str(root / "datapackages" / "regions" / "datapackage.yaml"))
    assert report.valid, report.flatten(["type", "message"])
    catalog = load_all(root)
    assert catalog.errors == []
    assert sorted(catalog.regions.geometries) == [2019]
    # read back: the 26 codes, and drawn into an SVG box with north up
    regions_dir = root / "datapackages" / "regions"
    geometries, problems = load_geometries(regions_dir, read_regions(regions_dir), root)
    assert problems == [] and set(geometries[2019]) == {c for c, _ in regions_2020(root)}
    assert [len(p) for p in geometries[2019]["VT01"]] == [2, 1]  # square with hole, island
    paths, labels, height = svg_paths(geometries[2019], 600)
    assert len(paths) == 26 and paths["VT01"].count("M") == 3 and paths["VT02"].count("M") == 1
    scale = 592 / 230_000  # (600 - 2 * 4) over x 10 000 .. 240 000
    assert height == pytest.approx(190_000 * scale + 8)  # y 300 000 .. 490 000
    for d in paths.values():
        xy = [tuple(map(float, p.split(","))) for p in re.findall(r"-?\d+\.\d,-?\d+\.\d", d)]
        assert all(4 - 0.05 <= x <= 596 + 0.05 and 4 - 0.05 <= y <= height - 4 + 0.05 for x, y in xy)
    south, north = regions_2020(root)[1][0], regions_2020(root)[25][0]  # grid row 0 and row 4
    assert labels[north][1] < labels[south][1]
    # VT01's label: centroid of its largest polygon's outer ring, the square (10 000-40 000, 300 000-330 000)
    assert labels["VT01"] == pytest.approx((15_000 * scale + 4, (490_000 - 315_000) * scale + 4), abs=0.01)
    # the map of 2019-H2 now draws the 26 shapes instead of tiles
    build = build_all(root)
    page = build.pages["indicatoren/ontvangen_meldingen.md"]
    kaart = page[page.index('<div class="hgkm-kaart"'):]
    svg = kaart.split("</svg>")[0]  # the map's own drawing; the charts drawn at build time follow it
    assert 'data-kaart="grenzen"' in kaart and svg.count("<path ") == 26 and "<rect " not in svg
    assert "CBS Gebiedsindelingen 2019" in kaart
    # a profile of 2019 regions uses the shapes too; Oost-Brabant (2023) keeps the tile map
    assert 'data-kaart="grenzen"' in build.pages["regio/twente.md"]
    assert 'data-kaart="tegels"' in build.pages["regio/oost-brabant.md"]


def test_problems_are_reported_together_and_nothing_is_written(root, tmp_path):
    regs = regions_2020(root)
    point = {"type": "Feature", "properties": {"statcode": "VT05"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}
    unknown = {"type": "Feature", "properties": {"statcode": "VT99"}, "geometry": {"type": "Polygon", "coordinates": [_square(0, 0, 10)]}}
    src = make_geometry(tmp_path / "bad.geojson", regs[1:], extra=[point, unknown])  # VT01 missing
    done = run(root, "--jaar", "2020", "--bron", str(src))
    assert done.returncode == 1
    for kind in ("missing-geometry", "invalid-geometry", "unknown-region"):
        assert kind in done.stderr, done.stderr
    assert "Amsterdam-Amstelland" in done.stderr and "VT99" in done.stderr
    assert not (root / "datapackages" / "regions" / "data" / "kaart").exists() or not any(
        (root / "datapackages" / "regions" / "data" / "kaart").iterdir())
    assert "kaart-2020" not in (root / "datapackages" / "regions" / "datapackage.yaml").read_text(encoding="utf-8")


def test_several_years_from_the_api_all_or_nothing(root, monkeypatch, capsys):
    """The default source (PDOK OGC API), without network: read_features is replaced; it serves
    both years at once, so the script must keep each feature of its own year (jaarcode)."""
    fetch = fetch_module()
    regions = read_regions(root / "datapackages" / "regions")
    y2019 = [(r.code, r.naam) for r in regions.regional("2019-H2")]
    y2023 = [(r.code, r.naam) for r in regions.regional("2023-H1")]
    assert len(y2019) == 26 and len(y2023) == 25 and "VT27" in dict(y2023)
    served = {"features": make_features(y2019, jaarcode=2019) + make_features(y2023[:-1], jaarcode=2023)}
    asked = []

    def fake(url):
        asked.append(url)
        return served["features"]

    monkeypatch.setattr(fetch, "read_features", fake)
    kaart = root / "datapackages" / "regions" / "data" / "kaart"
    descriptor = root / "datapackages" / "regions" / "datapackage.yaml"
    before = descriptor.read_bytes()
    assert fetch.main(["--jaar", "2019", "--jaar", "2023", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"{y2023[-1][1]} ({y2023[-1][0]}) heeft geen vorm in 2023" in err and "Niets geschreven: de grenzen van 2023 " in err
    assert not kaart.exists() and descriptor.read_bytes() == before  # 2019 was fine, but nothing is written
    assert len(asked) == 2 and all(u.startswith("https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1/collections/"
                                                "veiligthuisregio_gegeneraliseerd/items?f=json&") for u in asked)
    assert "jaarcode=2019" in asked[0] and "jaarcode=2023" in asked[1] and "limit=1000" in asked[0]
    assert "crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F28992" in asked[0]

    served["features"] = make_features(y2019, jaarcode=2019) + make_features(y2023, jaarcode="2023")
    assert fetch.main(["--jaar", "2019", "--jaar", "2023", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "2019: 26 regio's" in out and "2023: 25 regio's" in out
    for year, expected in ((2019, y2019), (2023, y2023)):
        doc = json.loads((kaart / f"veiligthuisregio_{year}.geojson").read_text(encoding="utf-8"))
        assert [f["properties"]["code"] for f in doc["features"]] == sorted(c for c, _ in expected)
    text = descriptor.read_text(encoding="utf-8")
    assert text.startswith(before.decode("utf-8").rstrip("\n") + "\n  - name: kaart-2019\n")  # appended, comments intact
    assert text.count("- name: kaart-2019\n") == 1 and text.count("- name: kaart-2023\n") == 1
    assert frictionless.validate(str(descriptor)).valid
    catalog = load_all(root)
    assert catalog.errors == [] and sorted(catalog.regions.geometries) == [2019, 2023]


def test_registration_refuses_when_resources_is_not_last(tmp_path):
    fetch = fetch_module()
    descriptor = tmp_path / "datapackage.yaml"
    descriptor.write_text("# comment\nname: x\nresources:\n  - name: a\n    path: a.csv\nsources: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="niet de laatste sleutel"):
        fetch.registration(descriptor, 2020)
    descriptor.write_text("# comment\nname: x\nresources:\n  - name: a\n    path: a.csv\n", encoding="utf-8")
    text = fetch.registration(descriptor, 2020)
    assert text.startswith("# comment\n") and "  - name: kaart-2020\n    title:" in text and "    type: file\n" in text
    descriptor.write_text(text, encoding="utf-8")
    assert fetch.registration(descriptor, 2020) is None  # listed once


def test_a_broken_file_in_the_package_fails_validation(root):
    folder = root / "datapackages" / "regions" / "data" / "kaart"
    folder.mkdir(parents=True)
    (folder / "veiligthuisregio_2021.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "VT27"}, "geometry": {"type": "Polygon", "coordinates": [_square(0, 0, 9)]}}]}))
    found = {(p.field, p.type) for p in load_all(root).errors}
    assert ("code", "region-not-valid") in found  # Oost-Brabant does not exist in 2021
    assert ("features", "missing-geometry") in found
    assert ("bron", "missing-citation") in found and ("licentie", "missing-citation") in found


def test_unreadable_and_odd_files_are_reported_not_raised(root):
    folder = root / "datapackages" / "regions" / "data" / "kaart"
    folder.mkdir(parents=True)
    (folder / "veiligthuisregio_2020.geojson").write_text("{niet json", encoding="utf-8")
    (folder / "veiligthuisregio_2021.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "bron": "b", "licentie": "CC-BY-4.0",
        "features": ["geen feature",
                     {"type": "Feature", "properties": {"code": "VT01"}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}},
                     {"type": "Feature", "properties": {"code": "VT02"}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, "x"], [1, 1], [0, 0]]]}},
                     {"type": "Feature", "properties": {"code": "VT03"}, "geometry": "vlak"}]}), encoding="utf-8")
    regions_dir = root / "datapackages" / "regions"
    geometries, problems = load_geometries(regions_dir, read_regions(regions_dir), root)
    keys = {p.key() for p in problems}
    assert ("veiligthuisregio_2020.geojson", None, None, "invalid-geometry") in keys
    assert {("veiligthuisregio_2021.geojson", row, field, "invalid-geometry")
            for row, field in ((1, None), (2, "geometry"), (3, "geometry"), (4, "geometry"))} <= keys
    missing = [p for p in problems if p.type == "missing-geometry"]
    assert all(p.file == "datapackages/regions/data/kaart/veiligthuisregio_2021.geojson" for p in missing)
    assert len(missing) == 23 and not any(c in p.message for p in missing for c in ("VT01", "VT02", "VT03"))  # reported as invalid
    assert geometries == {2021: {}}  # no region with an empty shape list


def test_simplify_and_projection():
    ring = [tuple(p) for p in _square(0, 0, 100, steps=25)]
    small = simplify(ring, 1)
    assert small[0] == small[-1] and len(small) == 5  # the four corners, closed
    tiny = simplify([(0, 0), (1, 0), (0, 1), (0, 0)], 1000)
    assert len(tiny) == 4 and tiny[0] == tiny[-1]
    wobbly = [(x, 5 * (x % 2)) for x in range(0, 101)] + [(100, 100), (0, 100), (0, 0)]  # a zigzag edge
    assert len(simplify(wobbly, 10)) == 5 and len(simplify(wobbly, 1)) > 50  # below the tolerance it goes, above it stays
    assert all(s[0] == s[-1] and len(s) >= 4 for s in (simplify(wobbly, t) for t in (0.1, 1, 10, 1e9)))
    shapes = {"VT01": [[ring]], "VT02": [[[(x, y + 1000) for x, y in ring]]]}  # VT02 lies north
    paths, labels, height = svg_paths(shapes, 300)
    assert set(paths) == {"VT01", "VT02"} and height > 0
    assert labels["VT02"][1] < labels["VT01"][1]  # north is up: smaller SVG y
    nums = [float(v) for v in re.findall(r"-?\d+\.\d", paths["VT01"] + paths["VT02"])]
    assert min(nums) >= 0 and max(nums) <= max(300, height)


def test_no_geometry_in_the_repository():
    """The default site uses the tile map: no fetched boundaries are committed without a network."""
    regions = read_regions(ROOT / "datapackages" / "regions")
    geometries, problems = load_geometries(ROOT / "datapackages" / "regions", regions, ROOT)
    assert problems == [] and geometries == {} or all(len(v) >= 25 for v in geometries.values())
