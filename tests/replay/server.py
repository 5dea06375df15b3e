"""The HTTP side of the replay (tests/replay/statline.py): routes of the ODataApi, the ODataFeed and
the ODataCatalog, the API's refusals, the feed's pages, and the faults tests switch on
(Release.faults). The responses come from a Release; see statline.py for the recordings followed."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The ODataApi's answer to $skip, as a live answer was quoted in public code (search tool, code
# corpus: a collector's comment of 2026-09-15; shortened the same in athithyai/Statline_MCP README.md).
SKIP_REFUSED = ("The 'Skip' query option is not supported on the ODataApi. "
                "This functionality is available only on the ODataFeed endpoint.")
# The cell limit of the ODataApi (10 000 cells; ../shared/stack-notes.md, issue 14): its wording is NOT
# recorded in any source found; this text is the replay's own.
CELL_LIMIT = ("De opgevraagde resultaatset bevat {cells} cellen; de ODataApi levert er hooguit 10000. "
              "Gebruik de ODataFeed of een selectie (replay: deze tekst is niet opgenomen van de echte dienst).")
PAD = 6  # recorded: "NL01  "


def pad(key: str, width: int = PAD) -> str:
    return key.ljust(width)


class Handler(BaseHTTPRequestHandler):
    release = None  # a Release, set on the subclass by serve()

    def log_message(self, format, *args):
        pass

    def _send(self, status: int, doc, truncate: bool = False):
        body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json;odata=minimalmetadata;streaming=true;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2] if truncate else body)
        if truncate:
            self.close_connection = True

    def _error(self, status: int, message: str):
        self._send(status, {"odata.error": {"code": "", "message": {"lang": "nl-NL", "value": message}}})

    def do_GET(self):
        r = self.release
        base = f"http://{self.headers.get('Host')}"
        full = base + self.path
        r.asked.append(full)
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        for needle, answer in (r.faults.get("fail") or {}).items():
            if needle in full:
                status, message = answer if isinstance(answer, tuple) else (answer, "Service Unavailable (replay)")
                return self._error(status, message)
        segs = [s for s in parts.path.split("/") if s]
        if segs[:2] == ["ODataCatalog", "Tables"]:
            entries = r.catalogue_entries(base)
            m = re.match(r"substringof\('(.*)',\s*Title\)", query.get("$filter", ""))
            if m:
                entries = [e for e in entries if m.group(1).casefold() in e["Title"].casefold()]
            return self._send(200, {"value": entries, "odata.metadata": f"{base}/ODataCatalog/$metadata#Tables"})
        if len(segs) < 3 or segs[0] not in ("ODataApi", "ODataFeed") or segs[1].lower() != "odata":
            return self._error(404, "Not found (replay)")
        service, table = segs[0], segs[2].upper()
        t = r.tables.get(table)
        if t is None:
            return self._error(404, f"Table {segs[2]} not found (replay)")
        meta = f"{base}/{service}/OData/{table}/$metadata"
        if len(segs) == 3:
            names = ["TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties", "CategoryGroups", *t["dims"]]
            return self._send(200, {"value": [{"name": n, "url": f"{base}/{service}/odata/{table}/{n}"} for n in names], "odata.metadata": meta})
        entity = segs[3]
        changed = r.faults.get("change_after_data") == table and table in r.data_served
        if entity in ("TypedDataSet", "UntypedDataSet"):
            if service == "ODataApi" or r.faults.get("feed_as_api"):  # feed_as_api: a mirror that only has the API
                if "$skip" in query:
                    return self._error(500, SKIP_REFUSED)
                n = min(len(t["rows"]), int(query.get("$top", len(t["rows"]))))
                cells = n * len(t["rows"][0]) if t["rows"] else 0
                if cells > 10000:
                    return self._error(500, CELL_LIMIT.format(cells=cells))
                return self._send(200, {"value": t["rows"][:n], "odata.metadata": f"{meta}#Cbs.OData.WebAPI.{entity}"})
            return self._page(t, table, entity, int(query.get("$skip", 0)), base, meta)
        value = {"TableInfos": [t["info"]], "DataProperties": t["props"], "CategoryGroups": t["groups"]}.get(entity)
        if value is None:
            value = t["dims"].get(entity)
        if value is None:
            return self._error(404, f"Resource {entity} not found (replay)")
        if changed and entity == "Perioden":
            value = value + [{"Description": None, "Status": "Voorlopig", "Key": "2099HJ01", "Title": "2099 1e halfjaar"}]
        return self._send(200, {"value": value, "odata.metadata": f"{meta}#Cbs.OData.WebAPI.{entity}"})

    def _page(self, t, table, entity, skip, base, meta):
        r = self.release
        size = r.page_size
        rows = t["rows"][skip: skip + size]
        if r.faults.get("unknown_key") == table and skip == 0 and rows:
            rows = rows[:-1] + [{**rows[-1], "RegioS": pad("VT99")}]
        if r.faults.get("drop_row") == table and skip + size >= len(t["rows"]) and rows:
            rows = rows[:-1]  # the last page lacks a row, and says nothing
        doc = {"value": rows, "odata.metadata": f"{meta}#Cbs.OData.WebAPI.{entity}"}
        if skip + size < len(t["rows"]):
            nxt = 0 if r.faults.get("loop") else skip + size
            doc["odata.nextLink"] = f"{base}/ODataFeed/OData/{table}/{entity}?$format=json&$skip={nxt}"
        else:
            r.data_served.add(table)
        short = r.faults.get("short")
        if short and f"$skip={short}" in self.path and table in self.path:
            doc["value"] = rows[: len(rows) // 2]  # shorter than announced: the nextLink still says skip + size
        truncate = r.faults.get("truncate")
        return self._send(200, doc, truncate=bool(truncate and f"$skip={truncate}" in self.path and table in self.path))


@contextmanager
def serve(release, port: int = 0):
    """The replay on 127.0.0.1 in a thread; yields the base URL (the fetcher's --base)."""
    handler = type("ReplayHandler", (Handler,), {"release": release})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


