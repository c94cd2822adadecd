"""People: one canonical speaker across articles (names, roles, organisations, decisions)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.model import Article, ArticleResult, Mention, Quote
from onrecord.people import (
    alias_person,
    apply_people_file,
    merge_people,
    person_ids_matching,
    resolve_people,
    split_person,
    update_people,
)
from onrecord.people.names import given_key, parse_name, parse_role, surname_key
from onrecord.store import SQLiteStore, Store
from onrecord.views.people import list_people, person_profile


def _article(
    text: str,
    day: str,
    names: list[tuple[str, str, str | None]] = (),
    speakers: list[tuple[str, str | None, str, str]] = (),
    outlet: str = "Test Post",
) -> ArticleResult:
    """An article with named mentions (text, name, role) and quotes by (text, name, kind, basis)."""
    article = Article(
        text=text, source=f"{day}-{hash(text)}", outlet=outlet, published=date.fromisoformat(day)
    )
    mentions = []
    cursor = 0
    for surface, name, role in names:
        start = text.index(surface, cursor)
        cursor = start + 1
        mentions.append(Mention(start, start + len(surface), surface, name, "person", role))
    quotes = []
    cursor = 0
    for number, (surface, name, kind, basis) in enumerate(speakers):
        start = text.index(surface, cursor)
        cursor = start + 1
        quotes.append(
            Quote(
                start=1000 + number,
                end=1001 + number,
                text=f"words {number}",
                kind="indirect",
                speaker_start=start,
                speaker_end=start + len(surface),
                speaker_text=surface,
                speaker=name,
                speaker_kind=kind,
                speaker_basis=basis,  # type: ignore[arg-type]
            )
        )
    return ArticleResult(article, tuple(quotes), tuple(mentions))


def _ingest(store: Store, *results: ArticleResult) -> None:
    store.save_batch(results, [], None)
    update_people(store, [r.article.id for r in results])


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with SQLiteStore(tmp_path / "people.db") as opened:
        yield opened


SPOKESMAN = [
    _article(
        "Kremlin spokesman Dmitry Volkov said talks were frozen. Volkov said more.",
        "2023-03-01",
        [
            ("Dmitry Volkov", "Dmitry Volkov", "Kremlin spokesman"),
            ("Volkov", "Dmitry Volkov", None),
        ],
        [
            ("Kremlin spokesman Dmitry Volkov", "Dmitry Volkov", "person", "name"),
            ("Volkov", "Dmitry Volkov", "person", "name"),
        ],
    ),
    _article(
        "Dmitri Volkov, Putin's press secretary, said no. Mr Volkov added little.",
        "2023-04-01",
        [
            ("Dmitri Volkov", "Dmitri Volkov", "Putin's press secretary"),
            ("Volkov", "Dmitri Volkov", None),
        ],
        [
            ("Dmitri Volkov", "Dmitri Volkov", "person", "name"),
            ("Mr Volkov", "Dmitri Volkov", "person", "name"),
        ],
    ),
    _article(
        "Mr Volkov said the Kremlin had no comment.",
        "2023-05-01",
        [("Volkov", "Volkov", None)],
        [
            ("Mr Volkov", "Volkov", "person", "name"),
            ("the Kremlin", "Kremlin", "organization", "name"),
        ],
    ),
]


def _people(store: Store) -> dict[str, dict]:
    return {p["name"]: p for p in list_people(store)}


def test_spellings_honorifics_and_surnames_are_one_person_with_dated_roles(store: Store) -> None:
    _ingest(store, *SPOKESMAN)
    people = _people(store)
    volkov = people["Dmitry Volkov"]
    assert "Dmitri Volkov" not in people and "Volkov" not in people
    assert {"Dmitri Volkov", "Mr Volkov", "Volkov"} <= set(volkov["aliases"])
    roles = {r["role"]: r for r in volkov["roles"]}
    assert roles["Kremlin spokesman"]["first_seen"] == "2023-03-01"
    assert roles["Putin's press secretary"]["last_seen"] == "2023-04-01"
    assert volkov["statements"] == 5
    assert people["the Kremlin"]["kind"] == "organization"
    assert people["the Kremlin"]["country"] == "RU"


def test_two_full_names_sharing_a_surname_stay_two_and_a_bare_surname_stays_ambiguous(
    store: Store,
) -> None:
    _ingest(
        store,
        _article(
            "Senator John Reed said yes.",
            "2023-01-01",
            [("John Reed", "John Reed", "Senator")],
            [("Senator John Reed", "John Reed", "person", "name")],
        ),
        _article(
            "Jane Reed, an analyst, said no.",
            "2023-01-02",
            [("Jane Reed", "Jane Reed", "analyst")],
            [("Jane Reed", "Jane Reed", "person", "name")],
        ),
        _article(
            "Reed said maybe.",
            "2023-01-03",
            [("Reed", "Reed", None)],
            [("Reed", "Reed", "person", "name")],
        ),
    )
    people = _people(store)
    assert people["John Reed"]["id"] != people["Jane Reed"]["id"]
    assert people["John Reed"]["statements"] == 1 and people["Jane Reed"]["statements"] == 1
    assert "Reed" not in people
    unresolved = store.query("SELECT person_id FROM quotes WHERE speaker_text = 'Reed'")
    assert unresolved == [{"person_id": None}]


def test_a_bare_surname_with_a_fitting_role_joins_that_person(store: Store) -> None:
    _ingest(
        store,
        _article(
            "Senator John Reed said yes.",
            "2023-01-01",
            [("John Reed", "John Reed", "Senator")],
            [("Senator John Reed", "John Reed", "person", "name")],
        ),
        _article(
            "Jane Reed, an analyst, said no.",
            "2023-01-02",
            [("Jane Reed", "Jane Reed", "analyst")],
            [("Jane Reed", "Jane Reed", "person", "name")],
        ),
        _article(
            "Sen. Reed said maybe.",
            "2023-01-03",
            [("Reed", "Reed", "Sen.")],
            [("Sen. Reed", "Reed", "person", "name")],
        ),
    )
    john = person_ids_matching(store, "John Reed")
    said = store.query("SELECT person_id FROM quotes WHERE speaker_text = 'Sen. Reed'")
    assert said == [{"person_id": john[0]}]


def test_a_role_only_article_resolves_to_the_role_holder_with_lower_confidence(
    store: Store,
) -> None:
    _ingest(store, *SPOKESMAN)
    _ingest(
        store,
        _article(
            "The Kremlin spokesman said nothing had changed.",
            "2023-05-10",
            [],
            [("The Kremlin spokesman", "The Kremlin spokesman", "person", "role")],
        ),
        _article(
            "The White House spokesman said the same.",
            "2023-05-10",
            [],
            [("The White House spokesman", "The White House spokesman", "person", "role")],
        ),
    )
    rows = {
        r["speaker_text"]: r
        for r in store.query(
            "SELECT speaker_text, person_id, person_basis, person_confidence FROM quotes"
        )
    }
    kremlin = rows["The Kremlin spokesman"]
    assert kremlin["person_id"] == person_ids_matching(store, "Dmitry Volkov")[0]
    assert kremlin["person_basis"] == "role" and kremlin["person_confidence"] < 1
    assert rows["The White House spokesman"]["person_id"] is None


def test_groups_are_their_own_kind(store: Store) -> None:
    _ingest(
        store,
        _article(
            "Russian officials said no.",
            "2023-01-01",
            [],
            [("Russian officials", "Russian officials", "group", "name")],
        ),
    )
    officials = _people(store)["Russian officials"]
    assert officials["kind"] == "group"
    assert officials["country"] == "RU"


def _snapshot(store: Store) -> tuple:
    people = sorted(
        (p["id"], p["name"], tuple(p["aliases"]), p["statements"]) for p in list_people(store)
    )
    quotes = sorted(
        (q["id"], q["person_id"]) for q in store.query("SELECT id, person_id FROM quotes")
    )
    return people, quotes


def test_incremental_updates_give_the_same_people_as_a_rebuild(store: Store) -> None:
    for result in reversed(SPOKESMAN):  # surname-only first, full names later
        _ingest(store, result)
    incremental = _snapshot(store)
    resolve_people(store)
    assert _snapshot(store) == incremental
    assert "Volkov" not in _people(store)


def test_decisions_persist_across_rebuilds(store: Store) -> None:
    _ingest(store, *SPOKESMAN)
    _ingest(
        store,
        _article(
            "Anna Kuz said yes.",
            "2023-02-01",
            [("Anna Kuz", "Anna Kuz", None)],
            [("Anna Kuz", "Anna Kuz", "person", "name")],
        ),
    )
    merge_people(store, "Dmitry Volkov", "Anna Kuz")
    assert "Anna Kuz" not in _people(store)
    resolve_people(store)
    assert "Anna Kuz" in _people(store)["Dmitry Volkov"]["aliases"]
    split_person(store, "Dmitry Volkov", ["Anna Kuz"])
    assert _people(store)["Anna Kuz"]["statements"] == 1
    alias_person(store, "Dmitry Volkov", "the Kremlin")
    resolve_people(store)
    people = _people(store)
    assert "the Kremlin" not in people and "Anna Kuz" in people
    assert people["Dmitry Volkov"]["statements"] == 6


def test_people_file_decisions(store: Store, tmp_path: Path) -> None:
    _ingest(store, *SPOKESMAN)
    _ingest(
        store,
        _article(
            "Anna Kuz said yes.",
            "2023-02-01",
            [("Anna Kuz", "Anna Kuz", None)],
            [("Anna Kuz", "Anna Kuz", "person", "name")],
        ),
    )
    path = tmp_path / "people.toml"
    path.write_text('[[merge]]\npeople = ["Anna Kuz", "Dmitry Volkov"]\n', encoding="utf-8")
    assert apply_people_file(store, path) == 1
    assert apply_people_file(store, path) == 1  # recorded once
    assert len(store.query("SELECT id FROM people_decisions")) == 1
    assert _people(store)["Anna Kuz"]["statements"] == 6


def test_person_ids_matching_is_case_insensitive_over_aliases(store: Store) -> None:
    _ingest(store, *SPOKESMAN)
    wanted = person_ids_matching(store, "Dmitry Volkov")
    assert len(wanted) == 1
    assert person_ids_matching(store, "mr volkov") == wanted
    assert person_ids_matching(store, "DMITRI VOLKOV") == wanted
    assert person_ids_matching(store, "Nobody") == []
    profile = person_profile(store, "Volkov")
    assert profile["id"] == wanted[0] and len(profile["quotes"]) == 5


@pytest.mark.parametrize(
    ("text", "name", "given", "surname"),
    [
        ("Mr Peskov", "Peskov", None, "peskov"),
        ("Dmitri Peskov", "Dmitri Peskov", "dmitry", "peskov"),
        ("Sen. John Smith", "John Smith", "john", "smith"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "vladimir", "zelensky"),
    ],
)
def test_names_lose_honorifics_and_fold_spellings(
    text: str, name: str, given: str | None, surname: str
) -> None:
    parsed = parse_name(text)
    assert parsed is not None and parsed.name == name
    assert parsed.given_key == given and parsed.surname_key == surname
    assert given_key("Sergey") == given_key("Sergei") and surname_key("Zelenskiy") == "zelensky"


@pytest.mark.parametrize(
    ("text", "group", "owner"),
    [
        ("Kremlin spokesman", "spokesperson", None),
        ("Putin's press secretary", "spokesperson", "Putin"),
        (
            "the spokesman for Russian President Vladimir Putin",
            "spokesperson",
            "Russian President Vladimir Putin",
        ),
        ("US National Security Council spokesman", "spokesperson", None),
        ("the Russian president", "president", None),
    ],
)
def test_roles_are_taken_apart(text: str, group: str, owner: str | None) -> None:
    phrase = parse_role(text)
    assert phrase is not None and phrase.group == group and phrase.owner == owner
    assert parse_role("Dmitry Peskov") is None


def test_cli_people_lists_the_interface_fields(store: Store) -> None:
    _ingest(store, *SPOKESMAN)
    runner = CliRunner()
    result = runner.invoke(app, ["people", "--format", "json", "--db", store.location])
    assert result.exit_code == 0, result.output
    people = json.loads(result.output)
    assert {
        "id",
        "name",
        "kind",
        "aliases",
        "roles",
        "statements",
        "outlets",
        "first_said",
        "last_said",
    } <= set(people[0])
    result = runner.invoke(app, ["person", "Mr Volkov", "--format", "json", "--db", store.location])
    assert result.exit_code == 0 and json.loads(result.output)["name"] == "Dmitry Volkov"
    result = runner.invoke(app, ["person", "Nobody", "--db", store.location])
    assert result.exit_code == 1 and "no person" in result.output


@pytest.mark.parametrize("command", ["merge", "split", "alias", "apply", "rebuild"])
def test_people_commands_have_help(command: str) -> None:
    result = CliRunner().invoke(app, ["people", command, "--help"])
    assert result.exit_code == 0 and len(result.output) > 100


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Sigurður Magnússon", "sigurdur magnusson"),
        ("Þórunn Ægisdóttir", "thorunn aegisdottir"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Lech Wałęsa", "lech walesa"),
    ],
)
def test_names_fold_to_their_usual_latin_spelling(written: str, plain: str) -> None:
    from onrecord.people.names import fold

    assert fold(written) == plain
