"""What the tests of the built site share: where `make site` puts the site and the offline zip,
fixtures that fail with a hint when they are missing, and a quiet local http server."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from roots import STATLINE_PRESENT, copy_root

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
ZIP = ROOT / "dist" / "impactmonitor-hgkm-offline.zip"
ZIP_DIR = "impactmonitor-hgkm"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE} has no index.html: run make site first", pytrace=False)
    return SITE


@pytest.fixture(scope="session")
def zip_path() -> Path:
    if not ZIP.is_file():
        pytest.fail(f"{ZIP} is missing: run make site first", pytrace=False)
    return ZIP


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run make browser-deps", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser may drop a request when it leaves a page (the search worker loading lunr):
        # that is no error of the site. Anything else still prints its traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path):
    """Serve folder over http on a free port; yields the base URL (ending in '/')."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def hostile_root(tmp_path_factory) -> Path:
    """A copy of the inputs with every CBS symbol and markup in every text field (tests/hostile.py)."""
    import hostile

    root = hostile.copy_inputs(tmp_path_factory.mktemp("hostile"))
    hostile.set_symbols(root)
    hostile.add_markup(root)
    return root


@pytest.fixture(scope="session")
def hostile_site(hostile_root) -> Path:
    """The site built from hostile_root, as `make site` builds it."""
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "build_data", "--root", str(hostile_root), "site"],
                          capture_output=True, text=True, cwd=hostile_root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return hostile_root / "site"


@pytest.fixture(scope="module", params=["http", "file"])
def hostile_base(request, hostile_site):
    """The hostile site's base URL, once over http and once from disk (file://)."""
    if request.param == "file":
        yield hostile_site.as_uri() + "/"
    else:
        with serve(hostile_site) as url:
            yield url


# The StatLine packages (written by `make fetch-statline`, e.g. in the StatLine workflow): with them the
# site shows StatLine's figures. The tests of the figures the bundled publications print check a
# build without them (publications_root, publications_site); tests/roots.py copies without them.
def publications_root(tmp_path_factory) -> Path:
    """The repository's root, or, when the StatLine packages are present, a copy of its inputs
    without them: the build from the bundled publications alone (what `make site` gives without
    the packages)."""
    if not STATLINE_PRESENT:
        return ROOT
    return copy_root(tmp_path_factory.mktemp("publicaties"))


@pytest.fixture(scope="session")
def publications_site(tmp_path_factory, site_dir, zip_path) -> tuple[Path, Path]:
    """(site folder, offline zip) built from the bundled publications alone: make site's output, or,
    when the StatLine packages are present, a build of a copy without them."""
    if not STATLINE_PRESENT:
        return site_dir, zip_path
    from build_data.site.publish import build_site

    root = publications_root(tmp_path_factory)
    return root / "site", build_site(root)


CONTENT = ("build_data/indicators", "build_data/themes.yml", "build_data/zoekwoorden.yml", "build_data/redirects.yml", "CHANGELOG.md")


def copy_content(root: Path) -> Path:
    """The content of a build root besides its data packages (build_data.load.content): a copy of the
    repository's declarations, themes, search synonyms, redirects and changelog. A build finds
    content under its own root only."""
    import shutil

    for name in CONTENT:
        src, dst = ROOT / name, root / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        elif src.is_file():
            shutil.copy2(src, dst)
    return root


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory):
    """One copy of the repository's inputs, built once as `make site` builds it, shared by the tests
    that break and restore a build root (tests/test_site.py, tests/test_corpus.py): (root, zip)."""
    from build_data.site.publish import build_site

    root = copy_root(tmp_path_factory.mktemp("siteroot"))
    return root, build_site(root)
