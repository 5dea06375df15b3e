"""The bad-input corpus: every kind of broken input gives one clear Dutch problem naming its file,
row and field, a non-zero exit, and a failed build leaves the previous site/ and dist/ as they were.

One case per folder, tests/fixtures/<case>/case.yml:

    beschrijving: Eén regel in het Nederlands: wat de beheerder fout deed.
    bewerking:                     # applied at run time to a copy of the real datapackages/
      - set_cell: {file: datapackages/<pakket>/data/<x>.csv, waar: {regio: Drenthe, maat: ...},
                   kolom: waarde, waarde: "1 300"}
    verwacht:                      # exactly these errors, nothing else (one slip, one problem)
      - {file: datapackages/<pakket>/data/<x>.csv, row: bewerkt, field: waarde,
         type: thousands-separator, message: "zonder spatie"}

`row: bewerkt` is the row the edit touched (header = row 1), so a case keeps working when rows
are added to the real data; a number or null (no row) is fine too. Edits: set_cell, append_row,
add_cell, insert_line, drop_column, add_column, replace_text, write_file, copy_file (a file of
the case's folder), delete_file, truncate, encode. Paths are relative to the repository; edits of
build_data/indicators/** apply to a copy of the indicator declarations. Broken files are made
from the real packages at run time: no synthetic figures are committed. A case with
`verwacht: []` is input that must be accepted (e.g. a UTF-8 BOM)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from conftest import copy_content, publications_root
from roots import copy_datapackages
from hostile import (  # the CSV helpers the hostile fixture edits with
    read_rows,
    write_rows,
)

from build_data import ROOT
from build_data.model.problems import TYPES
from build_data.site import cli
from build_data.site.build import check_inputs

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = sorted(p.parent.name for p in FIXTURES.glob("*/case.yml"))
EDITED = "bewerkt"


# ---------------------------------------------------------------------------------------------
# Applying a case
# ---------------------------------------------------------------------------------------------

def load_case(name: str) -> dict:
    case = yaml.safe_load((FIXTURES / name / "case.yml").read_text(encoding="utf-8"))
    assert set(case) <= {"beschrijving", "bewerking", "verwacht"}, f"{name}: onbekende sleutels {set(case)}"
    assert isinstance(case.get("beschrijving"), str) and "\n" not in case["beschrijving"].strip()
    assert case.get("bewerking"), f"{name}: geen bewerking"
    return case


def _select(rows: list[list[str]], where: dict) -> int:
    """Index (in rows) of the one row whose cells match `where`; header = index 0 = row 1."""
    header = rows[0]
    hits = [i for i, r in enumerate(rows[1:], start=1)
            if all(r[header.index(k)] == str(v) for k, v in where.items())]
    assert len(hits) == 1, f"{where} selecteert {len(hits)} rijen in plaats van 1"
    return hits[0]


def apply_edit(root: Path, case_dir: Path, edit: dict) -> int | None:
    """Apply one edit below root; returns the row number (header = 1) it touched, if any."""
    [(kind, args)] = edit.items()
    path = root / args["file"]
    assert kind == "write_file" or kind == "copy_file" or path.exists(), f"{args['file']} bestaat niet"
    if kind == "set_cell":
        rows = read_rows(path)
        i = _select(rows, args["waar"])
        rows[i][rows[0].index(args["kolom"])] = str(args["waarde"])
        write_rows(path, rows)
        return i + 1
    if kind == "append_row":  # a copy of a selected row, with some cells changed
        rows = read_rows(path)
        new = list(rows[_select(rows, args["waar"])])
        for col, value in (args.get("zet") or {}).items():
            new[rows[0].index(col)] = str(value)
        rows.append(new)
        write_rows(path, rows)
        return len(rows)
    if kind == "add_cell":  # one cell too many in a selected row
        rows = read_rows(path)
        i = _select(rows, args["waar"])
        rows[i].append(str(args["waarde"]))
        write_rows(path, rows)
        return i + 1
    if kind == "insert_line":  # a raw line after row `na_rij` (header = 1)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines.insert(args["na_rij"], args["regel"] + "\n")
        path.write_text("".join(lines), encoding="utf-8")
        return args["na_rij"] + 1
    if kind == "drop_column":
        rows = read_rows(path)
        j = rows[0].index(args["kolom"])
        write_rows(path, [r[:j] + r[j + 1:] for r in rows])
        return None
    if kind == "add_column":
        rows = read_rows(path)
        write_rows(path, [rows[0] + [args["kolom"]]] + [r + [str(args.get("waarde", ""))] for r in rows[1:]])
        return None
    if kind == "replace_text":
        text = path.read_text(encoding="utf-8")
        assert args["oud"] in text, f"{args['oud']!r} staat niet in {args['file']}"
        path.write_text(text.replace(args["oud"], args["nieuw"], -1 if args.get("overal") else 1), encoding="utf-8")
        return None
    if kind == "write_file":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(args["tekst"], encoding="utf-8")
        return None
    if kind == "copy_file":
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case_dir / args["van"], path)
        return None
    if kind == "delete_file":
        path.unlink()
        return None
    if kind == "truncate":
        data = path.read_bytes()
        assert args["bytes"] < len(data)
        path.write_bytes(data[: args["bytes"]])
        return data[: args["bytes"]].count(b"\n") + 1  # the row that was cut off
    if kind == "encode":
        text = path.read_text(encoding="utf-8")
        path.write_bytes(text.encode(args["encoding"]))
        first = next((i for i, ch in enumerate(text) if ord(ch) > 127), None)
        return None if args["encoding"].startswith("utf-8") or first is None else text[:first].count("\n") + 1
    raise AssertionError(f"onbekende bewerking {kind!r}")


def make_root(base: Path) -> Path:
    """A copy of the data packages and the content (declarations, themes, synonyms, redirects, changelog)."""
    copy_datapackages(base / "datapackages")
    (base / "node_modules").symlink_to(ROOT / "node_modules")  # validate checks the browser assets too
    return copy_content(base)


def apply_case(root: Path, name: str) -> list[tuple]:
    """Apply a case to root; returns its expected problems as (file, row, field, type, fragment)."""
    case = load_case(name)
    rows = [apply_edit(root, FIXTURES / name, edit) for edit in case["bewerking"]]
    edited = next((r for r in rows if r is not None), None)
    expected = []
    for exp in case.get("verwacht") or []:
        row = edited if exp.get("row") == EDITED else exp.get("row")
        assert exp.get("row") != EDITED or edited is not None, f"{name}: geen bewerkte rij"
        expected.append((exp["file"], row, exp.get("field"), exp["type"], exp["message"]))
    return expected


def claims(name: str) -> set[str]:
    """What a case touches: a CSV claims its file; a descriptor (or a deleted file) its package."""
    out = set()
    for edit in load_case(name)["bewerking"]:
        [(kind, args)] = edit.items()
        file = args["file"]
        if "/datapackage." in file or kind == "delete_file":
            file = file.rsplit("/", 2)[0] if "/data/" in file else file.rsplit("/", 1)[0]
        out.add(file)
    return out


def errors(problems):
    return [p for p in problems if p.severity == "error"]


def matches(problem, exp) -> bool:
    file, row, field, type_, fragment = exp
    return (problem.file, problem.row, problem.field, problem.type) == (file, row, field, type_) and fragment in problem.message


# ---------------------------------------------------------------------------------------------
# The corpus itself
# ---------------------------------------------------------------------------------------------

def test_corpus_is_large_enough():
    kinds = {exp["type"] for name in CASES for exp in load_case(name).get("verwacht") or []}
    assert len(CASES) >= 25 and len(kinds) >= 25, (len(CASES), sorted(kinds))
    assert kinds <= set(TYPES), kinds - set(TYPES)  # every kind has a Dutch title and a fix hint


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> dict[str, tuple[Path, list[tuple]]]:
    """Every case applied to its own copy, once per run."""
    base = tmp_path_factory.mktemp("corpus")
    out = {}
    for name in CASES:
        root = make_root(base / name)
        out[name] = (root, apply_case(root, name))
    return out


@pytest.mark.parametrize("name", CASES)
def test_case_gives_one_clear_problem_per_slip(name, prepared, monkeypatch, capsys):
    """`build_data --root <copy> validate` (in this process: cli.main with the same arguments):
    exit 1, exactly the expected problems (one slip, one problem), and each in the printed table
    with its file, row, field, message and Dutch fix hint."""
    root, expected = prepared[name]
    seen = {}

    def spy(r):
        seen["result"] = check_inputs(r)
        return seen["result"]

    monkeypatch.setattr(cli, "validate", spy)
    code = cli.main(["--root", str(root), "validate"])
    out = capsys.readouterr()
    found = errors(seen["result"][2])
    for exp in expected:
        assert any(matches(p, exp) for p in found), f"{exp} niet gevonden in:\n" + "\n".join(map(repr, found))
    # one slip, one problem: nothing else is reported (no cascade)
    assert len(found) == len(expected), "\n".join(map(repr, found))
    if not expected:
        assert code == 0 and "in orde" in out.out
        return
    assert code == 1 and "FOUT" in out.out
    for file, row, field, type_, fragment in expected:
        assert TYPES[type_][1], type_  # a fix hint in Dutch
        line = next((ln for ln in out.err.splitlines() if ln.startswith(file + " ") and f" {type_} " in ln), None)
        assert line is not None, (file, type_, out.err)
        cells = [c.strip() for c in line.split(" | ")]
        assert cells[1] == ("" if row is None else str(row)) and cells[2] == (field or ""), line
        assert fragment in cells[4] and cells[5] == TYPES[type_][1], line


def test_bom_is_accepted_and_loses_nothing(prepared, tmp_path_factory):
    """Decision: a UTF-8 byte order mark (Excel's 'CSV UTF-8') is accepted silently; the file
    reads exactly as without it."""
    root, expected = prepared["bom"]
    assert expected == [] and (root / load_case("bom")["bewerking"][0]["encode"]["file"]).read_bytes()[:3] == b"\xef\xbb\xbf"
    catalog, _, problems = check_inputs(root)
    real, _, _ = check_inputs(publications_root(tmp_path_factory))  # the copy has the publications' packages
    assert not errors(problems)
    assert set(catalog.packages) == set(real.packages)
    for name, package in real.packages.items():
        if package.observations.empty:
            continue  # a package without figures (the indicator catalogue)
        assert catalog.packages[name].observations[["regio", "periode", "maat", "waarde"]].equals(
            package.observations[["regio", "periode", "maat", "waarde"]]), name


def test_cli_in_a_new_process(prepared):
    """The real entry point, `python -m build_data --root <copy> validate`, for a few cases (a new
    interpreter each; the test above runs every case through the same cli.main in-process)."""
    names = ["decimaalkomma", "beschrijving-yaml-kapot", "indicator-onbekend-veld", "bom"]

    def run(name):
        return subprocess.run([sys.executable, "-m", "build_data", "--root", str(prepared[name][0]), "validate"],
                              capture_output=True, text=True, cwd=ROOT)

    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        results = dict(zip(names, pool.map(run, names)))
    for name, proc in results.items():
        expected = prepared[name][1]
        assert proc.returncode == (1 if expected else 0), (name, proc.stdout, proc.stderr)
        for file, row, field, type_, fragment in expected:
            assert file in proc.stderr and type_ in proc.stderr and fragment in proc.stderr, (name, proc.stderr)


def test_all_cases_at_once(tmp_path):
    """Cases that edit different files, applied together: every expected problem in one run."""
    root = make_root(tmp_path)
    chosen, taken, expected = [], set(), []
    for name in CASES:
        mine = claims(name)
        if any(a == b or a.startswith(b + "/") or b.startswith(a + "/") for a in mine for b in taken):
            continue
        if not load_case(name).get("verwacht"):
            continue
        taken |= mine
        chosen.append(name)
        expected += apply_case(root, name)
    assert len(chosen) >= 15, chosen
    _, _, problems = check_inputs(root)
    found = errors(problems)
    missing = [exp for exp in expected if not any(matches(p, exp) for p in found)]
    assert not missing, missing
    assert len(found) == len(expected), "\n".join(map(repr, found))


# ---------------------------------------------------------------------------------------------
# A failed build leaves the previous site/ and dist/ exactly as they were
# ---------------------------------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for base in ("site", "dist"):
        for p in sorted((root / base).rglob("*")):
            st = p.stat()
            out[str(p.relative_to(root))] = (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir", st.st_mtime_ns)
    return out


@pytest.fixture(scope="module")
def site_root(built_copy) -> Path:
    return built_copy[0]


def test_failed_site_leaves_site_and_dist_untouched(site_root, capsys):
    root = site_root
    before = snapshot(root)
    assert any(k.startswith("dist/") for k in before) and "site/index.html" in before
    pristine = root.parent / "pristine"
    for base in ("datapackages", "build_data/indicators"):
        shutil.copytree(root / base, pristine / base)
    for name in CASES:
        if not load_case(name).get("verwacht"):
            continue
        apply_case(root, name)
        try:
            assert cli.main(["--root", str(root), "site"]) == 1, name
            err = capsys.readouterr().err
            assert "site/ en dist/ zijn ongewijzigd" in err, (name, err)
        finally:
            for base in ("datapackages", "build_data/indicators"):
                shutil.rmtree(root / base)
                shutil.copytree(pristine / base, root / base)
        assert snapshot(root) == before, name
        assert not list(root.glob(".build-*")), name


def test_failure_inside_mkdocs_or_the_zip_leaves_site_untouched(site_root, monkeypatch, capsys):
    """Valid data, but the build fails later: a page MkDocs refuses in strict mode, then an error
    while the zip is written. Neither touches site/ or dist/, neither leaves a temporary folder."""
    from build_data.site import publish

    root = site_root
    before = snapshot(root)
    page = root / "docs" / "over.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8")  # strict: a broken link fails
    try:
        assert cli.main(["--root", str(root), "site"]) == 1
    finally:
        page.write_text(good, encoding="utf-8")
    assert "bestaat-niet.md" in capsys.readouterr().err
    assert snapshot(root) == before and not list(root.glob(".build-*"))

    def broken_zip(site_dir, zip_path):
        zip_path.write_bytes(b"half")
        raise OSError("schijf vol")

    monkeypatch.setattr(publish, "write_zip", broken_zip)
    assert cli.main(["--root", str(root), "site"]) == 1
    assert "schijf vol" in capsys.readouterr().err
    assert snapshot(root) == before and not list(root.glob(".build-*"))
