"""Boilerplate: find the lines of a plain-text article that are not its prose.

Boilerplate is never cut out of the text (offsets must keep indexing the text
as given): `find_boilerplate` returns spans, `clean` records them on the
`Article`, and `Article.nlp_text` blanks them for the NLP.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from importlib import resources

from onrecord.model import Article

MAX_CAPTION_CHARS = 300


@cache
def _patterns() -> re.Pattern[str]:
    lines = resources.files("onrecord.data").joinpath("boilerplate.txt").read_text("utf-8")
    rules = [
        line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#")
    ]
    return re.compile("|".join(f"(?:{rule})" for rule in rules), re.I)


def find_boilerplate(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of boilerplate lines in ``text`` from offset ``start``.

    A line is boilerplate when it matches a pattern of ``data/boilerplate.txt``
    as a whole, or repeats an earlier short line word for word (a caption that
    the page printed twice).
    """
    pattern = _patterns()
    spans: list[tuple[int, int]] = []
    seen_short: set[str] = set()
    for match in re.finditer(r"[^\n]*", text[start:]):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        line_start = start + match.start() + (len(line) - len(line.lstrip()))
        line_end = line_start + len(stripped)
        if pattern.fullmatch(stripped):
            spans.append((line_start, line_end))
        elif len(stripped) <= MAX_CAPTION_CHARS:
            if stripped in seen_short:
                spans.append((line_start, line_end))
            seen_short.add(stripped)
    return spans


def clean(article: Article) -> Article:
    """Return ``article`` with its boilerplate spans recorded (front matter spans kept)."""
    skip = max((end for _, end in article.boilerplate), default=0)
    spans = tuple(sorted({*article.boilerplate, *find_boilerplate(article.text, skip)}))
    return replace(article, boilerplate=spans)
