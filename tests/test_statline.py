"""scripts/fetch_statline.py on CBS OData v3 responses the tests make (no network here).

The responses follow the documented shape of https://opendata.cbs.nl/ODataApi/odata/<table>/:
TableInfos, DataProperties (Topic, TopicGroup, GeoDimension, TimeDimension), the dimension
tables RegioS (space-padded keys) and Perioden (Key, Title, Status), and TypedDataSet (one row
per region and period, one column per measure), paged with odata.nextLink. Every figure in
them is synthetic, generated at run time, and only ever written into tmp_path."""

from __future__ import annotations

import importlib.util
import io
import json
import shutil
import urllib.error
import urllib.parse
import zipfile

import pytest
from conftest import copy_content, serve

from build_data import ROOT
from build_data.load.packages import load_all, read_regions
from build_data.model.regions import Regions
from build_data.site.build import build_all, check_inputs

SCRIPT = ROOT / "scripts" / "fetch_statline.py"
API = "https://opendata.cbs.nl/ODataApi/odata"
TABLE = "84847NED"
PACKAGE = "cbs-statline-veilig-thuis"
PERIODS = [("2019HJ02", "2019 2e halfjaar", "Definitief"), ("2020HJ01", "2020 1e halfjaar", "Nader voorlopig"),
           ("2020HJ02", "2020 2e halfjaar", "Voorlopig"), ("2020JJ00", "2020", "Voorlopig")]
TOPICS = [  # (Key, Title, Unit, Decimals, ParentID)
    ("GestarteAdviezen_1", "Gestarte adviezen", "aantal", 0, None),
    ("OntvangenMeldingen_2", "Ontvangen  meldingen", "aantal", 0, None),  # spacing as StatLine may send it
    ("CasussenGestart_4", "Waarvan gestart", "aantal", 0, 3),
    ("MeldingenDoorPolitie_5", "Meldingen door politie", "%", 1, None),
]


def fetch_module():
    spec = importlib.util.spec_from_file_location("fetch_statline", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def odata(entity: str, rows: list[dict], next_link: str | None = None) -> dict:
    doc = {"odata.metadata": f"{API}/{TABLE}/$metadata#Cbs.OData.WebAPI.{entity}", "value": rows}
    if next_link:
        doc["odata.nextLink"] = next_link
    return doc


def make_table(regions: Regions) -> dict:
    """The entity sets of one synthetic table: 26 regions that existed in 2019-2020, Oost-Brabant
    (VT27, from 2023: StatLine's cube holds it with empty cells), Nederland and one gemeente."""
    codes = ["NL01"] + sorted(r.code for r in regions.regional()) + ["GM0363"]
    regio = [{"Key": f"{c:<8}", "Title": "Amsterdam" if c == "GM0363" else regions.by_code[c].naam,
              "Description": "", "CategoryGroupID": None} for c in codes]
    perioden = [{"Key": k, "Title": t, "Description": "", "Status": s} for k, t, s in PERIODS]
    props = [{"odata.type": "Cbs.OData.GeoDimension", "ID": 0, "Position": 0, "ParentID": None, "Type": "GeoDimension",
              "Key": "RegioS", "Title": "Regio's", "Description": "", "MapYear": "2020", "ReleasePolicy": True},
             {"odata.type": "Cbs.OData.TimeDimension", "ID": 1, "Position": 1, "ParentID": None, "Type": "TimeDimension",
              "Key": "Perioden", "Title": "Perioden", "Description": "", "ReleasePolicy": True},
             {"odata.type": "Cbs.OData.TopicGroup", "ID": 3, "Position": None, "ParentID": None, "Type": "TopicGroup",
              "Key": "Casussen", "Title": "Casussen", "Description": ""}]
    for i, (key, title, unit, dec, parent) in enumerate(TOPICS):
        props.append({"odata.type": "Cbs.OData.Topic", "ID": 10 + i, "Position": 2 + i, "ParentID": parent, "Type": "Topic",
                      "Key": key, "Title": title, "Description": f"Testomschrijving van {title.lower()}.\n",
                      "Datatype": "Double" if dec else "Long", "Unit": unit, "Decimals": dec, "Default": "Impossible"})
    data = []
    for p, (pkey, _, _) in enumerate(PERIODS):
        for r, code in enumerate(codes):
            row = {"ID": len(data), "RegioS": f"{code:<8}", "Perioden": pkey}
            for t, (key, _, unit, _, _) in enumerate(TOPICS):
                row[key] = 5 * (100 + 7 * r + 3 * p + t) if unit == "aantal" else round(10 + r * 0.7 + p * 0.1, 1)
            if code == "VT27":
                row.update({key: None for key, *_ in TOPICS})
            data.append(row)
    data[3 + len(codes)]["OntvangenMeldingen_2"] = None  # VT03 (row 4 of 2020-H1): a missing value
    info = {"ID": 1, "Title": "Huiselijk geweld; kerncijfers Veilig Thuis, regio (testtabel)", "ShortTitle": "Veilig Thuis",
            "Identifier": TABLE, "Summary": "Testsamenvatting", "Modified": "2026-10-30T02:00:00",
            "MetaDataModified": "2026-10-30T02:00:00", "ReasonDelivery": "Actualisering", "Frequency": "Perhalfjaar",
            "Period": "2019 2e halfjaar - 2020", "ShortDescription": "Testtabel met de opbouw van StatLine.\n\nGeen echte cijfers.",
            "RecordCount": len(data), "ColumnCount": 2 + len(TOPICS), "Catalog": "CBS", "Language": "nl"}
    return {"TableInfos": [info], "DataProperties": props, "RegioS": regio, "Perioden": perioden, "TypedDataSet": data}


def add_dimension(table: dict, key: str, values: list[tuple[str, str]]) -> dict:
    """The table with one more dimension (e.g. the kind of reporter): every row once per
    category, the count 5 higher in each next category."""
    table["DataProperties"].insert(2, {"odata.type": "Cbs.OData.Dimension", "ID": 2, "Position": 2, "ParentID": None,
                                       "Type": "Dimension", "Key": key, "Title": key, "Description": ""})
    table[key] = [{"Key": k, "Title": t, "Description": "", "CategoryGroupID": None} for k, t in values]
    rows = []
    for row in table["TypedDataSet"]:
        for i, (k, _) in enumerate(values):
            rows.append({**row, "ID": len(rows), key: k,
                         "GestarteAdviezen_1": None if row["GestarteAdviezen_1"] is None else row["GestarteAdviezen_1"] + 5 * i})
    table["TypedDataSet"] = rows
    table["TableInfos"][0]["RecordCount"] = len(rows)
    return table


class FakeStatLine:
    """Answers GET requests like the OData API, from `tables` (generated above); pages of
    `page` rows with an absolute odata.nextLink ($skip), or without one (`next_links=False`)."""

    def __init__(self, tables: dict, page: int = 50, next_links: bool = True):
        self.tables, self.page, self.next_links = tables, page, next_links
        self.asked: list[str] = []
        self.fail_at: str | None = None  # a URL that gives HTTP 503
        self.loop = False  # every nextLink points at the first page
        self.count_extra = 0  # $count announces this many rows more than there are

    def __call__(self, url: str) -> bytes:
        self.asked.append(url)
        if url == self.fail_at:
            raise urllib.error.HTTPError(url, 503, "Service Unavailable", {}, None)
        parts = urllib.parse.urlsplit(url)
        assert url.startswith(API + "/"), url
        if parts.path.endswith("/TypedDataSet/$count"):  # plain text, as OData v3 answers $count
            return str(len(self.tables[parts.path.split("/")[-3]]["TypedDataSet"]) + self.count_extra).encode("ascii")
        table, entity = parts.path.split("/")[-2:]
        query = dict(urllib.parse.parse_qsl(parts.query))
        assert query.get("$format") == "json"
        rows = self.tables[table][entity]
        skip = int(query.get("$skip", 0))
        chunk = rows[skip:skip + self.page]
        nxt = None
        if self.next_links and skip + self.page < len(rows):
            nxt = f"{API}/{table}/{entity}?$format=json&$skip={0 if self.loop else skip + self.page}"
        return json.dumps(odata(entity, chunk, nxt)).encode("utf-8")


@pytest.fixture
def regions():
    return read_regions(ROOT / "datapackages" / "regions")


@pytest.fixture
def root(tmp_path):
    shutil.copytree(ROOT / "datapackages", tmp_path / "datapackages")
    return copy_content(tmp_path)


def run(fetch, monkeypatch, server, root, *args):
    monkeypatch.setattr(fetch, "fetch", server)
    return fetch.main(["--table", TABLE, "--package-dir", str(root / "datapackages" / PACKAGE), "--retrieved", "2026-11-30", *args])


def package_bytes(root) -> dict:
    folder = root / "datapackages" / PACKAGE
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def read_csv(path) -> list[dict]:
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_fetch_maps_codes_periods_status_and_pages(root, regions, monkeypatch, capsys):
    fetch = fetch_module()
    server = FakeStatLine({TABLE: make_table(regions)})
    assert run(fetch, monkeypatch, server, root) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    folder = root / "datapackages" / PACKAGE
    rows = read_csv(folder / "data" / "statline_84847ned.csv")
    by = {(r["regio"], r["periode"], r["maat"]): r for r in rows}
    # codes stripped of their padding; the gemeente and the empty cube of VT27 (from 2023) left out, and said so
    assert {r["regio"] for r in rows} == {"NL01"} | {r.code for r in regions.regional("2019-H2")}
    assert "1 gemeenten (GM) niet overgenomen" in out and "16 lege cellen weggelaten" in out
    assert "116 rijen in 3 pagina('s)" in out  # 29 regions x 4 periods, pages of 50
    # periods and status: 2019HJ02 Definitief, 2020HJ01 Nader voorlopig, 2020HJ02 Voorlopig, 2020JJ00 Voorlopig
    assert [(p, by[("NL01", p, "gestarte_adviezen")]["teken"]) for p in ("2019-H2", "2020-H1", "2020-H2", "2020")] == [
        ("2019-H2", ""), ("2020-H1", "**"), ("2020-H2", "*"), ("2020", "*")]
    assert by[("NL01", "2019-H2", "gestarte_adviezen")]["waarde"] == "500"
    assert by[("VT02", "2020-H1", "ontvangen_meldingen")]["waarde"] == str(5 * (100 + 7 * 2 + 3 + 1))
    missing = by[("VT03", "2020-H1", "ontvangen_meldingen")]
    assert (missing["waarde"], missing["teken"]) == ("", ".")  # null -> '.', never 0
    assert by[("VT01", "2020", "84847NED.MeldingenDoorPolitie_5")]["waarde"] == "11.0"  # unmapped: its StatLine key
    assert len(rows) == 4 * 27 * len(TOPICS)
    assert [r["periode"] for r in rows[:3]] == ["2019-H2"] * 3 and rows[0]["regio"] == "NL01"  # sorted
    # the maten resource keeps the StatLine keys, titles with their group, units, rounding
    maten = {m["maat"]: m for m in read_csv(folder / "data" / "maten.csv")}
    assert list(maten) == ["gestarte_adviezen", "ontvangen_meldingen", "84847NED.CasussenGestart_4", "84847NED.MeldingenDoorPolitie_5"]
    assert maten["ontvangen_meldingen"]["statline_key"] == "OntvangenMeldingen_2"
    assert maten["84847NED.CasussenGestart_4"]["naam"] == "Casussen: Waarvan gestart"
    assert (maten["gestarte_adviezen"]["eenheid"], maten["gestarte_adviezen"]["afronding"]) == ("aantal", "5")
    assert (maten["84847NED.MeldingenDoorPolitie_5"]["eenheid"], maten["84847NED.MeldingenDoorPolitie_5"]["afronding"]) == ("procent", "")
    assert maten["gestarte_adviezen"]["definitie"] == "Testomschrijving van gestarte adviezen."
    # the citation: title from TableInfos, StatLine address, Modified date, retrieval date, licence
    import yaml

    desc = yaml.safe_load((folder / "datapackage.yaml").read_text(encoding="utf-8"))
    assert desc["sources"] == [{
        "name": "statline-84847ned",
        "title": "CBS, StatLine-tabel 84847NED: Huiselijk geweld; kerncijfers Veilig Thuis, regio (testtabel)",
        "publisher": "Centraal Bureau voor de Statistiek",
        "path": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84847NED/table",
        "published": "2026-10-30", "retrieved": "2026-11-30", "licenses": [{"name": "CC-BY-4.0"}]}]
    res = next(r for r in desc["resources"] if r["name"] == "statline_84847ned")
    assert res["bron"] == "statline-84847ned" and res["vindplaats"] == "StatLine-tabel 84847NED"
    assert res["path"] == "data/statline_84847ned.csv" and desc["licenses"][0]["name"] == "CC-BY-4.0"
    # paging followed odata.nextLink: the three pages of TypedDataSet, each asked once
    pages = [u for u in server.asked if "/TypedDataSet" in u]
    assert pages == [f"{API}/{TABLE}/TypedDataSet?$format=json", f"{API}/{TABLE}/TypedDataSet?$format=json&$skip=50",
                     f"{API}/{TABLE}/TypedDataSet?$format=json&$skip=100"]
    # the project's validation and the whole build accept it
    catalog, _, problems = check_inputs(root)
    assert [p for p in problems if p.severity == "error"] == []
    package = catalog.packages[PACKAGE]
    assert len(package.observations) == len(rows) and set(package.observations.bron_titel) == {desc["sources"][0]["title"]}
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    build = build_all(root)
    names = zipfile.ZipFile(io.BytesIO(build.files["downloads/impactmonitor-hgkm-datapakketten.zip"])).namelist()
    assert any(n.endswith(f"{PACKAGE}/data/statline_84847ned.csv") for n in names)
    # the same responses give the same bytes
    before = package_bytes(root)
    assert run(fetch, monkeypatch, FakeStatLine({TABLE: make_table(regions)}), root) == 0
    assert package_bytes(root) == before
    assert "0 van 4 bestanden gewijzigd" in capsys.readouterr().out


def test_skip_paging_without_next_link_and_dry_run_writes_nothing(root, regions, monkeypatch, capsys):
    fetch = fetch_module()
    server = FakeStatLine({TABLE: make_table(regions)}, page=40, next_links=False)
    assert run(fetch, monkeypatch, server, root, "--dry-run") == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "116 rijen in 3 pagina('s)" in out and "Proefdraai" in out
    assert [u.rpartition("=")[2] for u in server.asked if "TypedDataSet" in u] == ["json", "40", "80"]
    assert not (root / "datapackages" / PACKAGE).exists()


def test_row_count_from_dollar_count_without_record_count(root, regions, monkeypatch, capsys):
    """Without RecordCount in TableInfos the expected number of rows comes from TypedDataSet/$count."""
    fetch = fetch_module()
    table = make_table(regions)
    del table["TableInfos"][0]["RecordCount"]
    server = FakeStatLine({TABLE: table})
    assert run(fetch, monkeypatch, server, root, "--dry-run") == 0, capsys.readouterr().err
    assert f"{API}/{TABLE}/TypedDataSet/$count" in server.asked
    server.count_extra = 1
    assert run(fetch, monkeypatch, server, root, "--dry-run") == 1
    assert "116 rijen ontvangen, volgens TypedDataSet/$count heeft de tabel er 117" in capsys.readouterr().err


def _drop_region(t, code):
    t["RegioS"] = [r for r in t["RegioS"] if r["Key"].strip() != code]
    t["TypedDataSet"] = [r for r in t["TypedDataSet"] if r["RegioS"].strip() != code]
    t["TableInfos"][0]["RecordCount"] = len(t["TypedDataSet"])


def _drop_period(t, key):
    t["Perioden"] = [p for p in t["Perioden"] if p["Key"] != key]
    t["TypedDataSet"] = [r for r in t["TypedDataSet"] if r["Perioden"] != key]
    t["TableInfos"][0]["RecordCount"] = len(t["TypedDataSet"])


def _unknown_region(t):
    t["RegioS"].append({"Key": "VT99    ", "Title": "Testregio", "Description": ""})
    t["TypedDataSet"] += [dict(r, RegioS="VT99    ") for r in t["TypedDataSet"] if r["RegioS"].strip() == "VT01"]
    t["TableInfos"][0]["RecordCount"] = len(t["TypedDataSet"])


BROKEN = {
    # a row lost: fewer rows than TableInfos says, and one combination missing
    "row-missing": (lambda t: t["TypedDataSet"].pop(60), None, ["115 rijen ontvangen, volgens TableInfos (RecordCount) heeft de tabel er 116", "1 van de 116 combinaties"]),
    # a page failing (HTTP 503 on the second page)
    "page-fails": (lambda t: None, "fail", ["HTTP Error 503", "TypedDataSet?$format=json&$skip=50"]),
    # the server's nextLink points back at the first page
    "next-link-loop": (lambda t: None, "loop", ["loopt rond", "odata.nextLink"]),
    # a Veilig Thuis region absent from the table altogether
    "region-missing": (lambda t: _drop_region(t, "VT05"), None, ["regio's VT05 ontbreken", "periode 2019HJ02"]),
    # a period key this package cannot hold, and a status without a CBS symbol
    "unknown-period-status": (lambda t: t["Perioden"].append({"Key": "2020KW01", "Title": "2020 1e kwartaal", "Status": "Onbekend"}),
                              None, ["periode '2020KW01'", "status 'Onbekend'", "statline-mapping"]),
    # a half-year missing between two others
    "period-gap": (lambda t: _drop_period(t, "2020HJ01"), None, ["halfjaren ontbreken tussen 2019-H2 en 2020-H2"]),
    # a region code that regios.csv does not know: a problem, never dropped
    "unknown-region": (_unknown_region, None, ["unknown-region", "'VT99' (Testregio)", "StatLine 84847NED/RegioS"]),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_partial_or_untranslatable_download_writes_nothing(case, root, regions, monkeypatch, capsys):
    fetch = fetch_module()
    assert run(fetch, monkeypatch, FakeStatLine({TABLE: make_table(regions)}), root) == 0  # the committed state
    committed = package_bytes(root)
    capsys.readouterr()
    table = make_table(regions)
    change, mode, expected = BROKEN[case]
    change(table)
    server = FakeStatLine({TABLE: table})
    if mode == "fail":
        server.fail_at = f"{API}/{TABLE}/TypedDataSet?$format=json&$skip=50"
    server.loop = mode == "loop"
    assert run(fetch, monkeypatch, server, root, "--retrieved", "2027-04-30") == 1
    err = capsys.readouterr().err
    for text in expected:
        assert text in err, err
    assert "Niets geschreven: 84847NED" in err
    assert len(server.asked) <= 8  # stopped at once: 4 metadata sets, at most 3 pages and one $skip for missing rows
    assert package_bytes(root) == committed  # byte for byte, retrieval date included


VALIDATION = {
    # a count not rounded to 5: the rounding CBS applies is declared in maten.csv
    "not-rounded": (lambda t: t["TypedDataSet"][2].update(GestarteAdviezen_1=1233), "not-rounded", 10, "waarde"),
    # a figure for Oost-Brabant (VT27, from 2023) in 2019: a region that did not exist then
    "region-not-valid": (lambda t: next(r for r in t["TypedDataSet"] if r["RegioS"].strip() == "VT27").update(GestarteAdviezen_1=10),
                         "region-not-valid", None, "regio"),
    # a percentage above 100
    "percentage": (lambda t: t["TypedDataSet"][1].update(MeldingenDoorPolitie_5=100.5), "percentage-out-of-range", None, "waarde"),
}


@pytest.mark.parametrize("case", list(VALIDATION))
def test_validation_failure_writes_nothing(case, root, regions, monkeypatch, capsys):
    fetch = fetch_module()
    assert run(fetch, monkeypatch, FakeStatLine({TABLE: make_table(regions)}), root) == 0
    committed = package_bytes(root)
    capsys.readouterr()
    table = make_table(regions)
    change, kind, row, field = VALIDATION[case]
    change(table)
    assert run(fetch, monkeypatch, FakeStatLine({TABLE: table}), root) == 1
    err = capsys.readouterr().err
    assert "komen niet door de validatie" in err
    line = next(line for line in err.splitlines() if f" {kind} " in line)
    cells = [c.strip() for c in line.split("|")]
    assert cells[0] == f"datapackages/{PACKAGE}/data/statline_84847ned.csv" and cells[2] == field
    if row:
        assert cells[1] == str(row)  # VT02 2019-H2: after NL01's and VT01's four measures (rows 2-9)
    assert package_bytes(root) == committed


def test_without_the_package_the_repository_validates_and_has_none():
    """No fetched data is committed: the package only exists where the fetcher ran."""
    assert not (ROOT / "datapackages" / PACKAGE).exists()
    assert PACKAGE not in load_all(ROOT).packages


def test_period_keys_and_number_texts():
    fetch = fetch_module()
    assert [fetch.period_key(k) for k in ("2020HJ01", "2019HJ02", "2020JJ00", "2020KW01", "2020HJ03", "2020MM01", "2020JJ01")] == [
        "2020-H1", "2019-H2", "2020", None, None, None, None]
    assert fetch._number_text(64505, 0) == "64505" and fetch._number_text(55.6, 1) == "55.6" and fetch._number_text(3, 1) == "3.0"
    with pytest.raises(ValueError):
        fetch._number_text("64505", 0)
    assert fetch.entity_url(API, TABLE, "TypedDataSet", skip=10) == f"{API}/{TABLE}/TypedDataSet?$format=json&$skip=10"


def test_over_http_with_urllib_and_without_network(root, regions, tmp_path, capsys):
    """The real download function (urllib) against a local server holding the responses as
    files; then the same with the server gone: a download problem, nothing written."""
    table = make_table(regions)
    folder = tmp_path / "odata" / TABLE
    folder.mkdir(parents=True)
    data = table.pop("TypedDataSet")
    for entity, rows in table.items():
        (folder / entity).write_text(json.dumps(odata(entity, rows)), encoding="utf-8")
    fetch = fetch_module()
    with serve(tmp_path / "odata") as base:
        api = base.rstrip("/")
        (folder / "TypedDataSet").write_text(json.dumps(odata("TypedDataSet", data[:70], f"{api}/{TABLE}/TypedDataSet-2")), encoding="utf-8")
        (folder / "TypedDataSet-2").write_text(json.dumps(odata("TypedDataSet", data[70:])), encoding="utf-8")
        args = ["--table", TABLE, "--package-dir", str(root / "datapackages" / PACKAGE), "--retrieved", "2026-11-30", "--api", api]
        assert fetch.main(args) == 0, capsys.readouterr().err
    assert "116 rijen in 2 pagina('s)" in capsys.readouterr().out
    written = package_bytes(root)
    assert len(read_csv(root / "datapackages" / PACKAGE / "data" / "statline_84847ned.csv")) == 4 * 27 * len(TOPICS)
    assert fetch.main(args) == 1  # the server is gone
    err = capsys.readouterr().err
    assert "statline-download" in err and "Connection refused" in err and "Niets geschreven: 84847NED" in err
    assert package_bytes(root) == written


def test_several_tables_keep_each_other(root, regions, monkeypatch, capsys):
    """Fetching one table again leaves the rows, measures and citation of another table alone."""
    fetch = fetch_module()
    other = add_dimension(make_table(regions), "Melder", [("T001038 ", "Totaal"), ("A047521 ", "Politie")])
    other["TableInfos"][0].update(Identifier="84852NED", Title="Huiselijk geweld; veiligheidsbeoordeling (testtabel)")
    server = FakeStatLine({TABLE: make_table(regions), "84852NED": other})
    monkeypatch.setattr(fetch, "fetch", server)
    pkg = str(root / "datapackages" / PACKAGE)
    assert fetch.main(["--table", TABLE, "--table", "84852ned", "--package-dir", pkg, "--retrieved", "2026-11-30"]) == 0, capsys.readouterr().err
    both = package_bytes(root)
    assert fetch.main(["--table", TABLE, "--package-dir", pkg, "--retrieved", "2026-12-01"]) == 0
    now = package_bytes(root)
    assert now["data/statline_84852ned.csv"] == both["data/statline_84852ned.csv"] and now["data/maten.csv"] == both["data/maten.csv"]
    import yaml

    desc = yaml.safe_load(now["datapackage.yaml"])
    assert [(s["name"], s["retrieved"]) for s in desc["sources"]] == [("statline-84847ned", "2026-12-01"), ("statline-84852ned", "2026-11-30")]
    assert [r["name"] for r in desc["resources"]] == ["maten", "categorieen", "statline_84847ned", "statline_84852ned"]
    maten = read_csv(root / "datapackages" / PACKAGE / "data" / "maten.csv")
    assert [m["maat"] for m in maten if m["tabel"] == "84852NED"] == [f"84852NED.{k}" for k, *_ in TOPICS]  # no mapping for 84852NED
    # the other dimension became `categorie`, declared per measure in categorieen.csv
    rows = read_csv(root / "datapackages" / PACKAGE / "data" / "statline_84852ned.csv")
    assert [(r["regio"], r["periode"], r["maat"], r["categorie"]) for r in rows[:3]] == [
        ("NL01", "2019-H2", "84852NED.GestarteAdviezen_1", "T001038"), ("NL01", "2019-H2", "84852NED.GestarteAdviezen_1", "A047521"),
        ("NL01", "2019-H2", "84852NED.OntvangenMeldingen_2", "T001038")]
    assert int(rows[1]["waarde"]) == int(rows[0]["waarde"]) + 5
    cats = read_csv(root / "datapackages" / PACKAGE / "data" / "categorieen.csv")
    assert len(cats) == 2 * len(TOPICS) and cats[1] == {
        "maat": "84852NED.GestarteAdviezen_1", "categorie": "A047521", "naam": "Politie", "tabel": "84852NED", "dimensie": "Melder"}
    catalog, _, problems = check_inputs(root)
    assert [p for p in problems if p.severity == "error"] == [] and len(catalog.packages[PACKAGE].observations) == 3 * 4 * 27 * len(TOPICS)
