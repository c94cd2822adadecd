"""Hand-made store rows for view tests: people, articles, quotes and statements.

Tones, carriers and dates are exactly what each case needs, which a real ingest
could not promise; the rows are the shapes the people and grouping stages write.
"""

from __future__ import annotations


def add_person(
    store, person_id: str, name: str, *, kind: str = "person", roles=(), aliases=(), country=None
) -> None:
    """Save a person as the people stage would: name, aliases (with keys) and roles."""
    from onrecord.people.names import alias_key

    store.execute(
        "INSERT INTO people (id, name, kind, country) VALUES (?, ?, ?, ?)",
        (person_id, name, kind, country),
    )
    for alias in (name, *aliases):
        store.execute(
            "INSERT INTO person_aliases (person_id, alias, alias_key) VALUES (?, ?, ?)",
            (person_id, alias, alias_key(alias)),
        )
    for role in roles:
        store.execute(
            "INSERT INTO person_roles (person_id, role, role_key, role_group, first_seen) "
            "VALUES (?, ?, ?, '', '2022-01-01')",
            (person_id, role, role.lower()),
        )


def add_statement(
    store,
    sid: str,
    *,
    text: str,
    said_on: str | None = "2023-01-20",
    tone: float | None = 0.0,
    person: str = "Ingrid Halvorsen",
    person_id: str | None = None,
    speaker_kind: str = "person",
    role: str | None = None,
    reports=(("Northern Wire", None, "https://wire.example/a"),),
    before: str = "",
    after: str = " She gave no further details.",
    wordings=(),
    title: str | None = None,
) -> None:
    """Save one statement with one quote per report (outlet, published, url).

    Each report is an article of its own: ``before`` + the quote + an
    attribution naming ``person`` (with ``role`` as a mention role) + ``after``.
    ``wordings`` gives other reports other wordings (one per report, in order).
    """
    for number, (outlet, published, url) in enumerate(reports):
        wording = wordings[number] if number < len(wordings) else text
        attribution = f"”, said {person}."
        body = f"{before}“{wording}{attribution}{after}"
        start = len(before) + 1
        speaker_start = start + len(wording) + len("”, said ")
        article_id = f"{sid}-a{number}"
        quote_id = f"{sid}-q{number}"
        store.execute(
            "INSERT INTO articles (id, source, url, outlet, title, published, text, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01')",
            (
                article_id,
                f"/corpus/{article_id}.txt",
                url,
                outlet,
                title or f"Report {article_id}",
                published or said_on,
                body,
            ),
        )
        store.execute(
            'INSERT INTO quotes (id, article_id, start, "end", text, kind, speaker, speaker_kind, '
            "speaker_start, speaker_end, said_on, person_id, statement_id) "
            "VALUES (?, ?, ?, ?, ?, 'direct', ?, ?, ?, ?, ?, ?, ?)",
            (
                quote_id,
                article_id,
                start,
                start + len(wording),
                wording,
                person,
                speaker_kind,
                speaker_start,
                speaker_start + len(person),
                said_on,
                person_id,
                sid,
            ),
        )
        store.execute(
            "INSERT INTO quotes_fts (quote_id, text, speaker) VALUES (?, ?, ?)",
            (quote_id, wording, person),
        )
        store.execute(
            'INSERT INTO mentions (article_id, start, "end", text, name, kind, role) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                speaker_start,
                speaker_start + len(person),
                person,
                person,
                speaker_kind,
                role,
            ),
        )
    from onrecord.grouping.text import normalise_name

    person_key = f"p:{person_id}" if person_id else f"n:{normalise_name(person)}"
    store.execute(
        "INSERT INTO statements (id, person_key, person, said_on, text, quote_count, tone, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01')",
        (sid, person_key, person, said_on, text, len(reports), tone),
    )


def outlets(*names: str) -> tuple[tuple[str, None, str], ...]:
    return tuple(
        (name, None, f"https://{name.lower().replace(' ', '-')}.example/x") for name in names
    )
