"""The conventions of reusing official statistics, each checked with the convention's own checker
(issue 17): the downloads against their published Table Schema with frictionless, CITATION.cff
against the Citation File Format schema as cffconvert validates it, the Excel (NL) CSV as Excel
with Dutch settings reads it (';', decimal comma, BOM), and the Data page and indicator pages
that explain the columns and how to cite."""

import csv
import io
import json
import re
import tomllib
from html import unescape
from pathlib import Path

import frictionless
import jsonschema
import pandas as pd
import pytest
import yaml

from build_data.compute import outputs

ROOT = Path(__file__).resolve().parents[1]


def _downloads(site_dir: Path) -> list[Path]:
    return sorted(p for p in (site_dir / "data").glob("*.csv") if not p.name.endswith("-excel.csv"))


def _check(path: Path, schema: frictionless.Schema) -> list[str]:
    report = frictionless.Resource(path=path.name, basepath=str(path.parent), schema=schema, format="csv").validate()
    return [f"{path.name}: {e}" for e in report.flatten(["rowNumber", "fieldName", "type", "note"])]


def test_every_download_is_valid_against_the_published_table_schema(site_dir):
    published = json.loads((site_dir / outputs.SCHEMA_PATH).read_text(encoding="utf-8"))
    assert published == outputs.download_schema()
    schema = frictionless.Schema.from_descriptor(published)
    assert [f.name for f in schema.fields] == outputs.CSV_FIELDS
    files = _downloads(site_dir)
    assert len(files) >= 80
    problems = [p for f in files for p in _check(f, schema)]
    assert problems == []
    # every CBS symbol and qualifier that occurs is in the schema's enum (which the check enforced)
    seen = {row["teken"] for f in files for row in csv.DictReader(io.StringIO(f.read_text(encoding="utf-8")))}
    assert {"*", "."} <= seen


def test_the_schema_rejects_an_unknown_symbol_and_a_bad_period(site_dir, tmp_path):
    schema = frictionless.Schema.from_descriptor(outputs.download_schema())
    text = (site_dir / "data" / "ontvangen_meldingen.csv").read_text(encoding="utf-8").splitlines()
    bad = text[0:2] + [text[2].replace(",*,aantal", ",?,aantal").replace("2019-H2", "2019-2e")]
    assert bad[2] != text[2]
    (tmp_path / "x.csv").write_text("\n".join(bad) + "\n", encoding="utf-8")
    found = _check(tmp_path / "x.csv", schema)
    assert len(found) == 2 and all("constraint-error" in p for p in found), found


def test_the_excel_csv_has_the_same_rows_as_excel_nl_reads_them(site_dir):
    for path in _downloads(site_dir):
        excel = (site_dir / "data" / f"{path.stem}-excel.csv").read_bytes()
        assert excel.startswith(b"\xef\xbb\xbf") and b"\r\n" in excel  # BOM, CRLF
        nl = pd.read_csv(io.BytesIO(excel), sep=";", decimal=",", encoding="utf-8-sig", dtype={c: str for c in outputs.CSV_FIELDS if c != "waarde"},
                         keep_default_na=False, na_values={"waarde": [""]})
        std = pd.read_csv(path, dtype={c: str for c in outputs.CSV_FIELDS if c != "waarde"}, keep_default_na=False, na_values={"waarde": [""]})
        pd.testing.assert_frame_equal(nl, std, check_exact=True)
        assert not re.search(rb";\d+\.\d+;", excel.split(b"\r\n", 1)[1])  # no decimal point left in a number field
    sample = (site_dir / "data" / "ontvangen_meldingen-excel.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert sample[0].split(";")[:3] == ["indicator", "regio_code", "regio_naam"]


def _cff_loader():
    """As cffconvert loads CITATION.cff: safe YAML with dates kept as text."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_str)
    return Loader


def _cff_errors(doc) -> list[str]:
    schema = json.loads((ROOT / "tests/conventions/cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    return [e.message for e in validator.iter_errors(doc)]


def test_citation_cff_is_valid_and_names_this_release():
    doc = yaml.load((ROOT / "CITATION.cff").read_text(encoding="utf-8"), Loader=_cff_loader())
    assert _cff_errors(doc) == []
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert doc["version"] == version and doc["license"] == "EUPL-1.2"
    # the check can fail: without authors, or with a licence that is no SPDX id, the schema says so
    assert _cff_errors({k: v for k, v in doc.items() if k != "authors"})
    assert _cff_errors({**doc, "license": "EUPL"})


def test_the_data_page_explains_every_column_and_how_to_cite(site_dir):
    page = unescape((site_dir / "data.html").read_text(encoding="utf-8"))
    table = page[page.index('class="hgkm-overzicht hgkm-kolommen"'):]
    table = table[:table.index("</table>")]
    assert re.findall(r'<th scope="row"><code>([a-z_]+)</code></th>', table) == outputs.CSV_FIELDS
    assert 'een van: "*", "**", ".", "x", "–", "blank" of leeg' in table
    assert 'href="data/downloads.schema.json"' in page and "-excel.csv" in page and "CITATION.cff" in page


def test_an_indicator_page_suggests_a_citation_with_its_periods_and_sources(site_dir):
    page = unescape((site_dir / "indicatoren" / "ontvangen_meldingen.html").read_text(encoding="utf-8"))
    quote = re.search(r'<blockquote class="hgkm-citeer"><p>(.*?)</p></blockquote>', page, re.S)[1]
    assert quote.startswith("Ontvangen meldingen, 2e halfjaar 2019 tot en met 1e halfjaar 2020. Bron: CBS, Beleidsinformatie Veilig Thuis, 2e halfjaar 2019")
    assert quote.endswith("indicator 'ontvangen_meldingen', geraadpleegd op [datum].")
    assert 'href="../data/ontvangen_meldingen-excel.csv"' in page


def test_the_accessibility_statement_has_the_parts_of_the_dutch_model_and_says_what_was_tested(site_dir):
    """The statement (docs/toegankelijkheid.md) in the order of the model of the Dutch public sector,
    naming the axe-core version the browser tests run (package.json), not one from memory."""
    page = unescape((site_dir / "toegankelijkheid.html").read_text(encoding="utf-8"))
    heads = re.findall(r"<h2 id=\"[^\"]*\">(.*?)<a", page)
    assert heads == ["Eisen", "Status: nog niet door een onafhankelijke partij onderzocht", "Hoe de site is getest",
                     "Wat nog niet voldoet of niet is nagegaan", "Een probleem melden", "Datum"]
    axe = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    assert f"axe-core</strong> (versie {'.'.join(axe.split('.')[:2])})" in page
    assert "WCAG) 2.1, niveau A en AA" in page and "status C" in page
    assert 'href="toegankelijkheid.html"' in (site_dir / "index.html").read_text(encoding="utf-8")  # in the navigation


def test_the_packages_zip_holds_a_valid_data_package_v2_descriptor_for_each_package(site_dir, tmp_path):
    """Beside each datapackage.yaml the zip has its Data Package v2 form: `$schema` of the v2
    profile, version and created of the edition (CHANGELOG.md), contributors with roles; valid
    for frictionless (the profile, then every resource's data against its schema)."""
    import zipfile

    from build_data.load.changelog import edition, releases
    from build_data.load.content import Content
    from build_data.site import datapackage_v2

    with zipfile.ZipFile(site_dir / "downloads" / "impactmonitor-hgkm-datapakketten.zip") as zf:
        zf.extractall(tmp_path)
    folders = sorted(p.parent for p in (tmp_path / "datapakketten").glob("*/datapackage.yaml"))
    assert len(folders) == len(list((ROOT / "datapackages").glob("*/datapackage.yaml"))) >= 11
    current = edition(releases(Content(ROOT)))
    for folder in folders:
        desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        assert desc["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
        assert desc["version"] == current["versie"] and desc["created"] == f"{current['datum']}T00:00:00Z"
        assert desc["contributors"][-1]["roles"] == ["dataCurator"] and desc["contributors"][0]["roles"] == ["creator"]
        assert all(r.get("type") == "table" for r in desc["resources"] if "schema" in r)
        assert datapackage_v2.problems(desc) == [], folder.name
        report = frictionless.Package.from_descriptor(desc, basepath=str(folder)).validate()
        assert report.valid, (folder.name, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5])
    # the check can fail: a creation time that is no date-time
    assert datapackage_v2.problems({**desc, "created": "december 2026"})
