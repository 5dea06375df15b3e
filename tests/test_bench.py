"""The benchmark's own parts, fast: the synthetic data it builds pass the project's validation (at a
tiny scale, generated in tmp_path), and the budget check flags a missed budget. The benchmark
itself runs with `make bench`, not here."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402
import synthetic  # noqa: E402

from build_data.compute.view import latest_regional_period  # noqa: E402
from build_data.site.build import check_inputs  # noqa: E402

TINY = synthetic.Scale("klein", indicators=4, areas=30, half_years=3)  # 26 regions + 4 municipalities


@pytest.fixture(scope="module")
def tiny_root(tmp_path_factory) -> Path:
    return synthetic.make_root(tmp_path_factory.mktemp("synthetisch") / "root", TINY)


def test_synthetic_packages_validate(tiny_root):
    catalog, indicators, problems = check_inputs(tiny_root)
    assert [p for p in problems if p.severity == "error"] == []
    # the root's own declarations are used, not the bundled ones
    assert sorted(i.id for i in indicators) == ["synth_001", "synth_002", "synth_003", "synth_004"]
    areas = catalog.regions.regional()
    assert len(areas) == 30
    assert sum(a.code.startswith("GM") for a in areas) == 4 and set(catalog.regions.tiles) == {a.code for a in areas}
    obs = catalog.packages[synthetic.PACKAGE].observations
    assert len(obs) == TINY.figures == 4 * 3 * 31
    counts = obs[obs.maat == "synth_001"]
    assert (counts.waarde_num % 5 == 0).all()  # rounded to 5 like CBS counts
    for _, group in counts.groupby("periode"):  # the areas add up to Nederland
        assert group[group.regio_code != "NL01"].waarde_num.sum() == group[group.regio_code == "NL01"].waarde_num.iloc[0]
    assert set(obs.bron_titel) == {synthetic.SOURCE_TITLE} and obs.vindplaats.ne("").all()
    # the regional figures of municipalities count as regional (latest period, charts, ranks)
    assert latest_regional_period(indicators[0]) == "2016-H1"


def test_validation_catches_a_broken_synthetic_figure(tmp_path):
    """The generator's data pass because they are right, not because nothing is checked."""
    root = synthetic.make_root(tmp_path / "root", TINY)
    path = root / "datapackages" / synthetic.PACKAGE / "data" / "aantal.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[2][3] = str(int(rows[2][3]) + 500)  # one area 500 more: no longer adds up to Nederland
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    _, _, problems = check_inputs(root)
    assert [p.type for p in problems if p.severity == "error"] == ["sum-mismatch"]


def test_generator_refuses_datapackages():
    assert synthetic.main([str(ROOT / "datapackages" / "synthetisch")]) == 2
    assert not (ROOT / "datapackages" / "synthetisch").exists()


def test_scales_grow_about_fourfold():
    figures = [synthetic.SCALES[s].figures for s in ("1x", "4x", "16x")]
    assert synthetic.SCALES["16x"] == synthetic.Scale("16x", 100, 368, 20)
    assert 3.5 < figures[1] / figures[0] < 4.5 and 3.5 < figures[2] / figures[1] < 4.5


def test_budget_check_flags_a_miss():
    ok = {"site": 9.0, "synthetisch_16x": 100.0, "eerste_bezoek": 120_000, "volgende_pagina": 20_000, "eerste_cijfer_file": 100.0,
          "eerste_cijfer_http": 100.0, "statline_site": 60.0, "statline_eerste_bezoek": 150_000, "statline_gemeente": 10_000,
          "synthetisch_16x_eerste_bezoek": 150_000, "synthetisch_16x_gemeente": 10_000}
    assert all(b["ok"] for b in bench.check_budgets(ok))
    missed = bench.check_budgets({**ok, "eerste_bezoek": 140_001})
    assert [b["naam"] for b in missed if not b["ok"]] == ["eerste_bezoek"]
    unmeasured = bench.check_budgets({k: v for k, v in ok.items() if k != "site"})
    assert [b["naam"] for b in unmeasured if not b["ok"]] == ["site"]  # not measured is not met


def test_report_marks_a_missed_budget():
    budgets = bench.check_budgets({"site": 16.0})
    m = {"cpu": "x", "cores": 2, "ram_gb": 1, "os": "x", "python": "3.11", "chromium": "x", "datum": "nu",
         "load_start": (0.0, 0.0, 0.0), "load_end": (0.0, 0.0, 0.0)}
    text = bench.report(m, {}, budgets, None)
    assert "| standaardsite bouwen (make site, warm, mediaan CPU-tijd) | 16.0 s | ≤ 15 s | ✗ |" in text
