"""Reading the files of a data package: descriptors (YAML or JSON) and CSV tables, with the slips
that make a whole file unreadable (missing, empty, not UTF-8, wrong delimiter, cut off) found
before frictionless guesses around them."""

from __future__ import annotations

import csv
import difflib
import json
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..model.problems import Problem, syntax_error


def rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def descriptor_path(package_dir: Path) -> Path | None:
    for name in ("datapackage.yaml", "datapackage.yml", "datapackage.json"):
        if (package_dir / name).exists():
            return package_dir / name
    return None


def read_descriptor(path: Path, root: Path) -> tuple[dict | None, list[Problem]]:
    """The descriptor as a dict, or one problem saying where its YAML or JSON is broken."""
    file = rel(path, root)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [_encoding_problem(path.read_bytes(), exc, file)]
    try:
        descriptor = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=yaml.CSafeLoader)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        line, message = syntax_error(exc, text)
        return None, [Problem(file, line, None, "invalid-descriptor", message)]
    if not isinstance(descriptor, dict):
        return None, [Problem(file, None, None, "invalid-descriptor", "de beschrijving is geen verzameling 'sleutel: waarde'")]
    return descriptor, []


def _encoding_problem(data: bytes, exc: UnicodeDecodeError, file: str) -> Problem:
    row = data[: exc.start].count(b"\n") + 1
    byte = data[exc.start]
    guess = data[exc.start: exc.end + 1].decode("cp1252", errors="replace")
    return Problem(file, row, None, "encoding-error",
                   f"het bestand is geen UTF-8: byte 0x{byte:02x} ({guess!r} in Windows-1252/Latin-1) in rij {row}; "
                   "sla het bestand op als UTF-8")


@dataclass
class FileCheck:
    problem: Problem | None = None  # the file cannot be read: one problem, nothing else
    truncated_row: int | None = None  # last row cut off mid-row (no line end, too few cells)


def check_file(path: Path, file: str) -> FileCheck:
    """Slips that make a whole CSV unreadable, found before frictionless guesses around them."""
    if not path.is_file():
        return FileCheck(Problem(file, None, None, "missing-file", "het bestand bestaat niet (zie 'path' in datapackage.yaml)"))
    data = path.read_bytes()
    if not data.strip():
        return FileCheck(Problem(file, None, None, "empty-file", "het bestand is leeg: er is zelfs geen kopregel"))
    try:
        text = data.decode("utf-8-sig")  # a BOM is accepted: Excel writes one in 'CSV UTF-8'
    except UnicodeDecodeError as exc:
        return FileCheck(_encoding_problem(data, exc, file))
    rows = list(csv.reader(text.splitlines(keepends=True)))
    header = rows[0] if rows else []
    for sep, name in ((";", "puntkomma's (;)"), ("\t", "tabs")):
        if len(header) == 1 and sep in header[0]:
            return FileCheck(Problem(file, 1, None, "wrong-delimiter",
                                      f"de cellen zijn gescheiden door {name}, niet door komma's: de kop is één cel {header[0][:40]!r}"))
    check = FileCheck()
    if len(rows) > 1 and not text.endswith(("\n", "\r")) and len(rows[-1]) < len(header):
        check.truncated_row = len(rows)
    return check


def read_csv(path: Path) -> pd.DataFrame:
    """All cells as text. Lenient about ragged rows: frictionless reports those itself."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0] if rows else []
    body = [(r + [""] * len(header))[: len(header)] for r in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype=object)  # plain str cells: iterating pandas strings was slow


def number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.75)
    return f"; bedoel je {close[0]!r}?" if close else ""
