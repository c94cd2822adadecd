"""Word-level differences between two wordings of one statement (difflib)."""

from __future__ import annotations

import difflib
import re

__all__ = ["DiffOp", "render_diff", "word_diff"]

DiffOp = tuple[str, str]  # ("=", "same words") | ("-", "removed") | ("+", "added")

_WORDS = re.compile(r"\S+")


def _key(word: str) -> str:
    # Compare words without case or surrounding punctuation: re-punctuation is not a change.
    return re.sub(r"^\W+|\W+$", "", word.casefold().replace("’", "'"))


def word_diff(reference: str, variant: str) -> list[DiffOp]:
    """Edit operations turning ``reference`` into ``variant``, word by word."""
    ref_words, var_words = _WORDS.findall(reference), _WORDS.findall(variant)
    matcher = difflib.SequenceMatcher(
        a=[_key(w) for w in ref_words], b=[_key(w) for w in var_words], autojunk=False
    )
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(var_words[j1:j2])))
            continue
        if tag in ("delete", "replace"):
            ops.append(("-", " ".join(ref_words[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("+", " ".join(var_words[j1:j2])))
    return ops


def render_diff(ops: list[DiffOp]) -> str:
    """The operations as text, git word-diff style: ``[-removed-]`` and ``{+added+}``."""
    parts = []
    for op, words in ops:
        if op == "=":
            parts.append(words)
        elif op == "-":
            parts.append(f"[-{words}-]")
        else:
            parts.append(f"{{+{words}+}}")
    return " ".join(parts)
