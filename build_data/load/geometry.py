"""Real boundaries of the Veilig Thuis regions (CBS/PDOK gebiedsindelingen, layer veiligthuisregio),
one GeoJSON file per year in datapackages/regions/data/kaart/, written by scripts/fetch_geometry.py.

Coordinates are RD New (EPSG:28992, metres, y to the north). This module reads and checks the
files (every problem at once), simplifies rings (Douglas-Peucker) and projects shapes into an SVG
box. Pure Python: a map of 26 simplified regions needs no GIS library."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from ..model.problems import Problem

GEOMETRY_DIR = "data/kaart"
FILE_PATTERN = re.compile(r"veiligthuisregio_(\d{4})\.geojson$")

Ring = list[tuple[float, float]]
Polygon = list[Ring]  # outer ring first, then holes


def rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def polygons_of(geometry: dict) -> list[Polygon]:
    """Polygons of a GeoJSON Polygon or MultiPolygon; ValueError for anything else."""
    kind = (geometry or {}).get("type")
    coords = (geometry or {}).get("coordinates")
    if kind == "Polygon":
        polys = [coords]
    elif kind == "MultiPolygon":
        polys = coords
    else:
        raise ValueError(f"geometrie van het type {kind!r}; verwacht Polygon of MultiPolygon")
    out = []
    for poly in polys or []:
        rings = []
        for ring in poly:
            pts = [(float(p[0]), float(p[1])) for p in ring]
            if not all(math.isfinite(v) for pt in pts for v in pt):
                raise ValueError("een ring bevat een coördinaat die geen eindig getal is")
            if len(pts) < 4 or pts[0] != pts[-1]:
                raise ValueError("een ring heeft minder dan 4 punten of is niet gesloten")
            rings.append(pts)
        if rings:
            out.append(rings)
    if not out:
        raise ValueError("geen vlakken in de geometrie")
    return out


def load_geometries(regions_dir: Path, regions, root: Path) -> tuple[dict[int, dict[str, list[Polygon]]], list[Problem]]:
    """year -> {CBS code: polygons}, and every problem found in every file."""
    out: dict[int, dict[str, list[Polygon]]] = {}
    problems: list[Problem] = []
    folder = regions_dir / GEOMETRY_DIR
    for path in sorted(folder.glob("*.geojson")) if folder.is_dir() else []:
        file = rel(path, root)
        m = FILE_PATTERN.search(path.name)
        if not m:
            problems.append(Problem(file, None, None, "invalid-geometry", "bestandsnaam is niet veiligthuisregio_<jaar>.geojson"))
            continue
        year = int(m.group(1))
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            assert isinstance(doc, dict) and doc.get("type") == "FeatureCollection", "geen GeoJSON FeatureCollection"
            assert isinstance(doc.get("features", []), list), "'features' is geen lijst"
        except Exception as exc:
            problems.append(Problem(file, None, None, "invalid-geometry", f"kan het bestand niet lezen: {exc}"))
            continue
        for key in ("bron", "licentie"):
            if not doc.get(key):
                problems.append(Problem(file, None, key, "missing-citation", f"het bestand noemt geen '{key}'"))
        shapes: dict[str, list[Polygon]] = {}
        present: set[str] = set()  # codes with a feature, also one whose geometry is invalid (reported once)
        for i, feature in enumerate(doc.get("features") or [], start=1):
            if not isinstance(feature, dict) or not isinstance(feature.get("properties") or {}, dict):
                problems.append(Problem(file, i, None, "invalid-geometry", "dit element is geen GeoJSON Feature"))
                continue
            code = str((feature.get("properties") or {}).get("code", "")).strip()
            region = regions.by_code.get(code)
            if region is None:
                problems.append(Problem(file, i, "code", "unknown-region", f"regiocode {code!r} staat niet in regios.csv"))
                continue
            if not (region.valid_in(f"{year}-H1") or region.valid_in(f"{year}-H2")):
                problems.append(Problem(file, i, "code", "region-not-valid", f"{region.naam} ({code}) bestaat niet in {year}"))
                continue
            present.add(code)
            try:
                polygons = polygons_of(feature.get("geometry"))
            except (ValueError, TypeError, IndexError, AttributeError) as exc:
                problems.append(Problem(file, i, "geometry", "invalid-geometry", f"{region.naam}: {exc}"))
                continue
            shapes.setdefault(code, []).extend(polygons)
        for region in regions.regional(f"{year}-H2") or regions.regional(f"{year}-H1"):
            if region.code not in present and region.soort == "veilig-thuis-regio":  # the map has Veilig Thuis regions
                problems.append(Problem(file, None, "features", "missing-geometry", f"{region.naam} ({region.code}) heeft geen vorm in {year}"))
        out[year] = shapes
    return out, problems


def _point_line_distance(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def _dp(points: Ring, tolerance: float) -> Ring:
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = -1.0, None
        for i in range(first + 1, last):
            d = _point_line_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker on a closed ring; the result is closed and keeps at least 4 points
    (a triangle) when the ring had them. The ring is split at its point farthest from the start so
    that the start point is not a fixed corner of a collapsed shape."""
    pts = list(ring[:-1]) if ring and ring[0] == ring[-1] else list(ring)
    if len(pts) <= 3:
        return pts + pts[:1]
    far = max(range(len(pts)), key=lambda i: math.hypot(pts[i][0] - pts[0][0], pts[i][1] - pts[0][1]))
    a = _dp(pts[: far + 1], tolerance)
    b = _dp(pts[far:] + pts[:1], tolerance)
    out = a[:-1] + b[:-1]
    if len(out) < 3:
        out = [pts[0], pts[len(pts) // 3], pts[2 * len(pts) // 3]]
    return out + out[:1]


def ring_area(ring: Ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def centroid(ring: Ring) -> tuple[float, float]:
    a = ring_area(ring)
    if abs(a) < 1e-9:
        xs, ys = zip(*ring)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / (6 * a)
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / (6 * a)
    return cx, cy


def svg_paths(shapes: dict[str, list[Polygon]], width: float, pad: float = 4) -> tuple[dict[str, str], dict[str, tuple[float, float]], float]:
    """Paths ('M..L..Z' per ring, evenodd for holes) in an SVG box of the given width, y flipped
    (north up); a label point per code (centroid of the largest outer ring); the box height."""
    pts = [p for polys in shapes.values() for poly in polys for ring in poly for p in ring]
    if not pts:
        return {}, {}, 0.0
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    scale = (width - 2 * pad) / max(x1 - x0, 1e-9)
    height = (y1 - y0) * scale + 2 * pad

    def tx(p):
        return (p[0] - x0) * scale + pad, (y1 - p[1]) * scale + pad

    paths, labels = {}, {}
    for code, polys in sorted(shapes.items()):
        if not polys:
            continue
        d = []
        for poly in polys:
            for ring in poly:
                proj = [tx(p) for p in ring[:-1]]
                d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in proj) + "Z")
        paths[code] = "".join(d)
        largest = max((poly[0] for poly in polys), key=lambda r: abs(ring_area(r)))
        labels[code] = tx(centroid(largest))
    return paths, labels, height
