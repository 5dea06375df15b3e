"""HTTP with the CBS OData v3 services, as public recordings show them.

Metadata (TableInfos, DataProperties, CategoryGroups, dimension tables) from the standard API,
<base>/ODataApi/odata/<table>/<entity>; data (TypedDataSet) from the bulk feed,
<base>/ODataFeed/odata/<table>/TypedDataSet?$format=json, following the absolute odata.nextLink
of every page of 10 000 rows (recorded: CBSOData3.jl test/tables_2.json -> tables_3.json). The API
answers at most 10 000 cells and refuses $skip with HTTP 500 ("... only available on the ODataFeed
endpoint"), so the fetcher never asks it for data. The catalogue: <base>/ODataCatalog/Tables.

Every failure becomes a Problem carrying the server's own message (the body of an HTTP error)
and advice that fits it; nothing here writes a file."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request

from ..model.problems import Problem, format_table

MAX_PAGES = 500  # 5 million rows: far above any Veilig Thuis table; a guard against a server loop
TIMEOUT = 120


class FetchFailed(Exception):
    """A table could not be downloaded completely or translated; carries the problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_table(problems))


def fetch(url: str) -> bytes:
    """The body of one GET request (tests may swap it out; the replay serves real HTTP)."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.read()


def server_message(body: bytes) -> str:
    """The message of an OData error body ({"odata.error": {"message": {"value": ...}}}), or the
    body's text."""
    text = body.decode("utf-8", "replace").strip()
    try:
        doc = json.loads(text)
        err = doc.get("odata.error") or doc.get("error") or {}
        msg = err.get("message")
        if isinstance(msg, dict):
            msg = msg.get("value")
        if msg:
            return " ".join(str(msg).split())
    except (ValueError, AttributeError):
        pass
    return " ".join(text.split())[:400]


def _advice(status: int, message: str, url: str) -> tuple[str, str]:
    """(problem kind, advice in the message) for an HTTP error."""
    if status == 404:
        return "statline-not-found", "controleer het tabelnummer op StatLine"
    if status in (502, 503, 504, 429):
        return "statline-unavailable", "StatLine is even niet bereikbaar: probeer het later opnieuw"
    low = message.lower()
    if "odatafeed" in low or "skip" in low or "10000" in low or "10.000" in low or " cel" in low or "cell" in low:
        where = "" if "/odatafeed/" not in url.lower() else " (deze vraag ging naar de ODataFeed: staat --base goed?)"
        return "statline-refused", f"een verzoek om data aan de ODataApi: gebruik de ODataFeed{where}"
    return "statline-refused", "de server weigert dit verzoek; lees de melding van de server"


def get_json(url: str, where: str) -> dict:
    try:
        body = fetch(url)
    except urllib.error.HTTPError as exc:
        message = server_message(exc.read() or b"") or exc.reason
        kind, advice = _advice(exc.code, message, url)
        raise FetchFailed([Problem(where, None, None, kind, f"HTTP {exc.code} van {url}: \"{message}\" — {advice}")]) from exc
    except TimeoutError as exc:
        raise FetchFailed([Problem(where, None, None, "statline-unavailable", f"{url}: geen antwoord binnen {TIMEOUT} s — probeer het later opnieuw")]) from exc
    except http.client.IncompleteRead as exc:
        raise FetchFailed([Problem(where, None, None, "statline-incomplete",
                                   f"{url}: het antwoord brak af na {len(exc.partial)} bytes (afgekapte pagina)")]) from exc
    except (OSError, http.client.HTTPException) as exc:  # no network, connection refused or reset
        raise FetchFailed([Problem(where, None, None, "statline-unavailable", f"{url}: {exc} — probeer het later opnieuw")]) from exc
    try:
        doc = json.loads(body.decode("utf-8"))
    except ValueError as exc:
        raise FetchFailed([Problem(where, None, None, "statline-incomplete",
                                   f"{url}: geen volledig JSON-antwoord ({exc}); afgekapte pagina?")]) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
        raise FetchFailed([Problem(where, None, "value", "statline-download", f"{url}: geen OData-antwoord (geen lijst 'value')")])
    return doc


def url(base: str, service: str, table: str, entity: str = "", **query) -> str:
    """<base>/<service>/<table>/<entity>?$format=json[&$key=value]; service ODataApi or ODataFeed."""
    params = urllib.parse.urlencode({"$format": "json", **{f"${k}": v for k, v in query.items()}}, safe="$,'()")
    path = f"{base.rstrip('/')}/{service}/odata/{table}" + (f"/{entity}" if entity else "")
    return f"{path}?{params}"


def metadata(base: str, table: str, entity: str) -> list[dict]:
    """One metadata entity set from the API, in one request (these are small)."""
    doc = get_json(url(base, "ODataApi", table, entity), f"StatLine {table}/{entity}")
    if doc.get("odata.nextLink"):  # the API does not page; a nextLink means the answer is partial
        raise FetchFailed([Problem(f"StatLine {table}/{entity}", None, "odata.nextLink", "statline-incomplete",
                                   "de ODataApi gaf een vervolgpagina voor metadata; niet voorzien")])
    return doc["value"]


def _same_page(link: str) -> tuple:
    """What identifies a page: the path (any case: recorded links say OData, clients odata) and the
    query, $skip absent meaning 0."""
    parts = urllib.parse.urlsplit(link)
    query = dict(urllib.parse.parse_qsl(parts.query))
    query.setdefault("$skip", "0")
    return parts.netloc.lower(), parts.path.lower().rstrip("/"), tuple(sorted(query.items()))


def pages(first: str, where: str):
    """Every page of an entity set from the feed: yields (rows, url); follows absolute nextLinks.
    A nextLink pointing back at a page already read, more than MAX_PAGES pages, or a nextLink
    whose $skip does not equal the rows received so far (a page shorter than announced) is a
    problem. The last page is the one without a nextLink."""
    seen, received, link, n = set(), 0, first, 0
    while link:
        seen.add(_same_page(link))
        page = get_json(link, where)
        n += 1
        rows = page["value"]
        received += len(rows)
        yield rows, link
        nxt = page.get("odata.nextLink")
        if not nxt:
            return
        nxt = urllib.parse.urljoin(link, nxt)
        if _same_page(nxt) in seen or n >= MAX_PAGES:
            why = "verwijst terug naar een eerdere pagina" if _same_page(nxt) in seen else f"komt na {MAX_PAGES} pagina's nog steeds"
            raise FetchFailed([Problem(where, None, "odata.nextLink", "statline-incomplete",
                                       f"de volgende pagina ({nxt}) {why}: de download loopt rond")])
        skip = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(nxt).query)).get("$skip")
        if skip is not None and skip.isdigit() and int(skip) != received:
            raise FetchFailed([Problem(where, received, "odata.nextLink", "statline-incomplete",
                                       f"pagina {n} ({link}) bracht {len(rows)} rijen; de volgende pagina begint bij "
                                       f"$skip={skip}, na {received} ontvangen rijen: een pagina is korter dan aangekondigd")])
        link = nxt


def data(base: str, table: str) -> tuple[list[dict], int]:
    """Every row of TypedDataSet from the feed: (rows, pages)."""
    rows, n = [], 0
    for chunk, _ in pages(url(base, "ODataFeed", table, "TypedDataSet"), f"StatLine {table}/TypedDataSet"):
        rows += chunk
        n += 1
    return rows, n


def catalogue(base: str, title_contains: str) -> list[dict]:
    """Tables of the CBS catalogue whose Title contains the text (filtered by the server with
    OData v3 substringof, and again here: a server that ignores $filter gives the whole list)."""
    first = f"{base.rstrip('/')}/ODataCatalog/Tables?" + urllib.parse.urlencode(
        {"$format": "json", "$filter": f"substringof('{title_contains}',Title)"}, safe="$,'()")
    out = []
    for chunk, _ in pages(first, "StatLine ODataCatalog/Tables"):
        out += [t for t in chunk if isinstance(t, dict) and title_contains.casefold() in str(t.get("Title", "")).casefold()]
    return out
