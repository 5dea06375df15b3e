"""The shape of the code, tried as a maintainer would: a new chart kind is one file; every check
that can fail the build runs in `validate` (a broken redirects.yml among them); an unexpected error
shows its traceback; `pages --out` writes every generated page for another engine."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import copy_content
from roots import copy_datapackages

from build_data import ROOT
from build_data.compute import charts
from build_data.site import cli
from build_data.site.build import build_all, check_inputs

TOY = '''
"""A toy chart kind for a test: one file, nothing else touched."""

from .figure import Figure

NAME = "toy"
LEVELS = ("landelijk",)


def figure(view, catalog, related=()):
    shown = [r for r in view.records if r["regio_code"] == "NL01"]
    spec = {"$schema": "https://vega.github.io/schema/vega/v6.json", "description": f"Speelgoed: {view.titel}", "marks": []}
    return Figure(NAME, f"{view.titel} als speelgoed", spec, shown, ["Periode", view.titel],
                  [(r, [r["periode_label"], r["waarde_tekst"]]) for r in shown], 1)
'''
DECLARATION = "build_data/indicators/omvang-aard-en-kenmerken/recidive_tweejarig.yml"


def make_root(base: Path) -> Path:
    copy_datapackages(base / "datapackages")
    (base / "node_modules").symlink_to(ROOT / "node_modules")
    return copy_content(base)


@pytest.fixture
def toy_kind(tmp_path, monkeypatch):
    """The registry with one more module, as if toy.py stood in build_data/compute/charts/."""
    folder = tmp_path / "kinds"
    folder.mkdir()
    (folder / "toy.py").write_text(textwrap.dedent(TOY), encoding="utf-8")
    monkeypatch.setattr(charts, "__path__", [*charts.__path__, str(folder)])
    monkeypatch.setattr(charts, "KINDS", charts._discover())
    yield
    import sys
    sys.modules.pop("build_data.compute.charts.toy", None)


def _use_kind(root: Path, kind: str) -> None:
    path = root / DECLARATION
    text = path.read_text(encoding="utf-8")
    assert "grafieken:" in text
    lines = [f"grafieken: [{kind}]" if line.startswith("grafieken:") else line for line in text.splitlines()
             if not line.startswith("- ")]  # the block list under grafieken goes with it
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_new_chart_kind_is_one_file(toy_kind, tmp_path):
    root = make_root(tmp_path / "root")
    _use_kind(root, "toy")
    build = build_all(root)
    page = build.pages["indicatoren/recidive_tweejarig.md"]
    assert 'data-soort="toy" data-landelijk="ja"' in page
    assert "als speelgoed</figcaption>" in page and 'aria-label="Speelgoed: ' in page
    assert 'data-bestand="recidive_tweejarig-toy"' in page  # export buttons, table, sources: as for every kind
    assert '<table class="hgkm-waarden" data-soort="toy">' in page and 'class="hgkm-bron"' in page


def test_declarations_are_checked_against_the_registry(toy_kind, tmp_path):
    root = make_root(tmp_path / "root")
    _use_kind(root, "speelgoed")
    _, _, problems = check_inputs(root)
    [p] = [p for p in problems if p.field == "grafieken"]
    assert p.type == "invalid-indicator" and "'speelgoed' bestaat niet" in p.message and "toy" in p.message
    _use_kind(root, "regio-vergelijking")  # a kind that needs regional figures, on a national indicator
    _, _, problems = check_inputs(root)
    [p] = [p for p in problems if p.field == "grafieken"]
    assert "vraagt niveau regionaal" in p.message


def test_validate_fails_on_a_broken_redirects_file(tmp_path, capsys):
    root = make_root(tmp_path / "root")
    (root / "build_data" / "redirects.yml").write_text("indicatoren/oud.html: [niet gesloten\n", encoding="utf-8")
    assert cli.main(["--root", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    assert "build_data/redirects.yml" in err and "invalid-redirect" in err and "geen geldige YAML" in err
    # a redirect to a page that does not exist is found by validate too (it needs the pages)
    (root / "build_data" / "redirects.yml").write_text("indicatoren/oud.html: indicatoren/bestaat_niet.html\n", encoding="utf-8")
    assert cli.main(["--root", str(root), "validate"]) == 1
    assert "doel indicatoren/bestaat_niet.html bestaat niet" in capsys.readouterr().err


def test_validate_fails_on_a_missing_browser_asset(tmp_path, capsys):
    root = make_root(tmp_path / "root")
    (root / "node_modules").unlink()
    assert cli.main(["--root", str(root), "validate"]) == 1
    assert "missing-asset" in capsys.readouterr().err


def test_an_unexpected_error_prints_its_traceback(monkeypatch, capsys):
    from build_data.site import publish

    def broken(root):
        raise RuntimeError("onverwacht")

    monkeypatch.setattr(publish, "build_site", broken)
    assert cli.main(["site"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and 'in broken\n    raise RuntimeError("onverwacht")' in err
    assert "De site is niet gebouwd: RuntimeError: onverwacht" in err


def test_pages_out_writes_every_generated_page_for_another_engine(tmp_path):
    from build_data.site.build import cached_build

    out = tmp_path / "pages"
    assert cli.main(["pages", "--out", str(out)]) == 0
    build = cached_build(ROOT)
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == set(build.pages) | set(build.files) | {"nav.yml"}
    page = (out / "indicatoren/ontvangen_meldingen.md").read_text(encoding="utf-8")
    assert "hgkm-lift" not in page and '<figure class="hgkm-figuur" data-soort="regio-vergelijking"' in page
    assert (out / "data/ontvangen_meldingen.csv").read_bytes() == build.files["data/ontvangen_meldingen.csv"]
    assert "indicatoren/ontvangen_meldingen.md" in (out / "nav.yml").read_text(encoding="utf-8")
