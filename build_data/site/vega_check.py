"""The site ships a slim Vega bundle (scripts/vega-bundle.mjs, built by scripts/build_vega.py in
`make setup`) with only some of Vega's transforms. Every chart spec the build writes is checked
against the bundle's list (vega-bundle.json): a transform type or expression function the bundle
lacks stops the build, instead of a chart that fails in the browser."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from ..model.problems import Problem

BUNDLE = "node_modules/.cache/hgkm-vega/vega.min.js"
MANIFEST = "node_modules/.cache/hgkm-vega/vega-bundle.json"

_SPEC_ATTR = re.compile(r'data-spec="([^"]*)"')
_SPEC_SCRIPT = re.compile(r"^\s*window\.\w+\s*=\s*(\{.*\})\s*;?\s*$", re.S)
_PART_SCRIPT = re.compile(r"^\(window\.HGKM_DELEN = window\.HGKM_DELEN \|\| \{\}\)\[\"[^\"]*\"\] = (\{.*\});\s*$", re.S)
PARTS = "assets/delen/"  # build_data.pages.parts: HTML fragments with data-spec attributes, in JSON
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_CALL = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(")
_EXPR_KEYS = {"expr", "update", "test", "init", "signal"}


def spec_texts(name: str, text: str) -> list[str]:
    """The Vega specs in a built page (data-spec attributes, as written: escaped) or spec script
    (window.X = {...}: its JSON), or in the HTML of a part of a page (build_data.pages.parts).
    spec() reads one."""
    if name.startswith(PARTS):
        m = _PART_SCRIPT.match(text)
        if not m:
            raise ValueError(f"{name} is geen deel van een pagina (build_data.pages.parts)")
        return [a[1] for t in _strings(json.loads(m[1])) for a in _SPEC_ATTR.finditer(t)]
    if name.endswith(".js"):
        m = _SPEC_SCRIPT.match(text)
        spec = json.loads(m[1]) if m else None
        return [m[1]] if isinstance(spec, dict) and "$schema" in spec and "/vega/" in spec["$schema"] else []
    return [m[1] for m in _SPEC_ATTR.finditer(text)]


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def spec(name: str, text: str) -> dict:
    return json.loads(text if name.endswith(".js") and not name.startswith(PARTS) else _unescape(text))


def _unescape(attr: str) -> str:
    """An attribute written by render.attr_json (html.escape): its five entities back, much faster
    than html.unescape on specs of megabytes; an attribute with any other entity goes to html.unescape."""
    if "&" in attr.replace("&quot;", "").replace("&#x27;", "").replace("&lt;", "").replace("&gt;", "").replace("&amp;", ""):
        return html.unescape(attr)
    return attr.replace("&quot;", '"').replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def needs(spec: dict) -> tuple[set[str], set[str]]:
    """(transform types, expression functions) a spec uses; the data values are not looked at."""
    transforms: set[str] = set()
    functions: set[str] = set()

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "values" and key == "data":
                    continue
                if k == "transform" and isinstance(v, list):
                    transforms.update(t["type"].lower() for t in v if isinstance(t, dict) and isinstance(t.get("type"), str))
                if k in _EXPR_KEYS and isinstance(v, str):
                    functions.update(_CALL.findall(_STRING.sub("''", v)))
                walk(v, key if k == "values" else k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    def walk_top(s):
        for d in s.get("data", []):
            walk({k: v for k, v in d.items() if k != "values"})
        walk({k: v for k, v in s.items() if k != "data"})

    walk_top(spec)
    return transforms, functions


def check(root: Path, pages: dict[str, str], files: dict[str, bytes]) -> list[Problem]:
    """Problems for every spec of the site that needs what the bundle lacks."""
    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    have_t, have_f = set(manifest["transforms"]), set(manifest["functies"])
    problems = []
    sources = [(n, t) for n, t in pages.items()] + [
        (n, b.decode("utf-8")) for n, b in files.items()
        if (n.endswith(".html") or (n.endswith(".js") and not n.startswith("assets/vendor/")))]
    seen: dict[str, tuple[set, set]] = {}  # the same spec is on a theme, an indicator and an embed page
    for name, text in sources:
        if "data-spec" not in text and not name.endswith(".js"):
            continue
        lack_t, lack_f = set(), set()
        for raw in spec_texts(name, text):
            if raw not in seen:
                seen[raw] = needs(spec(name, raw))
            lack_t |= seen[raw][0] - have_t
            lack_f |= seen[raw][1] - have_f
        if lack_t or lack_f:
            what = ", ".join([f"transform '{t}'" for t in sorted(lack_t)] + [f"functie '{f}'" for f in sorted(lack_f)])
            problems.append(Problem(name, None, None, "vega-bundle", f"grafiek gebruikt {what}, die de Vega-bundel niet heeft"))
    return problems
