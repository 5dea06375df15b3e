"""build_data.pages.parts: the scripts of the parts of a page, and a compiled spec split into the
rows a page holds and the rows of a part (values worked out by hand)."""

import json
import re

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
