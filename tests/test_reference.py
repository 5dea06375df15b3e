"""Every figure in the reference lists (tests/reference/<package>.csv, typed from the seed texts
with the phrase that states it) is in the built indicator JSON with the same value and symbol;
every entry of the monitor's catalogue is on the site with its status."""

from __future__ import annotations

import csv
import html
from pathlib import Path

import pytest
from conftest import publications_root

from build_data import ROOT
from build_data.compute.outputs import indicator_json
from build_data.site.build import cached_build

REFERENCE_DIR = Path(__file__).parent / "reference"


def reference_rows():
    for path in sorted(REFERENCE_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f), start=2):
                yield pytest.param(row, id=f"{path.stem}:{i}:{row['indicator']}")


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    return cached_build(publications_root(tmp_path_factory))  # the bundled publications (also beside a StatLine package)


@pytest.fixture(scope="module")
def jsons(build):
    return {ind.id: indicator_json(ind) for ind in build.indicators}


@pytest.mark.parametrize("ref", list(reference_rows()))
def test_reference_figure_is_on_the_site(build, jsons, ref):
    assert ref["indicator"] in jsons, f"indicator {ref['indicator']} does not exist"
    code = build.catalog.regions.resolve(ref["regio"])
    data = jsons[ref["indicator"]]
    def match(rows):
        return [w for w in rows if w["regio_code"] == code and w["periode"] == ref["periode"]
                and w["groep"] == ref.get("groep", "") and w["categorie"] == ref.get("categorie", "")]

    # a published change may be listed under the indicator of its level
    rows = match(data["waarnemingen"]) or match(data["verandering"])
    assert len(rows) == 1, f"{len(rows)} rows for {ref} ({ref['citaat']!r})"
    assert rows[0]["waarde"] == pytest.approx(float(ref["waarde"])), ref["citaat"]
    assert rows[0]["teken"] == ref.get("teken", ""), ref["citaat"]
    assert rows[0]["bron"] and rows[0]["vindplaats"]


def test_reference_lists_exist():
    assert len(list(reference_rows())) >= 100


def _site_page(rel: str) -> str:
    path = ROOT / "site" / rel
    if not path.exists():
        pytest.fail(f"{path} ontbreekt: voer eerst `make site` uit")
    return html.unescape(path.read_text(encoding="utf-8"))


def test_every_catalogue_entry_is_on_the_site_with_its_status(build):
    assert build.catalogue, "the catalogue (datapackages/impactmonitor-catalogus) is missing"
    overview = _site_page("overzicht.html")
    for entry in build.catalogue:
        if entry.indicatoren:
            for ind_id in entry.indicatoren:
                assert f'href="indicatoren/{ind_id}.html' in overview
        else:
            assert entry.omschrijving in overview, entry.id
            theme_page = _site_page(f"themas/{entry.thema}.html")
            assert entry.omschrijving in theme_page and "nog niet beschikbaar" in theme_page, entry.id
