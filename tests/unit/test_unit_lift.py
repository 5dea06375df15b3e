"""Lifting generated HTML out of a page for the MkDocs passes and putting it back byte for byte
(build_data.site.lift: lift_specs, restore_specs, unlift)."""

from __future__ import annotations

from build_data.site import lift

OPEN, CLOSE = lift.LIFT_OPEN, lift.LIFT_CLOSE  # the marks render puts around a block

TABLE = ('<table class="hgkm-tabel" data-spec="{&quot;regio&quot;:&quot;Fryslân&quot;}">'
         "<tr><td>64\u00a0425*</td><td>\u2212 3,5\u00a0%</td></tr>\n<tr><td>x</td></tr></table>")
MAP = '<div class="hgkm-kaart"><svg viewBox="0 0 10 10"><g data-regio="drenthe"></g></svg></div>'
CHART = '<div class="hgkm-grafiek" data-spec="{&quot;mark&quot;:&quot;bar&quot;,&quot;w&quot;:&quot;é&quot;}"></div>'
OTHER_CHART = '<div class="hgkm-grafiek" data-spec="{&quot;mark&quot;:&quot;line&quot;}"></div>'

PAGE = (f"# Meldingen\n\nTekst met één – teken.\n\n{OPEN}{TABLE}{CLOSE}\n\n{CHART}\n\n"
        f"## Kaart\n\n{OPEN}{MAP}{CLOSE}\n\n{OTHER_CHART}\n")


def round_trip(page, specs=None):
    specs = {} if specs is None else specs
    lifted = lift.lift_specs(page, specs)
    return lifted, lift.restore_specs(lifted, specs), specs


def test_lifted_page_keeps_no_generated_html():
    lifted, _, specs = round_trip(PAGE)
    assert OPEN not in lifted and CLOSE not in lifted
    assert "<table" not in lifted and "<svg" not in lifted and "&quot;" not in lifted
    assert lifted == ('# Meldingen\n\nTekst met één – teken.\n\n<div data-hgkm-blok="hgkmblok0"></div>\n\n'
                      '<div class="hgkm-grafiek" data-spec="hgkmspec0"></div>\n\n'
                      '## Kaart\n\n<div data-hgkm-blok="hgkmblok1"></div>\n\n'
                      '<div class="hgkm-grafiek" data-spec="hgkmspec1"></div>\n')
    assert specs["hgkmblok0"] == TABLE and specs["hgkmblok1"] == MAP


def test_restore_gives_the_page_back_byte_for_byte_without_the_marks():
    _, restored, _ = round_trip(PAGE)
    assert restored == lift.unlift(PAGE)
    assert restored.encode("utf-8") == PAGE.replace(OPEN, "").replace(CLOSE, "").encode("utf-8")


def test_a_spec_inside_a_lifted_block_stays_in_the_block():
    _, restored, specs = round_trip(PAGE)
    assert TABLE in restored
    assert all(v != '{&quot;regio&quot;:&quot;Fryslân&quot;}' for k, v in specs.items() if k.startswith("hgkmspec"))


def test_a_page_without_marks_comes_back_unchanged():
    page = f"tekst\n{CHART}\n{CHART}\n"
    lifted, restored, _ = round_trip(page)
    assert lifted == "tekst\n" + '<div class="hgkm-grafiek" data-spec="hgkmspec0"></div>\n' * 2
    assert restored == page
    assert lift.lift_specs("geen html", {}) == "geen html"


def test_the_same_block_on_two_pages_is_kept_once():
    specs = {}
    page_a = f"A\n{OPEN}{TABLE}{CLOSE}\n{CHART}\n"
    page_b = f"B\n{OPEN}{MAP}{CLOSE}\n{OPEN}{TABLE}{CLOSE}\n{CHART}\n"
    lifted_a = lift.lift_specs(page_a, specs)
    lifted_b = lift.lift_specs(page_b, specs)
    blocks = sorted(k for k in specs if k.startswith("hgkmblok"))
    spec_tokens = sorted(k for k in specs if k.startswith("hgkmspec"))
    assert blocks == ["hgkmblok0", "hgkmblok1"]
    assert [specs[k] for k in blocks].count(TABLE) == 1
    assert spec_tokens == ["hgkmspec0"]
    assert 'data-hgkm-blok="hgkmblok0"' in lifted_a and 'data-hgkm-blok="hgkmblok0"' in lifted_b
    assert lift.restore_specs(lifted_a, specs) == lift.unlift(page_a)
    assert lift.restore_specs(lifted_b, specs) == lift.unlift(page_b)


def test_the_same_block_twice_on_one_page():
    page = f"{OPEN}{MAP}{CLOSE}tussen{OPEN}{MAP}{CLOSE}"
    lifted, restored, specs = round_trip(page)
    assert lifted == '<div data-hgkm-blok="hgkmblok0"></div>tussen<div data-hgkm-blok="hgkmblok0"></div>'
    assert restored == f"{MAP}tussen{MAP}"


def test_an_unclosed_mark_is_left_as_it_is():
    page = f"voor{OPEN}<p>open</p>\nna"
    lifted, restored, specs = round_trip(page)
    assert lifted == page
    assert restored == page
    assert not any(k.startswith("hgkmblok") for k in specs)


def test_an_unclosed_mark_after_a_closed_block():
    page = f"a{OPEN}<p>dicht</p>{CLOSE}b{OPEN}<p>open</p>"
    lifted, restored, _ = round_trip(page)
    assert lifted == f'a<div data-hgkm-blok="hgkmblok0"></div>b{OPEN}<p>open</p>'
    assert restored == f"a<p>dicht</p>b{OPEN}<p>open</p>"


def test_an_empty_block():
    lifted, restored, _ = round_trip(f"a{OPEN}{CLOSE}b")
    assert restored == "ab"


def test_unlift():
    assert lift.unlift(f"a{OPEN}<b>x</b>{CLOSE}c") == "a<b>x</b>c"
    assert lift.unlift(PAGE).count("<table") == 1
    assert lift.unlift("geen marks") == "geen marks"
