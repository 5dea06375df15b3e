#!/usr/bin/env python3
"""A replay of the CBS OData v3 services over real HTTP, in the shapes of recorded responses.

    python tests/replay/statline.py --port 8000 [--until 2024-H2] [--revise] [--page-size 10000]

Serves, under one host root (the fetcher's --base):
- /ODataApi/odata/<table>[/<entity>]: the service document and metadata (TableInfos, DataProperties,
  CategoryGroups, the dimension tables). Data from the API: at most 10 000 cells, and $skip refused
  with HTTP 500 and the service's message (wording recorded from a live answer in a public source:
  search tool, code corpus, a C collector's comment of 2026-09-15 quoting "The 'Skip' query option is
  not supported on the ODataApi. This functionality is available only on the ODataFeed endpoint.";
  shortened the same in github.com/athithyai/Statline_MCP README.md). The wording of the cell-limit
  refusal is NOT recorded in any source found; CELL_LIMIT below is the replay's own.
- /ODataFeed/odata/<table>/TypedDataSet: pages of --page-size rows (10 000 as recorded) with an absolute
  odata.nextLink `...?$format=json&$skip=N`, none on the last page (CBSOData3.jl test/tables_2.json,
  tables_3.json; trimmed copies in tests/recorded/).
- /ODataCatalog/Tables: the catalogue (entry shape of CBSOData3.jl test/tables_1.json), OData v3
  substringof($filter) on Title.

Shapes (key sets and order, odata.metadata, padding of keys to 6 as 'NL01  ') follow the recorded
files in tests/recorded/. What the tables hold (titles, dimensions, topics) is in tables.yml, with the
cbs.nl page each was taken from. Every value is generated at run time from a seed: counts are
multiples of 5, some cells are empty (null: unknown or secret), the last periods are Voorlopig /
Nader voorlopig; one real figure is kept (84852NED/84847NED Nederland 1e halfjaar 2020 = 64 505,
cbs.nl page of 84852NED). Test data only: never written into the repository's datapackages/.

`Release.faults` lets tests break the service on purpose (HTTP errors on one URL, a nextLink loop,
a page cut off mid-stream, a page shorter than announced, metadata that changes after the data,
a row with an unknown key)."""

from __future__ import annotations

import argparse
import re
import sys
import threading
import zlib
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the package `replay` beside it

from replay.server import CELL_LIMIT, SKIP_REFUSED, pad, serve  # noqa: F401 - re-exported for the tests

SPEC = yaml.safe_load((HERE / "tables.yml").read_text(encoding="utf-8"))
VT_NAMES = {"VT15": "Midden-Brabant"}  # its name from 2023 (datapackages/regions says Noord-Brabant Midden)
def half_years(until: str) -> list[tuple[int, int]]:
    y, h = int(until[:4]), int(until[-1])
    return [(yy, hh) for yy in range(2019, y + 1) for hh in (1, 2) if (yy, hh) <= (y, h)]


def topic_key(title: str, n: int) -> str:
    words = re.findall(r"[A-Za-z0-9]+", title)
    return "".join(w[:1].upper() + w[1:] for w in words)[:30] + f"_{n}"


def _h(*parts) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode("utf-8"))


class Release:
    """Every response of one StatLine release, generated at construction."""

    def __init__(self, until: str = "2025-H1", revise: bool = False, seed: int = 1, page_size: int = 10000,
                 without_vt: tuple[int, ...] = (), tables: list[str] | None = None, gebieden_drop=(),
                 extra_municipalities: int = 0):
        self.until, self.revise, self.seed, self.page_size = until, revise, seed, page_size
        # the recorded municipalities, and for the benchmark N more, obviously synthetic (GM9001 ...,
        # 'Testgemeente 001'), spread over the Veilig Thuis regions of 2019-2022 in turn
        vts = [r["code"] for r in _regios() if r["code"].startswith("VT") and not r["geldig_vanaf"]]
        self.municipalities = dict(SPEC["municipalities"])
        self.municipalities.update({f"GM{9001 + i}": [f"Testgemeente {i + 1:03d}", vts[i % len(vts)]]
                                    for i in range(extra_municipalities)})
        self.without_vt = set(without_vt)
        self.gebieden_drop = set(gebieden_drop)  # (year, GMxxxx) left out of that year's Gebieden table
        self.faults: dict = {}
        self.asked: list[str] = []
        self.data_served: set[str] = set()
        self.tables: dict[str, dict] = {}
        self.catalogue: list[dict] = []
        hy = half_years(until)
        self.periods = []
        last_year = hy[-1][0]
        for year in sorted({y for y, _ in hy}):
            status = "Voorlopig" if year == last_year else "Nader voorlopig" if year == last_year - 1 else "Definitief"
            for y, h in hy:
                if y == year:
                    self.periods.append((f"{y}HJ0{h}", f"{y} {h}e halfjaar", status))
            if (year, 2) in hy:
                self.periods.append((f"{year}JJ00", str(year), status))
        for table, spec in SPEC["vt_tables"].items():
            if tables is None or table in tables:
                self.tables[table] = self._vt_table(table, spec)
        years = sorted({int(k[:4]) for k, _, _ in self.periods})
        for year in years:
            gid = SPEC["gebieden"][year]["id"]
            self.tables[gid] = self._gebieden(gid, year)

    # --- shapes -----------------------------------------------------------------------------
    @staticmethod
    def _info(table: str, title: str, period: str, modified: str) -> dict:
        # key order of recorded TableInfos (tests/recorded/80137ned_TableInfos.json); no RecordCount
        return {"Identifier": table, "ExplanatoryText": "", "Catalog": "CBS", "Period": period, "Source": "CBS.",
                "SearchPriority": "2", "Modified": modified, "ID": 0, "Summary": title, "ReasonDelivery": "Actualisering",
                "Frequency": "Perhalfjaar", "Title": title, "Language": "nl", "OutputStatus": "Regulier",
                "ShortTitle": title[:40], "Description": "Replay: geen echte toelichting.", "MetaDataModified": modified,
                "GraphTypes": "Table,Bar,Line", "ShortDescription": "Replay van de CBS-dienst; de cijfers zijn verzonnen.",
                "DefaultPresentation": "graphType=table", "DefaultSelection": ""}

    @staticmethod
    def _prop(kind: str, i: int, key: str, title: str, parent=None, position=None, unit=None) -> dict:
        # key order of recorded DataProperties (tests/recorded/80137ned_DataProperties.json)
        if kind == "TopicGroup":
            return {"Position": None, "Description": None, "odata.type": "Cbs.OData.TopicGroup", "ParentID": parent,
                    "Type": "TopicGroup", "Key": "", "Title": title, "ID": i}
        if kind == "Topic":
            return {"Position": position, "Unit": unit, "Decimals": 1 if unit == "%" else 0, "odata.type": "Cbs.OData.Topic",
                    "ParentID": parent, "ID": i, "Default": "Missing", "Key": key, "Title": title,
                    "Datatype": "Double" if unit == "%" else "Long", "Description": f"Replay: {title}.", "Type": "Topic"}
        p = {"Position": position, "Description": None}
        if kind in ("TimeDimension", "GeoDimension"):
            p["ReleasePolicy"] = kind == "TimeDimension"
        if kind == "GeoDimension":
            p["MapYear"] = "2023"  # not recorded (80137ned has no region dimension)
        return {**p, "odata.type": f"Cbs.OData.{kind}", "ParentID": None, "Type": kind, "Key": key, "Title": title, "ID": i}

    def _regions(self, kind: str) -> list[tuple[str, str]]:
        from_regions = [(r["code"], r["naam"]) for r in _regios()]
        out = [("NL01", "Nederland")] + list(SPEC["landsdelen"].items()) + list(SPEC["provincies"].items())
        if kind == "regio":
            out += [(c, v[0]) for c, v in sorted(self.municipalities.items())]
        out += [(c, f"{VT_NAMES.get(c, n)} (VT)") for c, n in from_regions if c.startswith("VT")]
        return out

    def _vt_table(self, table: str, spec: dict) -> dict:
        props, groups, n_topic = [], [], 0
        dims = {}
        pos = 0
        for d in spec["dimensions"]:
            props.append(self._prop("Dimension", len(props), d["key"], d["title"], position=pos))
            pos += 1
            values = []
            for j, v in enumerate(d["values"]):
                title, _, group = v.partition("|")
                gid = None
                if group:
                    hit = next((g for g in groups if g["Title"] == group and g["DimensionKey"] == d["key"]), None)
                    if hit is None:
                        hit = {"ID": len(groups) + 1, "DimensionKey": d["key"], "Title": group, "Description": None, "ParentID": None}
                        groups.append(hit)
                    gid = hit["ID"]
                key = "T001038" if title.startswith("Totaal") and j == 0 else f"A{_h(table, d['key'], title) % 900000 + 100000:06d}"
                values.append({"Description": None, "Key": pad(key, 8), "Title": title, "CategoryGroupID": gid})
            dims[d["key"]] = values
        props.append(self._prop("GeoDimension", len(props), "RegioS", "Regio's", position=pos))
        dims["RegioS"] = [{"Description": None, "Key": pad(c), "Title": t, "CategoryGroupID": None} for c, t in self._regions(spec["regions"])]
        props.append(self._prop("TimeDimension", len(props), "Perioden", "Perioden", position=pos + 1))
        dims["Perioden"] = [{"Description": None, "Status": s, "Key": k, "Title": t} for k, t, s in self.periods]
        pos += 2
        topics = []

        def walk(items, parent):
            nonlocal pos, n_topic
            for item in items:
                if isinstance(item, list):
                    gid = len(props)
                    props.append(self._prop("TopicGroup", gid, "", item[0], parent=parent))
                    walk(item[1], gid)
                else:
                    title, _, unit = item.partition("|")
                    n_topic += 1
                    key = topic_key(title, n_topic)
                    props.append(self._prop("Topic", len(props), key, title, parent=parent, position=pos, unit=unit))
                    topics.append((key, title, unit))
                    pos += 1
        walk(spec["topics"], None)
        rows = self._rows(table, spec, dims, topics)
        first, last = self.periods[0][1], self.periods[-1][1]
        info = self._info(table, spec["title"], f"{first} - {last}", self._modified())
        return {"info": info, "props": props, "dims": dims, "groups": groups, "rows": rows, "topics": topics}

    def _modified(self) -> str:
        y, h = int(self.until[:4]), int(self.until[-1])
        return f"{y}-10-30T02:00:00" if h == 1 else f"{y + 1}-04-30T02:00:00"

    def _rows(self, table, spec, dims, topics) -> list[dict]:
        other = [d["key"] for d in spec["dimensions"]]
        combos = [()]
        for k in other:
            combos = [c + (v,) for c in combos for v in dims[k]]
        real = {(t, tuple(c), r, p): v for t_, t, c, r, p, v in SPEC["real_values"] if t_ == table}
        latest_year = int(self.periods[-1][0][:4])
        rows = []
        for combo in combos:
            cat_titles = tuple(v["Title"] for v in combo)
            for reg in dims["RegioS"]:
                code = reg["Key"].strip()
                for pkey, _, _ in self.periods:
                    row = {"ID": len(rows), **{k: v["Key"] for k, v in zip(other, combo)}, "RegioS": reg["Key"], "Perioden": pkey}
                    for key, title, unit in topics:
                        row[key] = self._value(table, key, unit, cat_titles, code, pkey, latest_year)
                        hit = real.get((title, cat_titles, code, pkey))
                        if hit is not None:
                            row[key] = hit
                    rows.append(row)
        return rows

    def _value(self, table, key, unit, cats, code, pkey, latest_year):
        year, gone = int(pkey[:4]), False
        if code in ("VT16", "VT26"):
            gone = year >= 2023
        elif code == "VT27":
            gone = year < 2023
        if gone:
            return None  # StatLine's full cube: an empty cell for a region that did not exist
        if pkey.endswith("JJ00"):
            h1 = self._value(table, key, unit, cats, code, f"{year}HJ01", latest_year)
            h2 = self._value(table, key, unit, cats, code, f"{year}HJ02", latest_year)
            if h1 is None or h2 is None:
                return None
            return round((h1 + h2) / 2, 1) if unit == "%" else h1 + h2
        base = _h(self.seed, table, key, cats, code)
        seed = self.seed + 1000 if self.revise and year < latest_year and _h("rev", table, key, cats, code, pkey) % 7 == 0 else self.seed
        wobble = _h(seed, table, key, cats, code, pkey)
        if wobble % 41 == 0:
            return None  # unknown
        if unit == "%":
            return round((base % 300 + wobble % 100) / 10, 1)
        scale = 30000 if code == "NL01" else 1200 if code.startswith("VT") else 400 if code.startswith(("LD", "PV")) else 60
        scale = max(1, scale >> (len(cats) and (sum(1 for c in cats if not c.startswith("Totaal")))))
        value = 5 * round((scale * (0.6 + (base % 80) / 100) * (0.9 + (wobble % 20) / 100)) / 5)
        if code.startswith("GM") and value < 10:
            return None  # secret: a small number in a small municipality
        return value

    def _gebieden(self, table: str, year: int) -> dict:
        title = f"Gebieden in Nederland {year}"
        props = [self._prop("GeoDimension", 0, "RegioS", "Regio's", position=0)]
        props.append(self._prop("TopicGroup", 1, "", "Codes en namen van gemeenten"))
        props.append(self._prop("Topic", 2, "Code_1", "Code", parent=1, position=1, unit="code"))
        props.append(self._prop("Topic", 3, "Naam_2", "Naam", parent=1, position=2, unit="naam"))
        props.append(self._prop("TopicGroup", 4, "", "Lokaliseringen van gemeenten"))
        props.append(self._prop("TopicGroup", 5, "", "COROP-gebieden", parent=4))
        props.append(self._prop("Topic", 6, "Code_3", "Code", parent=5, position=3, unit="code"))
        props.append(self._prop("Topic", 7, "Naam_4", "Naam", parent=5, position=4, unit="naam"))
        with_vt = year not in self.without_vt
        if with_vt:
            props.append(self._prop("TopicGroup", 8, "", "Veilig Thuis-regio's", parent=4))
            props.append(self._prop("Topic", 9, "Code_5", "Code", parent=8, position=5, unit="code"))
            props.append(self._prop("Topic", 10, "Naam_6", "Naam", parent=8, position=6, unit="naam"))
        for p in props:
            if p["Type"] == "Topic":
                p.update(Unit=None, Decimals=0, Datatype="String")
        names = {r["code"]: r["naam"] for r in _regios()}
        dims = {"RegioS": [], }
        rows = []
        for code, (naam, vt) in sorted(self.municipalities.items()):
            if (year, code) in self.gebieden_drop:
                continue
            if year >= 2023 and vt in ("VT16", "VT26"):
                vt = "VT27"
            shown = f"{naam} (gemeente)" if naam in ("Groningen", "Utrecht", "'s-Gravenhage") else naam
            dims["RegioS"].append({"Description": None, "Key": pad(code, 10), "Title": shown, "CategoryGroupID": None})
            row = {"ID": len(rows), "RegioS": pad(code, 10), "Code_1": pad(code, 10), "Naam_2": naam,
                   "Code_3": "CR00      ", "Naam_4": "Testgebied (replay)"}
            if with_vt:
                row.update(Code_5=pad(vt, 10), Naam_6=VT_NAMES.get(vt, names.get(vt, vt)) if year >= 2023 else names.get(vt, vt))
            rows.append(row)
        info = self._info(table, title, str(year), f"{year}-03-01T02:00:00")
        info["Frequency"] = "Perjaar"
        return {"info": info, "props": props, "dims": dims, "groups": [], "rows": rows, "topics": []}

    def catalogue_entries(self, base: str) -> list[dict]:
        out = []
        for i, (table, t) in enumerate(sorted(self.tables.items())):
            info = t["info"]
            # key order of the recorded catalogue entry (tests/recorded/ODataCatalog_Tables_head.json)
            out.append({"Identifier": table, "ExplanatoryText": "", "Catalog": "CBS", "FeedUrl": f"{base}/ODataFeed/OData/{table}",
                        "ColumnCount": sum(1 for p in t["props"] if p["Type"] != "TopicGroup"), "Period": info["Period"],
                        "Source": "CBS.", "SearchPriority": "2", "Modified": info["Modified"], "ID": i, "Summary": info["Summary"],
                        "ReasonDelivery": info["ReasonDelivery"], "Frequency": info["Frequency"], "Title": info["Title"],
                        "OutputStatus": "Regulier", "Language": "nl", "Updated": info["Modified"], "ShortTitle": info["ShortTitle"],
                        "MetaDataModified": info["MetaDataModified"], "RecordCount": len(t["rows"]), "GraphTypes": info["GraphTypes"],
                        "ShortDescription": info["ShortDescription"], "DefaultPresentation": info["DefaultPresentation"],
                        "DefaultSelection": "", "SummaryAndLinks": info["Summary"], "ApiUrl": f"{base}/ODataApi/OData/{table}"})
        return out


def _regios() -> list[dict]:
    import csv

    path = HERE.parent.parent / "datapackages" / "regions" / "data" / "regios.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, default=0, help="poort (standaard: een vrije)")
    p.add_argument("--until", default="2025-H1", help="laatste halfjaar van deze release (bijv. 2024-H2)")
    p.add_argument("--revise", action="store_true", help="een release die eerdere cijfers herziet (ander zaad voor een deel)")
    p.add_argument("--page-size", type=int, default=10000, help="rijen per pagina van de ODataFeed (standaard 10000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--municipalities", type=int, default=0, metavar="N",
                   help="N synthetische gemeenten extra (GM9001 ...; voor de benchmark: 326 geeft er 342)")
    p.add_argument("--without-vt", type=int, action="append", default=[], metavar="JAAR",
                   help="Gebieden in Nederland van dit jaar zonder kolom Veilig Thuis-regio")
    args = p.parse_args(argv)
    release = Release(args.until, args.revise, args.seed, args.page_size, tuple(args.without_vt),
                      extra_municipalities=args.municipalities)
    with serve(release, args.port) as base:
        print(f"StatLine-replay op {base} (tot en met {args.until}{', herzien' if args.revise else ''}); Ctrl-C stopt.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
