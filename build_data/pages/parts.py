"""Parts of a page that the page script loads only when they are asked for: the figures and maps of
a period other than the one shown first, and the rows of the municipalities in a series. A first
visit carries what it shows; with StatLine's 19 periods and 342 municipalities the figures of every
period and area inline made the heaviest page 4.7 MB.

Each part is a classic script, assets/delen/<name>.js, that puts its content (made by the build:
escaped HTML fragments and chart rows) in window.HGKM_DELEN[<name>]. A <script src> loads from
disk too (file://), where the browser refuses fetch() and XMLHttpRequest of a file."""

from __future__ import annotations

import json

DIR = "assets/delen"
PER_PART = 20  # municipalities per part of a series: choosing one loads the rows of about this many


def path(name: str) -> str:
    """The part's file in the site."""
    return f"{DIR}/{name}.js"


def src(name: str) -> str:
    """The part's address from a page one folder deep (indicatoren/, themas/, embed/)."""
    return "../" + path(name)


def src_prefix(name: str) -> str:
    """The address of numbered parts (<name><number>.js) without the number, from a page one folder deep."""
    return "../" + DIR + "/" + name


def script(name: str, content: dict) -> bytes:
    """The part's script: its content under its name, as JSON (which is valid JavaScript)."""
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return f"(window.HGKM_DELEN = window.HGKM_DELEN || {{}})[{json.dumps(name)}] = {data};\n".encode("utf-8")


def split_spec(spec: dict, key: str, keep) -> tuple[dict, dict[str, list[dict]]]:
    """A compiled Vega spec with only the inline rows for which keep(row[key]) holds, and the other
    rows by dataset name (the page script adds them to its datasets when it loads the part)."""
    data, moved = [], {}
    for d in spec.get("data", []):
        if "values" in d:
            out = [r for r in d["values"] if not keep(r.get(key))]
            if out:
                moved[d["name"]] = out
                d = {**d, "values": [r for r in d["values"] if keep(r.get(key))]}
        data.append(d)
    return {**spec, "data": data}, moved


def bucket(slug: str, n: int) -> int:
    """The part (0 .. n-1) that holds an area's rows among n: a hash of its slug that the page
    script computes the same way (hgkm.js areaPart). Slugs are ASCII."""
    h = 0
    for ch in slug:
        h = (h * 31 + ord(ch)) % 2**32
    return h % n


def parts_for(slugs: list[str]) -> int:
    """How many parts the rows of these areas are split into."""
    return max(1, -(-len(slugs) // PER_PART))
