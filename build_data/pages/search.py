"""Search words: the synonym groups (zoekwoorden.yml) whose words occur on a page."""

from __future__ import annotations

import re


def search_words(synonyms: list[list[str]], *texts: str) -> list[str]:
    """The synonym groups (zoekwoorden.yml) whose words occur in the texts, as one list."""
    hay = " ".join(texts).lower()
    out: list[str] = []
    for group in synonyms:
        if any(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", hay) for w in group):
            out += [w for w in group if w not in out]
    return out
