"""Memory stays bounded on long runs, and bounding it changes no result.

The parser's working memory grows with the tokens of one ``nlp.pipe`` batch, so
`parse_many` cuts its batches by a token budget; the memoised rule components keep
at most ``MAX_CACHED`` tokens. Either way the parses are the same.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from onrecord.nlp import load_nlp, parse_many, token_batches

TEXTS = [
    "The mayor said on Tuesday that the bridge would reopen in May.",
    "“We are not going to raise taxes,” the finance minister told reporters.\nA new line.",
    "Critics disagreed. “This plan will cost more than it saves,” said Dana Holt, "
    "an economist at a regional university, adding that the figures were optimistic.",
    "Short one.",
    "Officials declined to comment. The council meets again next week, a spokesman said.",
] * 3


def annotations(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_, t.head.i) for t in doc
    ] + [("sent", s.start) for s in doc.sents]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(line_breaks=True, fast_attributes=True)


def test_token_batches_keep_order_and_respect_both_limits(nlp) -> None:
    docs = [nlp.make_doc(t) for t in TEXTS]
    batches = list(token_batches(docs, batch_size=4, max_tokens=40))
    assert [d for batch in batches for d in batch] == docs
    for batch in batches:
        assert len(batch) <= 4
        assert len(batch) == 1 or sum(len(d) for d in batch) <= 40


def test_a_text_longer_than_the_budget_is_a_batch_of_its_own(nlp) -> None:
    docs = [nlp.make_doc(t) for t in ("One two.", " ".join(["word"] * 50), "Three four.")]
    batches = list(token_batches(docs, batch_size=16, max_tokens=10))
    assert [len(b) for b in batches] == [1, 1, 1]


def test_parses_do_not_depend_on_the_token_budget(nlp) -> None:
    whole = [annotations(d) for d in parse_many(nlp, TEXTS, max_tokens=10**9)]
    tight = [annotations(d) for d in parse_many(nlp, TEXTS, max_tokens=30)]
    assert tight == whole


def test_the_rule_component_cache_stays_within_its_cap_with_the_same_output(
    nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import onrecord.fastattrs as fastattrs

    fast = next(c for _, c in nlp.pipeline if isinstance(c, fastattrs.FastAttributes))
    expected = [annotations(d) for d in parse_many(nlp, TEXTS)]
    monkeypatch.setattr(fastattrs, "MAX_CACHED", 60)
    fast._cache.clear()
    seen = []
    for text in TEXTS:
        seen.append(annotations(next(parse_many(nlp, [text]))))
        assert len(fast._cache) <= 60
    assert seen == expected
