"""The HTTP API, in-process: each route's status and JSON, its filters, and its errors.

The server runs on a free local port over a store the real pipeline filled
from a tiny invented corpus (`api_fixture`).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from datetime import date
from urllib.parse import quote

import pytest

from api_fixture import Served
from onrecord.api.app import route_request
from onrecord.store import QuoteFilter, open_store
from onrecord.views.quotes import list_quotes
from statement_rows import add_person


@pytest.fixture(scope="module")
def api(served_store: Served) -> Served:
    return served_store


def texts(rows: list[dict]) -> list[str]:
    return [row["text"] for row in rows]


# -- the page ----------------------------------------------------------------------------
def test_the_root_serves_the_search_page(api: Served) -> None:
    with urllib.request.urlopen(api.url, timeout=30) as answer:
        assert answer.status == 200
        assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
        page = answer.read().decode("utf-8")
    assert '<ol id="results"' in page
    assert "/api/quotes" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # self-contained: no CDN


def test_an_unknown_page_is_a_json_404(api: Served) -> None:
    assert api.get("/favicon.ico") == (404, {"error": "no such page: /favicon.ico"})
    status, body = api.get("/api/nothing-here")
    assert status == 404 and "no such route" in body["error"]


# -- quotes ------------------------------------------------------------------------------
def test_quotes_are_the_objects_the_library_lists(api: Served) -> None:
    status, body = api.get("/api/quotes")
    with open_store(api.location) as store:
        expected = json.loads(json.dumps(list_quotes(store, QuoteFilter(limit=100))))
    assert status == 200
    assert body == expected
    assert len(body) >= 6
    assert {
        "id",
        "article_id",
        "text",
        "speaker",
        "said_on",
        "outlet",
        "kind",
        "start",
        "end",
    } <= set(body[0])


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("speaker=halvorsen", lambda q: q["speaker"] == "Ingrid Halvorsen"),
        ("outlet=ledger", lambda q: q["outlet"] == "Reykjavik Ledger"),
        ("since=2024-01-01", lambda q: q["said_on"] >= "2024-01-01"),
        ("until=2023-02-14", lambda q: q["said_on"] <= "2023-02-14"),
        ("kind=direct", lambda q: q["kind"] == "direct"),
        ("search=lecture", lambda q: "lecture" in q["text"]),
        (f"search={quote('fish north')}", lambda q: "fish" in q["text"] and "north" in q["text"]),
        ("speaker=Magnússon&since=2024-01-01", lambda q: q["said_on"] >= "2024-01-01"),
    ],
)
def test_quote_filters_narrow_the_list(api: Served, query: str, check) -> None:
    _, everything = api.get("/api/quotes")
    status, body = api.get(f"/api/quotes?{query}")
    assert status == 200
    assert body, f"{query} matched nothing"
    assert len(body) < len(everything)
    assert all(check(q) for q in body)


def test_search_and_limit(api: Served) -> None:
    _, lecture = api.get("/api/quotes?search=LECTURE")
    assert [q["outlet"] for q in lecture] == ["Northern Wire", "Harbour Times"]
    _, first = api.get("/api/quotes?limit=1")
    _, everything = api.get("/api/quotes")
    assert first == everything[:1]
    assert api.get("/api/quotes?search=nowhere+words") == (200, [])
    # blank parameters are no filter, as an empty form field sends them
    assert api.get("/api/quotes?speaker=&outlet=&search=")[1] == everything


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("since=2023-13-01", "since: '2023-13-01' is not a date (YYYY-MM-DD)"),
        ("until=yesterday", "until: 'yesterday' is not a date (YYYY-MM-DD)"),
        ("limit=0", "limit: '0' is not a whole number from 1 to 10000"),
        ("limit=ten", "limit: 'ten' is not a whole number from 1 to 10000"),
        (
            "kind=shouted",
            "kind: 'shouted' is not one of direct, partial, indirect, according_to, headline",
        ),
        ("cues=some", "cues: 'some' is not one of speech, all"),
        ("speakr=Halvorsen", "unknown parameter 'speakr'"),
    ],
)
def test_bad_quote_parameters_are_a_400_that_says_why(
    api: Served, query: str, message: str
) -> None:
    status, body = api.get(f"/api/quotes?{query}")
    assert status == 400
    assert body["error"].startswith(message)


# -- articles and rejected inputs --------------------------------------------------------
def test_articles_are_listed_without_text_and_read_with_their_quotes(api: Served) -> None:
    status, listed = api.get("/api/articles")
    assert status == 200
    assert [a["published"] for a in listed] == sorted(a["published"] for a in listed)
    assert len(listed) == 4 and all("text" not in a for a in listed)
    assert [a["title"] for a in api.get("/api/articles?outlet=Harbour%20Times")[1]] == [
        "Herring talks resume"
    ]
    first = listed[0]
    status, article = api.get(f"/api/articles/{first['id']}")
    assert status == 200
    assert article["id"] == first["id"] and article["outlet"] == first["outlet"]
    assert isinstance(article["boilerplate"], list)
    assert len(article["quotes"]) == first["quotes"] > 0
    for q in article["quotes"]:
        assert article["text"][q["start"] : q["end"]] == q["text"]


def test_an_unknown_article_is_a_404(api: Served) -> None:
    assert api.get("/api/articles/0000000000000000") == (
        404,
        {"error": "no article has the id '0000000000000000'"},
    )


def test_rejected_inputs_are_listed(api: Served) -> None:
    status, body = api.get("/api/rejected")
    assert status == 200
    assert [(r["source"].rsplit("/", 1)[-1], r["stage"], r["reason"]) for r in body] == [
        ("empty.txt", "read", "empty file")
    ]


# -- people, statements, claims, timeline ------------------------------------------------
def test_people_are_listed_and_profiled(api: Served) -> None:
    status, people = api.get("/api/people")
    assert status == 200
    names = [p["name"] for p in people]
    assert {"Ingrid Halvorsen", "Jón Magnússon"} <= set(names)
    assert [p["name"] for p in api.get("/api/people?search=magn")[1]] == ["Jón Magnússon"]
    status, profile = api.get(f"/api/people/{quote('Jón Magnússon')}")
    assert status == 200
    assert profile["name"] == "Jón Magnússon"
    assert profile["quotes"] and all(q["said_on"] for q in profile["quotes"])
    status, body = api.get("/api/people/Nobody%20Atall")
    assert status == 404 and "Nobody Atall" in body["error"]


def test_statements_show_where_each_was_reported(api: Served) -> None:
    status, statements = api.get("/api/statements")
    assert status == 200
    twice = [s for s in statements if len(s["carriers"]) == 2]
    assert [s["text"] for s in twice] == ["We came here to listen, not to lecture"]
    assert twice[0]["first_reported"]["outlet"] == "Northern Wire"
    status, one = api.get(f"/api/statements/{twice[0]['id']}")
    assert status == 200
    assert [r["outlet"] for r in one["reports"]] == ["Northern Wire", "Harbour Times"]
    since = api.get("/api/statements?since=2024-01-01")[1]
    assert since and all(s["said_on"] >= "2024-01-01" for s in since)
    assert api.get("/api/statements/nope")[0] == 404
    assert api.get("/api/statements?since=June")[0] == 400


def test_claims_are_listed_by_speaker(api: Served) -> None:
    status, claims = api.get("/api/claims?speaker=magnússon")
    assert status == 200
    assert claims and {c["person"] for c in claims} == {"Jón Magnússon"}
    assert all(c["statements"] for c in claims)


def test_a_timeline_counts_statements_per_period(api: Served) -> None:
    status, body = api.get("/api/timeline?speaker=Halvorsen&by=year")
    assert status == 200
    assert body["by"] == "year"
    assert [p["period"] for p in body["periods"]] == ["2023", "2024"]
    assert all(p["statements"] >= 1 for p in body["periods"])
    assert body["periods"][0]["representative"]["carriers"] == ["Northern Wire", "Harbour Times"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "timeline needs speaker, topic or pair"),
        ("speaker=Halvorsen&by=week", "by: 'week' is not one of month, quarter, year"),
        ("pair=NO:Atlantis", "pair: "),
    ],
)
def test_a_bad_timeline_request_is_a_400(api: Served, query: str, message: str) -> None:
    status, body = api.get(f"/api/timeline?{query}")
    assert status == 400
    assert body["error"].startswith(message)


def test_only_get_and_head_are_answered(api: Served) -> None:
    request = urllib.request.Request(api.url + "api/quotes", method="HEAD")
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200 and answer.read() == b""
    request = urllib.request.Request(api.url + "api/quotes", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    with refused.value as error:
        assert error.code == 501


# -- the serve command -------------------------------------------------------------------
def test_serve_reports_an_unusable_store_in_one_line(cli, store_path) -> None:
    store_path.write_bytes(b"this is not a database" * 100)
    result = cli("serve", "--port", "0")
    assert result.exit_code == 1
    assert result.stderr.startswith("onrecord: error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_dates_in_rows_become_iso_strings() -> None:
    from onrecord.api.app import _json_default

    assert json.dumps({"on": date(2024, 6, 3)}, default=_json_default) == '{"on": "2024-06-03"}'


def test_a_name_several_people_answer_to_is_a_400_listing_them(store, store_path) -> None:
    add_person(store, "p-erik", "Erik Dahl", aliases=("Dahl",))
    add_person(store, "p-anne", "Anne Dahl", aliases=("Dahl",))
    status, body = route_request("/api/people/Dahl", "", lambda: open_store(str(store_path)))
    assert status == 400
    assert "could be several people" in body["error"] and "p-erik" in body["error"]
    status, body = route_request("/api/people/Nobody", "", lambda: open_store(str(store_path)))
    assert status == 404
