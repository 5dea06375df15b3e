"""HTML from templates, with one escape rule.

Every HTML fragment and page the build writes comes from a Jinja2 template in
build_data/pages/templates/, rendered with autoescape: a value put into a template with
`{{ ... }}` is escaped by `e` (None gives "", anything else its str(), then html.escape with
quotes), unless it is already HTML (`Markup`: another rendered template, or `|safe` on HTML the
build made). No HTML is built by string formatting outside the templates.

Two kinds of template:
- fragments (`*.html`): written with line breaks and indentation for the reader, rendered compact,
  as a browser would read them: a line break and the blanks around it vanish between tags and
  template tags, and become one space inside text. A space that must stand between two tags is
  written on one line (`</label> <select`).
- documents (`*.md`, `*_page.html`): Markdown pages and whole HTML pages, rendered exactly as
  written (line breaks matter there).

Generated HTML that a page marks as lifted (`lifted`) passes MkDocs' Markdown, macros and search
as a placeholder and comes back unchanged in the finished page (build_data.site.lift)."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Only around top-level blocks of a generated page, never nested, never around headings, titles,
# lead text or definitions.
LIFT_OPEN, LIFT_CLOSE = "<!--hgkm-lift-->", "<!--/hgkm-lift-->"


def e(value) -> Markup:
    """The one escape rule: None is empty, anything else its text, escaped for text and attributes."""
    if isinstance(value, Markup):
        return value
    return Markup(escape("" if value is None else str(value), quote=True))


_BREAK = re.compile(r"[ \t]*\n\s*")


def compact(source: str) -> str:
    """A fragment template as it is rendered: a line break (with the blanks around it) vanishes
    next to a tag or a template tag and becomes one space inside text."""
    def join(m: re.Match) -> str:
        before, after = source[max(0, m.start() - 2): m.start()], source[m.end(): m.end() + 2]
        if not before or not after:
            return ""
        if before.endswith((">", "%}", "#}")) or after.startswith(("<", "{%", "{#")):
            return ""
        return " "
    return _BREAK.sub(join, source.strip("\n"))


class _Loader(jinja2.FileSystemLoader):
    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if not template.endswith((".md", "_page.html")):
            source = compact(source)
        return source, filename, uptodate


ENV = jinja2.Environment(
    loader=_Loader(str(TEMPLATES)), autoescape=True, finalize=e, keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined, trim_blocks=False, lstrip_blocks=False)


def render(name: str, **context) -> Markup:
    """A template rendered with the context (values escaped by `e`)."""
    return Markup(ENV.get_template(name).render(**context))


def lifted(html: str) -> str:
    return Markup(f"{LIFT_OPEN}{html}{LIFT_CLOSE}") if html else html


def title_text(text) -> str:
    """A page or navigation title. mkdocs-material writes titles unescaped into text (<title>,
    header, navigation) and escaped into attributes (the footer's aria-label). Escaping only < and >
    is right for both: no tag can start in the text, and 'B&W-scan' or an apostrophe is not escaped
    twice in the label (an & in text can only make a character, never markup)."""
    return str(text or "").replace("<", "&lt;").replace(">", "&gt;")


def front_matter(title: str, description: str | None = None, og: dict | None = None) -> str:
    """The page's YAML front matter. mkdocs-material puts the description unescaped into an
    attribute (<meta content="...">): fully escaped here; the title as title_text. `og`: the tags
    of a shared link (build_data.pages.share), as they are: overrides/main.html escapes them."""
    lines = ["---", f"title: {json.dumps(title_text(title), ensure_ascii=False)}"]
    if description is not None:
        lines.append(f"description: {json.dumps(str(e(description)), ensure_ascii=False)}")
    if og:
        lines.append(f"og: {json.dumps(og, ensure_ascii=False)}")  # JSON is YAML
    return Markup("\n".join(lines + ["---"]))


def attr_json(obj) -> str:
    """JSON for a data- attribute (escaped by the template)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


ENV.globals.update(lifted=lifted, front_matter=front_matter, attr_json=attr_json)


def indicator_url(ind, from_dir: str) -> str:
    return ("../" if from_dir else "") + f"indicatoren/{ind.id}.html"
