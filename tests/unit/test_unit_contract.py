"""The contract between the generated HTML and the page script (build_data/pages/contract.py), and
the rule that HTML comes from templates only (build_data/pages/html.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from build_data.pages import contract

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (ROOT / "docs/assets/hgkm.js").read_text(encoding="utf-8")
TEMPLATES = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "build_data/pages/templates").rglob("*") if p.is_file())
HOOK = re.compile(r"\b(hgkm-[a-z0-9-]*[a-z0-9]|data-[a-z0-9-]*[a-z0-9])\b")


def test_every_hook_the_script_reads_is_in_the_contract():
    listed = set(contract.CLASSES) | set(contract.ATTRIBUTES) | set(contract.SCRIPT_OWN)
    assert set(HOOK.findall(SCRIPT)) - listed == set()


def test_every_hook_of_the_contract_is_written_by_a_template_and_read_by_the_script():
    for hook in set(contract.CLASSES) | set(contract.ATTRIBUTES):
        assert hook in TEMPLATES, f"{hook}: no template writes it"
        assert re.search(rf"\b{re.escape(hook)}\b", SCRIPT), f"{hook}: the page script does not read it"
    for hook in contract.SCRIPT_OWN:
        assert hook not in TEMPLATES, f"{hook} is set by the script itself, not by a template"


TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*[\s>/]")


def _html_built_in_code(path: Path) -> list[str]:
    """f-strings, %-formatting and concatenations in a module whose literal text holds a tag."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        texts = []
        if isinstance(node, ast.JoinedStr):
            texts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            texts = [s.value for s in (node.left, node.right) if isinstance(s, ast.Constant) and isinstance(s.value, str)]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("format", "join") \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
            texts = [node.func.value.value]
        if any(TAG.search(t) for t in texts):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_html_is_built_by_string_formatting_outside_the_templates():
    found = [hit for p in sorted((ROOT / "build_data").rglob("*.py")) for hit in _html_built_in_code(p)]
    assert found == []


def test_the_check_finds_html_built_by_an_f_string(tmp_path, monkeypatch):
    module = tmp_path / "m.py"
    module.write_text("x = 1\na = f'<p>{x}</p>'\nb = '<li>' + str(x)\nc = '<td>{}</td>'.format(x)\nd = f'{x} < 3'\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    assert _html_built_in_code(module) == ["m.py:2", "m.py:3", "m.py:4"]
