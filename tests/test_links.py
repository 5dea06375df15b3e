"""Links that never break: every published URL keeps working, and every internal link resolves.

- tests/published_urls.txt lists every URL the site has published (pages and data downloads).
  Each must still be in site/ and in the offline zip, as itself or as a redirect page
  (build_data/redirects.yml) whose target exists; a page or download not listed fails too.
- Every href/src of a, link, script and img in every HTML page resolves to an existing file and
  every #anchor to an id (or name) in its target, checked from disk (= file://), over http (a local
  http.server, pages fetched with urllib) and in the unzipped offline zip, which must give the same
  result as site/. External links (http, https, mailto) are not fetched.

Like test_browser these tests read the built site and build nothing: run `make site` first.
`.venv/bin/python tests/test_links.py` adds the site's new pages and downloads to the list (it
never removes one)."""

from __future__ import annotations

import hashlib
import shutil
import sys
import urllib.error
import urllib.request
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote, unquote, urljoin, urlsplit
from urllib.request import url2pathname

import pytest
from conftest import ROOT, SITE, ZIP_DIR, serve  # noqa: E402

if str(ROOT) not in sys.path:  # `python tests/test_links.py`
    sys.path.insert(0, str(ROOT))

from build_data.load.content import Content  # noqa: E402
from build_data.load.redirects import read_redirects  # noqa: E402
from build_data.pages import redirect as redirects  # noqa: E402

LIST = ROOT / "tests" / "published_urls.txt"
HEADER = """\
# Every URL this site has published, relative to the site root: every page (each .html of site/
# except 404.html) and every data download (data/<id>.csv, data/<id>.json, downloads/*.zip). Others link to and
# bookmark these, so each must keep working: tests/test_links.py fails when one is gone without
# a redirect, and when the site has a page or download that is not listed here.
# A URL that moved or was removed stays listed: map it to its new place in build_data/redirects.yml.
# Remove a line only to break that URL on purpose. `.venv/bin/python tests/test_links.py` adds the
# site's new URLs (it never removes one). Sorted, one per line.
"""
EXTERNAL = {"http", "https", "mailto", "tel", "data", "javascript"}  # not fetched
LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src"}
# MkDocs writes 404.html with root-absolute links on purpose: a server shows it for any missing
# path, at any depth, so relative links could not work there. Its links are checked from the root.
# (Served from a subfolder such as <owner>.github.io/<repo>/ they need `site_url` in mkdocs.yml.)
ROOT_ABSOLUTE = {"404.html"}
# The offline zip is published beside the site (build_data.site.write.publish_offline), never inside
# itself: the offline copy's pages link to it (and say, by the page script, that one is using it).
ONLY_ONLINE = {"downloads/impactmonitor-hgkm-offline.zip"}


# ---------------------------------------------------------------------------------------------
# Reading pages
# ---------------------------------------------------------------------------------------------

class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.refresh: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        attr = LINK_ATTRS.get(tag)
        if attr and a.get(attr) is not None:
            self.links.append(a[attr])
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            _, _, url = (a.get("content") or "").partition(";")
            key, _, value = url.strip().partition("=")
            if key.strip().lower() == "url":
                self.refresh = value.strip().strip("'\"")


@dataclass(frozen=True)
class Parsed:
    links: tuple[str, ...]
    ids: frozenset[str]
    refresh: str | None  # the URL of a meta refresh: this page is a redirect page


_PARSED: dict[str, Parsed] = {}  # by content: site/, http and the zip serve the same bytes


def parse(body: bytes) -> Parsed:
    key = hashlib.sha256(body).hexdigest()
    if key not in _PARSED:
        p = _Parser()
        p.feed(body.decode("utf-8", errors="replace"))
        p.close()
        _PARSED[key] = Parsed(tuple(p.links), frozenset(p.ids), p.refresh)
    return _PARSED[key]


# ---------------------------------------------------------------------------------------------
# A site opened two ways: from disk (file://) or over http
# ---------------------------------------------------------------------------------------------

@dataclass
class Site:
    """The site at `base` (ends with '/'); `get` returns a file's bytes or None when it is missing."""
    base: str
    cache: dict[str, bytes | None] = field(default_factory=dict, repr=False)
    parsed: dict[str, Parsed | None] = field(default_factory=dict, repr=False)

    def url(self, rel: str) -> str:
        return self.base + quote(rel)

    def rel(self, url: str) -> str:
        return unquote(url[len(self.base):])

    def get(self, url: str) -> bytes | None:
        if url not in self.cache:
            self.cache[url] = self._read(url)
        return self.cache[url]

    def page(self, url: str) -> Parsed | None:
        """The parsed page at `url` (None when missing or no .html)."""
        if url not in self.parsed:
            body = self.get(url) if url.endswith(".html") else None
            self.parsed[url] = None if body is None else parse(body)
        return self.parsed[url]

    def _read(self, url: str) -> bytes | None:
        if url.startswith("file:"):
            path = Path(url2pathname(urlsplit(url).path))
            return path.read_bytes() if path.is_file() else None  # a folder is no page on file://
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise


def file_site(folder: Path) -> Site:
    return Site(folder.resolve().as_uri() + "/")


@contextmanager
def http_site(folder: Path):
    with serve(folder) as base:
        yield Site(base)


# ---------------------------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------------------------

def site_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def html_pages(folder: Path) -> list[str]:
    return [f for f in site_files(folder) if f.endswith(".html")]


def published_in(folder: Path) -> list[str]:
    """What the site publishes: every page but 404.html, and every data download."""
    return [f for f in site_files(folder)
            if (f.endswith(".html") and f != "404.html")
            or (f.startswith("data/") and f.count("/") == 1 and f.endswith((".csv", ".json")))
            or (f.startswith("downloads/") and f.count("/") == 1 and f.endswith(".zip"))]


def read_list(path: Path = LIST) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def check_link(site: Site, page_url: str, page: Parsed, link: str) -> str | None:
    """Why `link` on the page at `page_url` is broken, or None when it works."""
    link = link.strip()
    parts = urlsplit(link)
    if parts.scheme.lower() in EXTERNAL:
        return None
    if parts.scheme:
        return f"{parts.scheme}: URL, does not work from the offline zip"
    if link.startswith("//"):
        return "protocol-relative URL, opens nothing from file://"
    if link.startswith("/"):
        return "absolute path, breaks from file:// (use a relative link)"
    target, _, anchor = urljoin(page_url, link).partition("#")
    target = target.partition("?")[0]
    if not target.startswith(site.base):
        return "points outside the site"
    if site.rel(target) in ONLY_ONLINE and site.get(target) is None:
        return None  # the offline copy does not hold itself (site/ does: test_every_published_url_still_works)
    if target == page_url.partition("?")[0]:
        parsed = page
    else:
        if site.get(target) is None:
            return f"{site.rel(target)} does not exist"
        parsed = site.page(target)
    anchor = unquote(anchor)
    if anchor and anchor.lower() != "top":  # '#top' is the top of any page (HTML standard)
        if parsed is None:
            return f"#{anchor} on a file that is no page"
        if anchor not in parsed.ids:
            return f"no element with id or name {anchor!r} in {site.rel(target)}"
    return None


def broken_links(site: Site, pages: list[str]) -> list[tuple[str, str, str]]:
    """(page, link, why) for every broken internal link on the pages, all at once."""
    out = []
    for rel in pages:
        url = site.url(rel)
        page = site.page(url)
        if page is None:
            out.append((rel, "", "page itself could not be read"))
            continue
        for link in page.links:
            if rel in ROOT_ABSOLUTE and link.startswith("/") and not link.startswith("//"):
                why = check_link(site, site.base, page, link[1:])  # as seen from the root
            else:
                why = check_link(site, url, page, link)
            if why:
                out.append((rel, link, why))
    return sorted(set(out))


def redirect_target(site: Site, rel: str) -> tuple[str | None, str | None]:
    """For a redirect page: (target path, problem). For any other page: (None, None)."""
    url = site.url(rel)
    page = site.page(url)
    if page is None or page.refresh is None:
        return None, None
    why = check_link(site, url, page, page.refresh)
    return site.rel(urljoin(url, page.refresh).partition("#")[0]), why


def missing_published(site: Site, urls: list[str]) -> list[str]:
    """Every listed URL that neither exists nor redirects to an existing page, with why."""
    out = []
    for rel in urls:
        if site.get(site.url(rel)) is None:
            out.append(f"{rel}: gone, and no redirect")
            continue
        target, why = redirect_target(site, rel)
        if why:
            out.append(f"{rel}: redirects to {target}, which is broken: {why}")
    return out


def fix_missing(missing: list[str], where: str) -> str:
    return (f"{len(missing)} published URL(s) no longer work in {where}:\n  " + "\n  ".join(missing)
            + "\nA link or bookmark to them now ends in 'not found'. If the page or download moved or was "
            "removed, map 'old: new' in build_data/redirects.yml and run `make site`; only to break a URL on "
            "purpose, remove it from tests/published_urls.txt.")


def report(broken: list[tuple[str, str, str]], where: str) -> str:
    return (f"{len(broken)} broken internal link(s) in {where} (page | link | why):\n  "
            + "\n  ".join(f"{p} | {link} | {why}" for p, link, why in broken)
            + "\nFix the link in docs/*.md or in the page generator in build_data/.")


# ---------------------------------------------------------------------------------------------
# Fixtures: the built site, its zip unpacked, the site over http
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def zip_dir(site_dir, zip_path, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(target)
    return target / ZIP_DIR


@pytest.fixture(scope="module")
def http_base(site_dir):
    with http_site(site_dir) as site:
        yield site.base


@pytest.fixture(scope="module")
def sites(site_dir, zip_dir, http_base) -> dict[str, tuple[Site, Path]]:
    """mode -> (the site opened that way, the folder it comes from)."""
    return {"file": (file_site(site_dir), site_dir), "http": (Site(http_base), site_dir),
            "zip": (file_site(zip_dir), zip_dir)}


@pytest.fixture(scope="module")
def results(sites) -> dict[str, list]:
    return {mode: broken_links(site, html_pages(folder)) for mode, (site, folder) in sites.items()}


# ---------------------------------------------------------------------------------------------
# The list of published URLs
# ---------------------------------------------------------------------------------------------

def test_list_is_sorted_unique_and_site_relative():
    urls = read_list()
    assert urls == sorted(set(urls)), "tests/published_urls.txt must be sorted without duplicates"
    bad = [u for u in urls if u.startswith("/") or "://" in u or "#" in u or "?" in u
           or not u.endswith((".html", ".csv", ".json", ".zip"))]
    assert not bad, f"entries must be site-relative page or download paths: {bad}"


@pytest.mark.parametrize("mode", ["file", "zip"])
def test_every_published_url_still_works(sites, mode):
    site, _ = sites[mode]
    missing = missing_published(site, [u for u in read_list() if mode != "zip" or u not in ONLY_ONLINE])
    assert not missing, fix_missing(missing, "site/" if mode == "file" else "the offline zip")


@pytest.mark.parametrize("mode", ["file", "zip"])
def test_every_page_and_download_is_listed(sites, mode):
    _, folder = sites[mode]
    new = sorted(set(published_in(folder)) - set(read_list()))
    assert not new, (f"{len(new)} page(s) or download(s) of the site are not in tests/published_urls.txt:\n  "
                     + "\n  ".join(new) + "\nOnce published a URL must keep working: add them with "
                     "`.venv/bin/python tests/test_links.py` (it only adds) and commit the list.")


# ---------------------------------------------------------------------------------------------
# Internal links and anchors
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["file", "http", "zip"])
def test_internal_links_and_anchors_resolve(results, mode):
    where = {"file": "site/ (file://)", "http": "site/ over http", "zip": "the offline zip"}[mode]
    assert not results[mode], report(results[mode], where)


def test_zip_and_http_give_the_same_result_as_site(sites, results):
    assert site_files(sites["zip"][1]) == [f for f in site_files(sites["file"][1]) if f not in ONLY_ONLINE], \
        "the zip must hold exactly site/ (but not itself)"
    assert results["zip"] == results["file"]
    assert results["http"] == results["file"]


def test_checker_reports_broken_links_and_anchors(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "app.js").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text("""<!doctype html><html><head>
<link rel="stylesheet" href="style.css"><script src="app.js?v=1"></script></head><body>
<h1 id="local">Home</h1>
<a href="sub/page.html#ok">good anchor</a> <a href="sub/page.html#named">good name</a>
<a href="sub/page.html#nope">broken anchor</a> <a href="missing.html">broken page</a>
<img src="img/missing.png" alt=""> <a href="#local">here</a> <a href="#missing-local">broken here</a>
<a href="https://example.org/x">external</a> <a href="mailto:a@example.org">mail</a>
<a href="/sub/page.html">absolute</a> <a href="sub/">folder</a> <a href="?regio=twente#top">top</a>
</body></html>""", encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text(
        '<h2 id="ok">Ok</h2><a name="named"></a><a href="../index.html?regio=x#local">back</a>'
        '<a href="../../outside.html">out</a>', encoding="utf-8")
    expected = {
        ("index.html", "sub/page.html#nope", "no element with id or name 'nope' in sub/page.html"),
        ("index.html", "missing.html", "missing.html does not exist"),
        ("index.html", "img/missing.png", "img/missing.png does not exist"),
        ("index.html", "#missing-local", "no element with id or name 'missing-local' in index.html"),
        ("index.html", "/sub/page.html", "absolute path, breaks from file:// (use a relative link)"),
        ("sub/page.html", "../../outside.html", "points outside the site"),
    }
    pages = html_pages(tmp_path)
    from_disk = broken_links(file_site(tmp_path), pages)
    assert set(from_disk) == expected | {("index.html", "sub/", "sub/ does not exist")}
    with http_site(tmp_path) as site:
        over_http = broken_links(site, pages)
    # over http a folder gets a listing and '..' stops at the server root: file:// is the stricter
    assert set(over_http) == expected - {("sub/page.html", "../../outside.html", "points outside the site")} | {
        ("sub/page.html", "../../outside.html", "outside.html does not exist")}
    assert "missing.html" in report(from_disk, "tmp")


# ---------------------------------------------------------------------------------------------
# Redirects
# ---------------------------------------------------------------------------------------------

def _stand_in(site_dir: Path) -> SimpleNamespace:
    """What redirect_files needs of a build: its pages (as Markdown paths) and downloads."""
    pages = {f[: -len(".html")] + ".md": "" for f in html_pages(site_dir)}
    files = {f: (site_dir / f).read_bytes() for f in published_in(site_dir) if f.startswith("data/")}
    return SimpleNamespace(pages=pages, files=files, docs_pages=set())


@pytest.fixture(scope="module")
def moved_site(site_dir, tmp_path_factory):
    """A copy of the built site with redirects from a temporary redirects.yml written into it."""
    root = tmp_path_factory.mktemp("moved")
    (root / "build_data").mkdir()
    (root / "build_data" / "redirects.yml").write_text(
        "indicatoren/oude_meldingen.html: indicatoren/ontvangen_meldingen.html\n"
        "oud/tekens.html: over.html#verklaring-van-tekens\n"
        "regio/oud-twente.html: regio/twente.html\n"
        "data/oude_meldingen.csv: data/ontvangen_meldingen.csv\n", encoding="utf-8")
    mapping, problems = read_redirects(Content(root))
    files, problems = redirects.redirect_files(mapping, _stand_in(site_dir))
    assert problems == []
    folder = root / "site"
    shutil.copytree(site_dir, folder)
    for rel, content in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(content)
    return folder, mapping


def test_redirect_pages_lead_to_their_target(moved_site):
    folder, mapping = moved_site
    with http_site(folder) as over_http:
        for site in (file_site(folder), over_http):
            for old, new in mapping.items():
                if not old.endswith(".html"):
                    assert site.get(site.url(old)) == site.get(site.url(new)), f"{old} must be a copy of {new}"
                    continue
                target, why = redirect_target(site, old)
                assert why is None, f"{old}: {why}"
                assert target == new.partition("#")[0], f"{old} leads to {target}, not {new}"
                page = site.page(site.url(old))
                assert not page.refresh.startswith(("/", "file:", "http")), "a redirect must be relative"
                assert not broken_links(site, [old]), f"{old}: its link and canonical must resolve too"
            listed = read_list() + sorted(mapping)
            assert missing_published(site, listed) == []
            gone = missing_published(site, ["indicatoren/weg_zonder_redirect.html"])
            assert gone == ["indicatoren/weg_zonder_redirect.html: gone, and no redirect"]
            assert "build_data/redirects.yml" in fix_missing(gone, "tmp")


def test_redirect_to_a_missing_page_or_from_a_live_page_fails(site_dir, tmp_path):
    (tmp_path / "build_data").mkdir()
    (tmp_path / "build_data" / "redirects.yml").write_text(
        "indicatoren/oud.html: indicatoren/bestaat_niet.html\n"
        "index.html: over.html\n"
        "data/oud.csv: data/ontvangen_meldingen.json\n", encoding="utf-8")
    mapping, _ = read_redirects(Content(tmp_path))
    _, problems = redirects.redirect_files(mapping, _stand_in(site_dir))
    assert sorted(p.field for p in problems) == ["data/oud.csv", "index.html", "indicatoren/oud.html"]
    assert all(p.type == "invalid-redirect" and "redirects.yml" in p.hint for p in problems)


def test_real_redirects_are_in_the_built_site(sites):
    """Every entry of build_data/redirects.yml, once built, leads to its target (none yet)."""
    for mode in ("file", "zip"):
        site, _ = sites[mode]
        for old, new in read_redirects(Content(ROOT))[0].items():
            if old.endswith(".html"):
                target, why = redirect_target(site, old)
                assert target == new.partition("#")[0] and why is None, f"{mode}: {old} -> {target}: {why}; run make site"
            else:
                assert site.get(site.url(old)) == site.get(site.url(new)), f"{mode}: {old}: run make site"


# ---------------------------------------------------------------------------------------------
# Adding new URLs to the list
# ---------------------------------------------------------------------------------------------

def main() -> int:
    if not (SITE / "index.html").is_file():
        print(f"{SITE} has no index.html: run make site first", file=sys.stderr)
        return 1
    old = read_list() if LIST.exists() else []
    urls = sorted(set(old) | set(published_in(SITE)))
    LIST.write_text(HEADER + "".join(u + "\n" for u in urls), encoding="utf-8")
    print(f"{LIST.relative_to(ROOT)}: {len(urls)} URLs, {len(urls) - len(old)} added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
