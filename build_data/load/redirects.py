"""<root>/build_data/redirects.yml: old site paths that moved or went away, mapped to where their
content lives now (build_data.pages.redirect writes the forwarding pages)."""

from __future__ import annotations

import yaml

from ..model.problems import Problem, syntax_error
from .content import Content

FILE = "build_data/redirects.yml"


def read_redirects(content: Content) -> tuple[dict[str, str], list[Problem]]:
    """The map old path -> new path (empty when the file is missing or holds only comments), and
    the problem when the file is no such map."""
    path = content.redirects
    if not path.is_file():
        return {}, []
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line, message = syntax_error(exc, text)
        return {}, [Problem(FILE, line, None, "invalid-redirect", message)]
    if data is None:
        return {}, []
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        return {}, [Problem(FILE, None, None, "invalid-redirect", "verwacht regels 'oud/pad.html: nieuw/pad.html'")]
    return data, []
