"""Relative URLs of the forwarding pages (build_data.pages.redirect.relative_url)."""

from __future__ import annotations

import posixpath

import pytest

from build_data.pages.redirect import relative_url


@pytest.mark.parametrize("old, new, url", [
    ("indicatoren/oud.html", "indicatoren/nieuw.html", "nieuw.html"),
    ("regio/oude-regio.html", "regio/index.html#oude-regio", "index.html#oude-regio"),
    ("oud.html", "indicatoren/nieuw.html", "indicatoren/nieuw.html"),
    ("oud.html", "index.html", "index.html"),
    ("indicatoren/oud.html", "index.html", "../index.html"),
    ("indicatoren/oud.html", "regio/index.html#drenthe", "../regio/index.html#drenthe"),
    ("a/b/c.html", "a/d/e.html", "../d/e.html"),
    ("a/b/c.html", "x.html", "../../x.html"),
    ("data/oud.csv", "data/nieuw.csv", "nieuw.csv"),
    ("indicatoren/oud.html", "indicatoren/nieuw.html#", "nieuw.html#"),
])
def test_relative_url(old, new, url):
    assert relative_url(old, new) == url


@pytest.mark.parametrize("old, new", [
    ("indicatoren/oud.html", "themas/omvang.html#kop"),
    ("a/b/c/d.html", "a/x.html"),
    ("top.html", "a/b/c.html"),
])
def test_relative_url_resolves_to_the_target_from_the_old_page(old, new):
    url = relative_url(old, new)
    path, _, anchor = url.partition("#")
    assert not url.startswith("/")
    assert posixpath.normpath(posixpath.join(posixpath.dirname(old), path)) == new.partition("#")[0]
    assert anchor == new.partition("#")[2]
