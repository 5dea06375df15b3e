"""Escaping helpers of the f-string HTML that is being moved into templates (build_data.pages.html)."""

from __future__ import annotations

import json
from html import escape



# Generated HTML a page marks as lifted: MkDocs' Markdown, macros and search see a placeholder, the
# finished page gets it back unchanged (build_data.build.lift_specs). Only around top-level blocks
# of a generated page, never nested, never around headings, titles, lead text or definitions.
from .html import LIFT_CLOSE, LIFT_OPEN  # noqa: E402


def lifted(html: str) -> str:
    return f"{LIFT_OPEN}{html}{LIFT_CLOSE}" if html else html


def e(text) -> str:
    return escape(str(text or ""), quote=True)


def title_text(text) -> str:
    """A page or navigation title. mkdocs-material writes titles unescaped into text (<title>,
    header, navigation) and escaped into attributes (the footer's aria-label). Escaping only < and >
    is right for both: no tag can start in the text, and 'B&W-scan' or an apostrophe is not escaped
    twice in the label (an & in text can only make a character, never markup)."""
    return str(text or "").replace("<", "&lt;").replace(">", "&gt;")


def front_matter(title: str, description: str | None = None) -> list[str]:
    """The page's YAML front matter. mkdocs-material puts the description unescaped into an
    attribute (<meta content="...">): fully escaped here; the title as title_text."""
    lines = ["---", f"title: {json.dumps(title_text(title), ensure_ascii=False)}"]
    if description is not None:
        lines.append(f"description: {json.dumps(e(description), ensure_ascii=False)}")
    return lines + ["---"]


def attr_json(obj) -> str:
    return escape(json.dumps(obj, ensure_ascii=False, separators=(",", ":")), quote=True)


