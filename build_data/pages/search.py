"""Search words: the synonym groups (zoekwoorden.yml) whose words occur on a page."""

from __future__ import annotations

import re


def _names(word: str, hay: str) -> bool:
    """Whether the lower-cased text names the word as a whole word (not inside another, nor hyphenated)."""
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", hay) is not None


def title_words(synonyms: list[list[str]], title: str) -> list[str]:
    """The words of the synonym groups that the title names ('Gestarte ondertoezichtstellingen': OTS,
    ondertoezichtstelling, ...), except those in the title itself. The page lists them under a
    heading of their own: mkdocs-material's search weighs a heading as a title, so an abbreviation
    finds the pages about it before pages that only mention it in their text."""
    hay = title.lower()
    out: list[str] = []
    for group in synonyms:
        if any(_names(w, hay) for w in group):
            out += [w for w in group if w not in out and w.lower() not in hay]
    return out


def search_words(synonyms: list[list[str]], *texts: str) -> list[str]:
    """The synonym groups (zoekwoorden.yml) whose words occur in the texts, as one list."""
    hay = " ".join(texts).lower()
    out: list[str] = []
    for group in synonyms:
        if any(_names(w, hay) for w in group):
            out += [w for w in group if w not in out]
    return out
