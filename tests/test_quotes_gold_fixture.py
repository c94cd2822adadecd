"""The hand-annotated quotation gold (tests/fixtures/quotes_gold.jsonl) is well formed.

The file gates the quote extractor in CI, so a slip here penalises correct code. These
checks are fast (no spaCy): the JSONL is what the annotated sources give, every span
points at the text it claims, the labels agree with each other, and every case the
extractor must handle is present several times.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "quotes_gold.jsonl"

ARTICLE_KEYS = {
    "doc_id",
    "split",
    "publisher",
    "publication_date",
    "title",
    "text",
    "quotes",
    "distractors",
    "style",
    "topic",
}
QUOTE_KEYS = {
    "quote_text",
    "quote_start",
    "quote_end",
    "quote_spans",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "cue_text",
    "cue_start",
    "cue_end",
    "type",
    "is_speech_cue",
    "kind",
    "cases",
}
KIND_FOR_TYPE = {"direct": "direct", "mixed": "partial", "indirect": "indirect"}
OPENING = '“"«„'
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
MIN_PER_CASE = 3
REQUIRED_CASES = [
    # quotation mark styles
    "mark_curly_double",
    "mark_straight_double",
    "mark_curly_single",
    "mark_guillemets",
    "mark_low_high",
    # shapes of direct quotes
    "direct",
    "unbalanced",
    "multi_sentence",
    "continuation",
    "split",
    "no_cue_followup",
    # reported speech
    "partial",
    "indirect",
    "indirect_that",
    "indirect_no_that",
    "told_reporters",
    "cue_after_content",
    "in_statement",
    "according_to",
    # cue verbs beyond "say"
    "cue_stress",
    "cue_note",
    "cue_add",
    "cue_explain",
    "cue_warn",
    "cue_insist",
    "cue_claim",
    "cue_accuse",
    "cue_deny",
    "cue_confirm",
    "cue_remark",
    "cue_emphasise",
    "cue_argue",
    "cue_tell",
    "cue_announce",
    # thought and finding, not speech
    "thought",
    "finding",
    "non_speech",
    # headlines
    "headline",
    "headline_colon",
    "headline_verb",
    # speakers
    "interviewer_question",
    "pronoun_speaker",
    "role_speaker",
    "org_speaker",
    "title_speaker",
    "apposition_speaker",
    "speaker_null",
]
REQUIRED_DISTRACTORS = ["scare_quote", "title_in_quotes"]


def _load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_quotes_gold", FIXTURES / "build_quotes_gold.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_quotes_gold", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _quotes(articles):
    for article in articles:
        for quote in article["quotes"]:
            yield article, quote


def test_gold_file_is_what_the_annotated_sources_give():
    builder = _load_builder()
    assert GOLD.read_text(encoding="utf-8") == builder.build(), (
        "quotes_gold.jsonl is stale: run python tests/fixtures/build_quotes_gold.py"
    )


def test_enough_invented_articles_of_news_length_across_styles_and_topics(articles):
    assert len(articles) >= 48
    assert len({a["doc_id"] for a in articles}) == len(articles)
    for article in articles:
        assert 80 <= len(article["text"].split()) <= 300, article["doc_id"]
        assert article["split"] == "fixture"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["publication_date"])
    assert {a["style"] for a in articles} == {
        "wire",
        "broadsheet",
        "tabloid",
        "state_media",
        "blog",
    }
    assert {a["topic"] for a in articles} == {
        "politics",
        "business",
        "sport",
        "science",
        "diplomacy",
    }
    assert len({a["publisher"] for a in articles}) >= 6


def test_records_have_the_polnear_fields_and_our_additions(articles):
    for article, quote in _quotes(articles):
        assert set(article) == ARTICLE_KEYS
        assert set(quote) == QUOTE_KEYS, article["doc_id"]
        assert quote["type"] in KIND_FOR_TYPE
        assert quote["kind"] in {"direct", "partial", "indirect", "according_to", "headline"}
        assert isinstance(quote["is_speech_cue"], bool)


def test_title_is_the_first_line_of_the_text(articles):
    for article in articles:
        assert article["text"].split("\n", 1)[0] == article["title"]
        assert "\n\n" in article["text"] and "\n\n\n" not in article["text"]


def test_every_span_is_the_text_it_claims(articles):
    for article, quote in _quotes(articles):
        text = article["text"]
        spans = quote["quote_spans"]
        assert spans, article["doc_id"]
        pieces = [text[a:b] for a, b in spans]
        for (a, b), piece in zip(spans, pieces, strict=True):
            assert 0 <= a < b <= len(text)
            assert piece == piece.strip() and "\n" not in piece, (article["doc_id"], piece)
        assert [a for a, _ in spans] == sorted(a for a, _ in spans)
        assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
        assert quote["quote_start"] == spans[0][0] and quote["quote_end"] == spans[-1][1]
        assert quote["quote_text"] == " ".join(pieces)
        if len(spans) == 1:
            assert quote["quote_text"] == text[quote["quote_start"] : quote["quote_end"]]
        assert quote["cue_text"] == text[quote["cue_start"] : quote["cue_end"]]
        if quote["speaker_text"] is None:
            assert quote["speaker_start"] is None and quote["speaker_end"] is None
            assert quote["speaker_name"] is None
        else:
            assert quote["speaker_text"] == text[quote["speaker_start"] : quote["speaker_end"]]
            assert quote["speaker_name"]


def test_cue_and_speaker_lie_outside_their_own_content(articles):
    for article, quote in _quotes(articles):
        own = [(quote["cue_start"], quote["cue_end"])]
        if quote["speaker_start"] is not None:
            own.append((quote["speaker_start"], quote["speaker_end"]))
        for a, b in quote["quote_spans"]:
            for start, end in own:
                assert end <= a or start >= b, (article["doc_id"], quote["quote_text"])


def test_type_follows_the_quotation_marks_and_kind_follows_type(articles):
    for article, quote in _quotes(articles):
        content = quote["quote_text"]
        has_mark = any(c in content for c in '“”"«»„') or re.search(r"(^|\s)‘", content)
        if quote["type"] == "indirect":
            assert not has_mark, (article["doc_id"], content)
        else:
            assert has_mark, (article["doc_id"], content)
        if quote["type"] == "direct" and "unbalanced" not in quote["cases"]:
            assert all(article["text"][a] in OPENING + "‘" for a, _ in quote["quote_spans"])
        in_title = quote["quote_start"] < len(article["title"])
        assert (quote["kind"] == "headline") == in_title, (article["doc_id"], content)
        if quote["kind"] == "according_to":
            assert quote["cue_text"].lower() == "according to"
        elif quote["kind"] != "headline":
            assert quote["kind"] == KIND_FOR_TYPE[quote["type"]], (article["doc_id"], content)


def test_speech_flag_is_consistent_per_cue_and_false_for_thought_and_finding(articles):
    flag_by_cue: dict[str, set[bool]] = {}
    for _, quote in _quotes(articles):
        flag_by_cue.setdefault(quote["cue_text"].lower(), set()).add(quote["is_speech_cue"])
        if "thought" in quote["cases"] or "finding" in quote["cases"]:
            assert quote["is_speech_cue"] is False, quote["quote_text"]
    assert all(len(flags) == 1 for flags in flag_by_cue.values()), flag_by_cue
    for cue in ("said", "told", "according to", ":", "stressed", "noted", "added"):
        assert flag_by_cue.get(cue) in ({True}, None)
    for cue in ("believes", "think", "found", "showed"):
        assert flag_by_cue.get(cue) in ({False}, None)


def test_hand_tags_agree_with_the_spans(articles):
    for article, quote in _quotes(articles):
        text, cases, spans = article["text"], set(quote["cases"]), quote["quote_spans"]
        where = (article["doc_id"], quote["quote_text"][:60])
        gaps = [text[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)]
        if "continuation" in cases:
            assert any(gap == "\n\n" for gap in gaps), where
        if "no_cue_followup" in cases:
            assert len(spans) > 1 and quote["cue_start"] < spans[-1][0], where
        if "split" in cases:
            assert spans[0][1] <= quote["cue_start"] < spans[-1][0], where
        if "multi_sentence" in cases:
            pieces = [text[a:b] for a, b in spans]
            assert any(re.search(r"[.?!]\s+[A-Z]", piece) for piece in pieces), where
        if "unbalanced" in cases:
            joined = quote["quote_text"]
            opened = sum(joined.count(c) for c in "“«„") + len(re.findall(r"(^|\s)‘", joined))
            closed = sum(joined.count(c) for c in "”»") + len(re.findall(r"[,.?!]’", joined))
            straight = joined.count('"')
            assert opened != closed or straight % 2 == 1 or "„" in joined, where
        if "pronoun_speaker" in cases:
            assert quote["speaker_text"].lower() in PRONOUNS, where
        if "apposition_speaker" in cases:
            assert "," in quote["speaker_text"], where
        if "title_speaker" in cases:
            assert quote["speaker_text"].split()[-1] == quote["speaker_name"].split()[-1] or (
                quote["speaker_name"].split()[-1] in quote["speaker_text"]
            ), where
            assert len(quote["speaker_text"].split()) > 1, where
        if cases & {"role_speaker", "org_speaker"}:
            assert quote["speaker_text"].lower() not in PRONOUNS, where
        if "interviewer_question" in cases:
            assert "?" in quote["quote_text"], where
        if "speaker_null" in cases:
            assert quote["speaker_text"] is None, where
        if "in_statement" in cases:
            assert "statement" in text[quote["cue_start"] : quote["cue_end"] + 20], where


def test_every_case_appears_several_times(articles):
    counts = Counter(case for _, quote in _quotes(articles) for case in quote["cases"])
    missing = {case: counts[case] for case in REQUIRED_CASES if counts[case] < MIN_PER_CASE}
    assert not missing, f"cases with fewer than {MIN_PER_CASE} quotes: {missing}"
    distractors = Counter(d["case"] for a in articles for d in a["distractors"])
    assert all(distractors[case] >= MIN_PER_CASE for case in REQUIRED_DISTRACTORS), distractors


def test_distractors_are_quoted_text_outside_every_attribution(articles):
    for article in articles:
        text = article["text"]
        for distractor in article["distractors"]:
            a, b = distractor["start"], distractor["end"]
            assert text[a:b] == distractor["text"]
            assert text[a] in OPENING + "‘" and text[b - 1] in '”"’»“'
            for quote in article["quotes"]:
                for qa, qb in quote["quote_spans"]:
                    assert qb <= a or qa >= b, (article["doc_id"], distractor["text"])


def test_an_interviewer_question_is_never_the_interviewee_words(articles):
    for article, quote in _quotes(articles):
        if "interviewer_question" not in quote["cases"]:
            continue
        answers = [
            other
            for other in article["quotes"]
            if other is not quote
            and other["quote_start"] > quote["quote_end"]
            and other["quote_start"] - quote["quote_end"] < 200
            and other["speaker_name"]
        ]
        assert answers, article["doc_id"]
        assert quote["speaker_name"] != answers[0]["speaker_name"], article["doc_id"]
