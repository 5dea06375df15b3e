"""build_data.pages.parts: the scripts of the parts of a page, and a compiled spec split into the
rows a page holds and the rows of a part (values worked out by hand)."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from build_data.pages import parts


def test_a_part_is_a_classic_script_that_names_its_content():
    text = parts.script("ontvangen_meldingen-perioden", {"2019-H2": '<p class="x">1 235 & "meer" </script></p>'}).decode("utf-8")
    m = re.fullmatch(r'\(window\.HGKM_DELEN = window\.HGKM_DELEN \|\| \{\}\)\["ontvangen_meldingen-perioden"\] = (.*);\n', text, re.S)
    assert m, text
    assert json.loads(m[1]) == {"2019-H2": '<p class="x">1 235 & "meer" </script></p>'}  # JSON, as it was
    assert parts.path("a-b") == "assets/delen/a-b.js" and parts.src("a-b") == "../assets/delen/a-b.js"


def test_split_spec_keeps_the_rows_of_the_page_and_moves_the_others_by_dataset():
    spec = {"data": [{"name": "d0", "values": [{"regio_slug": "nederland", "w": 1}, {"regio_slug": "maastricht", "w": 2},
                                                {"regio_slug": "zuid-limburg", "w": 3}]},
                     {"name": "d1", "values": [{"regio_slug": "nederland"}]},
                     {"name": "data_0", "source": "d0", "transform": [{"type": "filter", "expr": "true"}]}],
            "marks": []}
    inline, moved = parts.split_spec(spec, "regio_slug", lambda slug: slug != "maastricht")
    assert [r["w"] for r in inline["data"][0]["values"]] == [1, 3]
    assert inline["data"][1] == spec["data"][1] and inline["data"][2] == spec["data"][2]
    assert moved == {"d0": [{"regio_slug": "maastricht", "w": 2}]}  # d1 had none to move
    assert len(spec["data"][0]["values"]) == 3  # the spec given is not changed
    assert inline["marks"] == []


def test_the_page_script_finds_a_municipality_in_the_part_the_build_put_it_in():
    """build_data.pages.parts.bucket and hgkm.js areaPart are one hash: the function is taken from
    the page script and run by node on the slugs of real municipalities and odd ones."""
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    script = (Path(__file__).resolve().parents[2] / "docs/assets/hgkm.js").read_text(encoding="utf-8")
    fn = re.search(r"  function areaPart\(slug, n\) \{.*?\n  \}\n", script, re.S)[0]
    slugs = ["maastricht", "groningen-gemeente", "s-hertogenbosch", "sudwest-fryslan", "a", "zz-" * 40]
    cases = [(s, n) for s in slugs for n in (1, 7, 18)]
    out = subprocess.run([node, "-e", fn + f"console.log(JSON.stringify({json.dumps(cases)}.map(c => areaPart(c[0], c[1]))))"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [parts.bucket(s, n) for s, n in cases]
    assert len({parts.bucket(s, 18) for s in slugs}) > 1  # not one part for all


def test_about_twenty_municipalities_a_part():
    assert parts.parts_for([]) == 1 and parts.parts_for(["a"] * 20) == 1 and parts.parts_for(["a"] * 21) == 2
    assert parts.parts_for(["a"] * 342) == 18
