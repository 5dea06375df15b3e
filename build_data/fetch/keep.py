"""Which municipal figures the StatLine package keeps: those an indicator shows.

The tables '…, regio' publish every topic and every category per municipality: with about 340
municipalities that is most of the package (measured by `make bench`: 643 302 of 731 346 figures,
44 MB a release). The package keeps, per municipality, the figures of the topics that a
declaration's `statline:` block names (build_data/indicators), in the categories it maps and at
the 'Totaal…' category of any other dimension, which is what build_data.compute.statline takes
for the indicators. Nederland and the Veilig Thuis regions keep everything (the downloads and the
Data page list it); every other municipal figure stays on StatLine. `--gemeenten alle` keeps all.

Matching follows build_data.load.statline (topic by key, `naam` or `titel`, case and spacing
ignored; category by title or key; a dimension by its key); a block that matches nothing keeps
nothing here and is reported by the validation that follows."""

from __future__ import annotations


def _norm(text) -> str:
    return " ".join(str(text or "").split()).casefold()


def _category(values: list[tuple], wanted) -> str | None:
    w = _norm(wanted)
    return next((code for code, title, *_ in values if _norm(code) == w or _norm(title) == w), None)


def shown(table: dict, declared: list[dict]) -> set[tuple[str, tuple[str, ...]]]:
    """(maat, category keys in dimension order) of the figures the declarations take from a
    converted table (build_data.fetch.convert)."""
    dims = list(table["categories"].items())  # dimension key -> [(code, title, group)]
    out = set()
    for block in declared:  # the blocks build_data.fetch.release.statline_blocks reads
        if not block.get("maat") or _norm(block.get("tabel")) != _norm(table["table"]):
            continue
        wanted = _norm(block["maat"])
        for m in table["measures"]:
            if wanted not in (_norm(m["key"]), _norm(m["naam"]), _norm(m.get("titel"))):
                continue
            choices: list[list[str]] = []
            for key, values in dims:
                if _norm(key) == _norm(block.get("dimensie")) and (block.get("categorieen") or block.get("categorie")):
                    names = list(dict(block["categorieen"]).values()) if block.get("categorieen") else [block["categorie"]]
                    choices.append([c for c in (_category(values, n) for n in names) if c])
                else:
                    choices.append([code for code, title, *_ in values if _norm(title).startswith("totaal")])
            combos: list[tuple[str, ...]] = [()]
            for keys in choices:
                combos = [c + (k,) for c in combos for k in keys]
            out |= {(m["maat"], c) for c in combos}
    return out


def municipal_rows(table: dict, declared: list[dict]) -> tuple[list[list[str]], int]:
    """The table's rows without the municipal figures no indicator shows; and how many went."""
    keep = shown(table, declared)
    rows, dropped = [], 0
    for row in table["rows"]:
        code, _, maat, categorie, groep = row[:5]
        if code.startswith("GM"):
            keys = tuple(k for k in [categorie, *(groep.split("+") if groep else [])] if k) if table["categories"] else ()
            if (maat, keys) not in keep:
                dropped += 1
                continue
        rows.append(row)
    return rows, dropped
