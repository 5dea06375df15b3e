"""Generated HTML lifted out of the pages for MkDocs' Markdown, Jinja (macros) and search passes,
and put back into the finished HTML byte for byte."""

from __future__ import annotations

import re

from ..pages.html import LIFT_CLOSE, LIFT_OPEN, render

_SPEC_ATTR = re.compile(r' data-spec="([^"]*)"')


_SPEC_TOKEN = re.compile(r' data-spec="(hgkmspec[0-9]+)"')


_BLOCK_TOKEN = re.compile(r'<div data-hgkm-blok="(hgkmblok[0-9]+)"></div>')


def placeholder(token: str) -> str:
    """The empty element a lifted block is replaced by (template lift/placeholder.html)."""
    return str(render("lift/placeholder.html", token=token))


def lift_specs(markdown: str, specs: dict[str, str]) -> str:
    """Generated HTML out of a page for the Markdown, Jinja (macros) and search passes, which only
    pass it through but spent most of the site build parsing it.

    Blocks a page marks with pages.html.lifted (value tables, maps, source lists, selectors, ...)
    become an empty placeholder element, specs[token] keeps the block; then each data-spec
    attribute left becomes a short token, specs[token] keeps the attribute text. The same block
    or spec on several pages is kept once. restore_specs puts both back into the finished HTML,
    byte for byte, so search no longer indexes them but the page is unchanged."""
    blocks = specs.setdefault("\0blocks", {})  # block html -> token
    parts = markdown.split(LIFT_OPEN)  # str methods, not a regex: pages can be megabytes
    for i in range(1, len(parts)):
        block, close, rest = parts[i].partition(LIFT_CLOSE)
        if not close:
            parts[i] = LIFT_OPEN + parts[i]  # an open mark without its close stays as it is
            continue
        token = blocks.get(block)
        if token is None:
            token = blocks[block] = f"hgkmblok{len(blocks)}"
            specs[token] = block
        parts[i] = placeholder(token) + rest
    markdown = "".join(parts)
    tokens = specs.setdefault("", {})  # attribute text -> token
    def lift(m):
        token = tokens.get(m[1])
        if token is None:
            token = tokens[m[1]] = f"hgkmspec{len(tokens)}"
            specs[token] = m[1]
        return f' data-spec="{token}"'
    return _SPEC_ATTR.sub(lift, markdown)


def restore_specs(html: str, specs: dict[str, str]) -> str:
    if "hgkmblok" in html:
        html = _BLOCK_TOKEN.sub(lambda m: specs[m[1]], html)
    return _SPEC_TOKEN.sub(lambda m: f' data-spec="{specs[m[1]]}"', html) if "hgkmspec" in html else html


def unlift(markdown: str) -> str:
    """A generated page without the lift marks (for readers of Build.pages other than MkDocs)."""
    return markdown.replace(LIFT_OPEN, "").replace(LIFT_CLOSE, "")
