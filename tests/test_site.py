"""The site build: strict MkDocs build, generated pages and downloads, the offline zip, and
atomicity (a failed build leaves the previous site/ and dist/ as they were)."""

from __future__ import annotations

import zipfile

import pytest

from build_data.model.problems import ValidationFailed
from build_data.site.publish import build_site
from build_data.site.write import OFFLINE_IN_SITE, ZIP_DIR, ZIP_NAME


@pytest.fixture(scope="module")
def built(built_copy):
    return built_copy


def test_strict_build_writes_pages_and_downloads(built):
    root, _ = built
    site = root / "site"
    assert (site / "index.html").exists()
    assert (site / "indicatoren" / "ontvangen_meldingen.html").exists()
    assert (site / "themas" / "vergroting-bereik-veilig-thuis.html").exists()
    assert (site / "themas" / "verbetering-outcome.html").exists()  # themes without data are present
    assert (site / "data" / "ontvangen_meldingen.csv").exists()
    assert (site / "assets" / "vendor" / "vega.min.js").exists()
    html = (site / "indicatoren" / "ontvangen_meldingen.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in html
    assert "fonts.googleapis" not in html and "unpkg.com" not in html and "cdn.jsdelivr" not in html


def test_home_shows_key_figures(built):
    root, _ = built
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "64\u00a0425*" in html  # ontvangen meldingen, 1e halfjaar 2020*


def test_zip_holds_the_whole_site(built):
    root, zip_path = built
    assert zip_path == root / "dist" / ZIP_NAME
    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
    site_files = {f"{ZIP_DIR}/{p.relative_to(root / 'site').as_posix()}" for p in (root / "site").rglob("*") if p.is_file()}
    # the zip is published beside the site, not inside itself; the size it states is that of the zip
    assert names == site_files - {f"{ZIP_DIR}/{OFFLINE_IN_SITE}"}
    assert (root / "site" / OFFLINE_IN_SITE).read_bytes() == zip_path.read_bytes()
    size = f"{zip_path.stat().st_size / 1e6:.1f}".replace(".", ",") + "\u00a0MB"
    for page in ("index.html", "data.html"):
        html = (root / "site" / page).read_text(encoding="utf-8")
        assert f'<span class="hgkm-zipgrootte">{size}</span>' in html and f'href="{OFFLINE_IN_SITE}"' in html, page


def test_failed_build_leaves_previous_site_untouched(built):
    root, _ = built
    before = {p: p.read_bytes() for p in (root / "site").rglob("*.html")}
    zip_before = (root / "dist" / ZIP_NAME).read_bytes()
    table = root / "datapackages" / "cbs-beleidsinformatie-veilig-thuis" / "data" / "kerncijfers_regio_2019h2.csv"
    good = table.read_text(encoding="utf-8")
    table.write_text(good.replace("Zeeland,", "Zeeuws-Vlaanderen,"), encoding="utf-8")
    try:
        with pytest.raises(ValidationFailed) as exc:
            build_site(root)
        assert any(p.type == "unknown-region" for p in exc.value.problems)
    finally:
        table.write_text(good, encoding="utf-8")
    assert {p: p.read_bytes() for p in (root / "site").rglob("*.html")} == before
    assert (root / "dist" / ZIP_NAME).read_bytes() == zip_before
    assert not list(root.glob(".build-*"))
