"""Real region boundaries: scripts/fetch_geometry.py on a geometry file the test makes (no network
here), the checks of build_data.geometry, and the map drawing the shapes instead of tiles.
The geometry is synthetic and exists only in tmp_path during the test."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import frictionless
import pytest

from build_data import ROOT
from build_data.build import build_all
from build_data.datapackages import load_all
from build_data.geometry import load_geometries, simplify, svg_paths
from build_data.regions import Regions

SCRIPT = ROOT / "scripts" / "fetch_geometry.py"


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


def make_geometry(path, codes_names, *, extra=None):
    """26 regions as squares on a grid in RD-like metres; one is a MultiPolygon with a hole."""
    feats = []
    for i, (code, name) in enumerate(codes_names):
        x, y = 10_000 + (i % 6) * 40_000, 300_000 + (i // 6) * 40_000  # row 0 is the south
        ring = _square(x, y, 30_000)
        if i == 0:
            hole = _square(x + 10_000, y + 10_000, 5_000)[::-1]
            geom = {"type": "MultiPolygon", "coordinates": [[ring, hole], [_square(x, y + 31_000, 4_000)]]}
        else:
            geom = {"type": "Polygon", "coordinates": [ring]}
        feats.append({"type": "Feature", "properties": {"statcode": f" {code} ", "statnaam": name}, "geometry": geom})
    feats += extra or []
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path):
    shutil.copytree(ROOT / "datapackages", tmp_path / "datapackages")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


def regions_2020(root):
    regions = Regions.load(root / "datapackages" / "regions")
    return [(r.code, r.naam) for r in regions.regional("2020-H1")]


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
    data = target.read_bytes()
    assert run(root, "--jaar", "2019", "--bron", str(src)).returncode == 0
    assert target.read_bytes() == data  # same input, same bytes
    descriptor = (root / "datapackages" / "regions" / "datapackage.yaml").read_text(encoding="utf-8")
    assert descriptor.count("- name: kaart-2019\n") == 1 and descriptor.startswith("# Veilig Thuis-regio's")
    report = frictionless.validate(str(root / "datapackages" / "regions" / "datapackage.yaml"))
    assert report.valid, report.flatten(["type", "message"])
    catalog = load_all(root)
    assert catalog.errors == []
    assert sorted(catalog.regions.geometries) == [2019]
    # the map of 2019-H2 now draws the 26 shapes instead of tiles
    build = build_all(root)
    page = build.pages["indicatoren/ontvangen_meldingen.md"]
    kaart = page[page.index('<div class="hgkm-kaart"'):]
    assert 'data-kaart="grenzen"' in kaart and kaart.count("<path ") == 26 and "<rect " not in kaart.split("</svg>")[0]
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


def test_a_broken_file_in_the_package_fails_validation(root):
    folder = root / "datapackages" / "regions" / "data" / "kaart"
    folder.mkdir(parents=True)
    (folder / "veiligthuisregio_2021.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "VT27"}, "geometry": {"type": "Polygon", "coordinates": [_square(0, 0, 9)]}}]}))
    found = {(p.field, p.type) for p in load_all(root).errors}
    assert ("code", "region-not-valid") in found  # Oost-Brabant does not exist in 2021
    assert ("features", "missing-geometry") in found
    assert ("bron", "missing-citation") in found and ("licentie", "missing-citation") in found


def test_simplify_and_projection():
    ring = [tuple(p) for p in _square(0, 0, 100, steps=25)]
    small = simplify(ring, 1)
    assert small[0] == small[-1] and len(small) == 5  # the four corners, closed
    tiny = simplify([(0, 0), (1, 0), (0, 1), (0, 0)], 1000)
    assert len(tiny) == 4 and tiny[0] == tiny[-1]
    shapes = {"VT01": [[ring]], "VT02": [[[(x, y + 1000) for x, y in ring]]]}  # VT02 lies north
    paths, labels, height = svg_paths(shapes, 300)
    assert set(paths) == {"VT01", "VT02"} and height > 0
    assert labels["VT02"][1] < labels["VT01"][1]  # north is up: smaller SVG y
    nums = [float(v) for v in re.findall(r"-?\d+\.\d", paths["VT01"] + paths["VT02"])]
    assert min(nums) >= 0 and max(nums) <= max(300, height)


def test_no_geometry_in_the_repository():
    """The default site uses the tile map: no fetched boundaries are committed without a network."""
    regions = Regions.load(ROOT / "datapackages" / "regions")
    geometries, problems = load_geometries(ROOT / "datapackages" / "regions", regions, ROOT)
    assert problems == [] and geometries == {} or all(len(v) >= 25 for v in geometries.values())
