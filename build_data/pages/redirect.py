"""Old URLs keep working. `build_data/redirects.yml` maps a published path that moved or went
away to where its content lives now (site-relative, as in tests/published_urls.txt):

    indicatoren/oude_naam.html: indicatoren/nieuwe_naam.html
    regio/oude-regio.html: regio/index.html#oude-regio
    data/oude_naam.csv: data/nieuwe_naam.csv

A page becomes a tiny HTML page at the old path that forwards with a *relative* URL, so it works
over http and from file:// (the offline zip): a script keeps `?regio=...` and `#anchor`, a meta
refresh does it without script, and a link does it by hand. A static site cannot forward a
download, so an old download path gets a copy of the new file.

We generate these pages ourselves instead of using mkdocs-redirects: that plugin looks for its
targets before the MkDocs hook adds the generated pages (indicatoren/, themas/, regio/), so in
strict mode it refuses every redirect to them; it takes only Markdown paths (no downloads) and
keeps its map inside mkdocs.yml."""

from __future__ import annotations

import json
import posixpath
from pathlib import PurePosixPath

from markupsafe import Markup

from ..load.redirects import FILE
from ..model.problems import Problem
from .html import render


def relative_url(old: str, new: str) -> str:
    """The URL of `new` as seen from the page at `old` (both site-relative; `new` may carry #anchor)."""
    path, hash_, anchor = new.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(old) or ".")
    return rel + hash_ + anchor


def redirect_page(old: str, new: str) -> bytes:
    """The forwarding page written at `old`: its script keeps ?regio=... and, when the target names
    no anchor of its own, the #anchor asked for."""
    url = relative_url(old, new)
    # the URL as a JavaScript string inside <script>: no "</" may end the script early
    url_json = Markup(json.dumps(url).replace("</", "<\\/"))
    return str(render("redirect/redirect_page.html", url=url, url_json=url_json,
                      target=new.partition("#")[0])).encode("utf-8")


def _page_exists(build, page: str) -> bool:
    md = page[: -len(".html")] + ".md"
    return md in build.pages or md in build.docs_pages


def redirect_files(redirects: dict[str, str], build=None) -> tuple[dict[str, bytes], list[Problem]]:
    """Site-relative path -> bytes for every entry of build_data/redirects.yml, and the problems.

    With the build (its `pages`, docs-relative Markdown, its hand-written `docs_pages` and its
    `files`), every target is checked to exist and no old path may still be a page or file of the
    site; all problems are returned together."""
    problems: list[Problem] = []
    out: dict[str, bytes] = {}

    def fail(old: str, message: str) -> None:
        problems.append(Problem(FILE, None, old, "invalid-redirect", message))

    for old, new in redirects.items():
        target = new.partition("#")[0]
        parts = PurePosixPath(old).parts + PurePosixPath(target).parts
        if old.startswith("/") or target.startswith("/") or ".." in parts or "?" in old + new or "#" in old:
            fail(old, f"{old} -> {new}: paden relatief aan de site, zonder '..', '?' of '#' in het oude pad")
            continue
        suffix = PurePosixPath(old).suffix
        if suffix != PurePosixPath(target).suffix or suffix not in (".html", ".csv", ".json"):
            fail(old, f"{old} -> {new}: oud en nieuw moeten dezelfde extensie hebben: .html, .csv of .json")
            continue
        if suffix == ".html":
            if build is not None:
                if _page_exists(build, old) or old in build.files:
                    fail(old, f"{old} is nog een pagina van de site: haal de doorverwijzing weg")
                    continue
                if not _page_exists(build, target):
                    fail(old, f"doel {target} bestaat niet")
                    continue
            out[old] = redirect_page(old, new)
        else:
            if "#" in new:
                fail(old, f"{old} -> {new}: een download heeft geen #anker")
            elif build is None or target not in build.files:
                fail(old, f"doel {target} bestaat niet")
            elif old in build.files:
                fail(old, f"{old} is nog een download van de site: haal de doorverwijzing weg")
            else:
                out[old] = build.files[target]
    return out, problems
