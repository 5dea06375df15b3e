"""Reproducible builds: the same inputs give a byte-identical site/ and offline zip, whatever the
day, the time zone or Python's hash seed, so anyone can verify a release by rebuilding it."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, ZIP

from build_data.load.changelog import edition, releases
from build_data.load.content import Content
from build_data.site.write import source_date_epoch

BUILD = """
import sys
from datetime import datetime
from pathlib import Path

import mkdocs.utils

from build_data.site.publish import build_site


class OtherDay(datetime):  # the build runs on another day than the edition's
    @classmethod
    def now(cls, tz=None):
        return datetime(2031, 5, 17, 13, 45, tzinfo=tz)


mkdocs.utils.datetime = OtherDay
build_site(Path(sys.argv[1]), Path(sys.argv[2]) / "site", Path(sys.argv[2]) / "dist")
"""


def _start(out: Path, **env) -> subprocess.Popen:
    clean = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "SITE_URL")}
    return subprocess.Popen([sys.executable, "-c", BUILD, str(ROOT), str(out)], cwd=out.parent,
                            env={**clean, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def rebuilds(tmp_path_factory, site_dir, zip_path):
    """Two more builds, side by side, on 'another day' (MkDocs' clock set to 2031): one as `make site`
    makes it (other hash seed and time zone), one for GitHub Pages (with SITE_URL, so the sitemap
    lists dated URLs)."""
    base = tmp_path_factory.mktemp("rebuild")
    plain, pages = base / "plain", base / "pages"
    plain.mkdir(), pages.mkdir()
    procs = [_start(plain, PYTHONHASHSEED="4242", TZ="Pacific/Auckland"),
             _start(pages, PYTHONHASHSEED="7", TZ="America/Lima", SITE_URL="https://voorbeeld.github.io/hgkm/")]
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0, out
    return plain, pages


def test_second_build_is_byte_identical(rebuilds, site_dir):
    plain, _ = rebuilds
    ours, theirs = _digests(site_dir), _digests(plain / "site")
    assert ours.keys() == theirs.keys()
    differ = [path for path in ours if ours[path] != theirs[path]]
    assert differ == [], f"{len(differ)} bestanden verschillen, o.a. {differ[:5]}"
    assert len(ours) > 300


def test_offline_zip_is_byte_identical(rebuilds, zip_path):
    plain, _ = rebuilds
    assert (plain / "dist" / ZIP.name).read_bytes() == zip_path.read_bytes()


def test_sitemap_is_dated_by_the_edition_not_the_build_day(rebuilds):
    _, pages = rebuilds
    site = pages / "site"
    date = edition(releases(Content(ROOT)))["datum"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates == {date}
    assert sitemap.count("<loc>https://voorbeeld.github.io/hgkm/") > 100
    raw = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") == source_date_epoch(date)  # the gzip header's MTIME
    assert gzip.decompress(raw).decode("utf-8") == sitemap


def test_zip_entries_have_fixed_dates_and_sorted_names(zip_path):
    import zipfile

    with zipfile.ZipFile(zip_path) as zf:
        infos = zf.infolist()
    assert {i.date_time for i in infos} == {(2020, 1, 1, 0, 0, 0)}
    names = [i.filename for i in infos]
    assert names == sorted(names, key=lambda n: n.split("/"))  # folder by folder


def test_source_date_epoch():
    assert source_date_epoch("2026-11-24") == 1795478400
    assert source_date_epoch("") == 1577836800  # 2020-01-01, the zips' fixed date


def test_a_shared_link_shows_title_area_and_chart_image(rebuilds):
    """Open Graph and Twitter card tags (overrides/main.html, build_data.pages.share): on the site
    with an address an indicator link shows its title with the areas, and the image of its chart,
    drawn at build time with the chart's caption (area, period) and source; the offline build and
    the zip carry no images (a link preview needs an address)."""
    import struct
    import zipfile
    from html import unescape

    plain, pages = rebuilds
    page = (pages / "site" / "indicatoren" / "ontvangen_meldingen.html").read_text(encoding="utf-8")
    tags = {m[0]: unescape(m[1]) for m in re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:]+)" content="([^"]*)"', page)}
    assert tags["og:title"] == "Ontvangen meldingen (Nederland en Veilig Thuis-regio's)"
    assert tags["og:url"] == "https://voorbeeld.github.io/hgkm/indicatoren/ontvangen_meldingen.html"
    assert tags["og:image"] == "https://voorbeeld.github.io/hgkm/assets/delen-beeld/ontvangen_meldingen.png"
    assert tags["og:image:alt"].startswith("Grafiek: Ontvangen meldingen per Veilig Thuis-regio, 2e halfjaar 2019*. Bron: CBS, Beleidsinformatie Veilig Thuis")
    assert tags["twitter:card"] == "summary_large_image" and tags["og:locale"] == "nl_NL"
    png = (pages / "site" / "assets" / "delen-beeld" / "ontvangen_meldingen.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 500 and height >= 300 and len(png) > 20_000  # a chart, not an empty box
    home = (pages / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="' in home and 'name="twitter:card" content="summary"' in home
    offline = (plain / "site" / "indicatoren" / "ontvangen_meldingen.html").read_text(encoding="utf-8")
    assert 'property="og:title"' in offline and "og:image" not in offline
    assert not (plain / "site" / "assets" / "delen-beeld").exists()
    with zipfile.ZipFile(pages / "dist" / ZIP.name) as zf:
        assert not [n for n in zf.namelist() if "/assets/delen-beeld/" in n]
