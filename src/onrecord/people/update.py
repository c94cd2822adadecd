"""People in the store: incremental update after an ingest batch, and a full rebuild.

An update reads the added articles' mentions and quotes, stores their
article-local entities, and recomputes only the blocks (surnames,
organisations, groups) those entities fall in, plus the blocks the user's
decisions tie to them; then it re-resolves the role-only mentions ("the Kremlin
spokesman said") whose role noun the recomputed people hold. Because a block's
result depends only on its entities and the decisions, the incremental result is
the one `resolve_people` computes from scratch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from onrecord.people.cluster import (
    Assignment,
    Decision,
    PersonRecord,
    StoredEntity,
    cluster_entities,
    decision_blocks,
)
from onrecord.people.local import article_entities, role_fit
from onrecord.people.names import RolePhrase, alias_key, org_key, parse_name, parse_role
from onrecord.store import Store

__all__ = ["load_decisions", "recompute_blocks", "resolve_people", "update_people"]

#: Articles analysed at a time (a full rebuild holds only this many texts in memory).
_ARTICLE_BATCH = 400
ROLE_CONFIDENCE = 0.6


def load_decisions(store: Store) -> list[Decision]:
    """The user's decisions, oldest first."""
    rows = store.query("SELECT action, subject, arguments FROM people_decisions ORDER BY id")
    return [Decision(r["action"], r["subject"], tuple(json.loads(r["arguments"]))) for r in rows]


def _analyse(store: Store, article_ids: Sequence[str]) -> tuple[set[str], set[str]]:
    """Store the local entities of these articles; return their blocks and role groups."""
    blocks: set[str] = set()
    role_groups: set[str] = set()
    article_ids = list(article_ids)
    for first in range(0, len(article_ids), _ARTICLE_BATCH):
        batch = article_ids[first : first + _ARTICLE_BATCH]
        for table in ("person_spans", "person_quotes", "person_entities"):
            store.executemany(f"DELETE FROM {table} WHERE article_id = ?", [(a,) for a in batch])
        articles = sorted(
            store.query_in("SELECT id, text, published FROM articles WHERE id IN ({marks})", batch),
            key=lambda a: a["id"],
        )
        mentions: dict[str, list[dict[str, Any]]] = {a["id"]: [] for a in articles}
        for row in store.query_in(
            'SELECT article_id, start, "end", text, name, kind, role FROM mentions '
            "WHERE article_id IN ({marks})",
            batch,
        ):
            mentions[row["article_id"]].append(row)
        quotes: dict[str, list[dict[str, Any]]] = {a["id"]: [] for a in articles}
        for row in store.query_in(
            "SELECT id, article_id, start, speaker_start, speaker_end, speaker_text, speaker, "
            "speaker_kind, speaker_basis FROM quotes WHERE article_id IN ({marks})",
            batch,
        ):
            quotes[row["article_id"]].append(row)
        entity_rows, span_rows, quote_rows = [], [], []
        for article in articles:
            found = article_entities(
                article["text"], mentions[article["id"]], quotes[article["id"]]
            )
            for entity in found.entities.values():
                detail = entity.detail()
                detail["published"] = article["published"]
                entity_rows.append(
                    (
                        article["id"],
                        entity.key,
                        entity.kind,
                        entity.block,
                        entity.name,
                        json.dumps(detail, ensure_ascii=False, sort_keys=True),
                    )
                )
                if entity.kind == "role":
                    role_groups.add(entity.block.removeprefix("r:"))
                else:
                    blocks.add(entity.block)
            for (start, end), (text, key) in found.spans.items():
                span_rows.append((article["id"], start, end, text, key))
            for quote_id, key in found.quotes.items():
                quote_rows.append((quote_id, article["id"], key))
        store.executemany(
            "INSERT INTO person_entities (article_id, entity, kind, block, name, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            entity_rows,
        )
        store.executemany(
            'INSERT INTO person_spans (article_id, start, "end", text, entity) VALUES (?, ?, ?, ?, ?)',
            span_rows,
        )
        store.executemany(
            "INSERT INTO person_quotes (quote_id, article_id, entity) VALUES (?, ?, ?)", quote_rows
        )
    return blocks, role_groups


def _entities(store: Store, blocks: Sequence[str]) -> list[StoredEntity]:
    out = []
    for row in store.query_in(
        "SELECT article_id, entity, kind, block, name, detail, person_id FROM person_entities "
        "WHERE block IN ({marks})",
        sorted(blocks),
    ):
        detail = json.loads(row["detail"])
        out.append(
            StoredEntity(
                row["article_id"],
                row["entity"],
                row["kind"],
                row["block"],
                row["name"],
                detail,
                detail.get("published"),
                row["person_id"],
            )
        )
    return out


def _close_blocks(blocks: set[str], decisions: Sequence[Decision]) -> set[str]:
    """Add the blocks that decisions tie to these blocks, until nothing changes."""
    blocks = set(blocks)
    while True:
        added = False
        for decision in decisions:
            names = (decision.subject, *decision.arguments)
            reach = set().union(*(decision_blocks(n) for n in names))
            if reach & blocks and not reach <= blocks:
                blocks |= reach
                added = True
        if not added:
            return blocks


def recompute_blocks(store: Store, blocks: set[str], role_groups: set[str] = frozenset()) -> None:
    """Recompute the people of these blocks (and the decisions' reach) and what links to them."""
    decisions = load_decisions(store)
    blocks = _close_blocks({b for b in blocks if not b.startswith("r:")}, decisions)
    entities = _entities(store, sorted(blocks))
    old_ids = sorted({e.person_id for e in entities if e.person_id})
    role_groups = set(role_groups) | _held_role_groups(store, old_ids)
    records, assigned = cluster_entities(entities, decisions)
    for table, column in (
        ("people", "id"),
        ("person_aliases", "person_id"),
        ("person_roles", "person_id"),
    ):
        store.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(p,) for p in old_ids])
    _write_people(store, records)
    role_groups |= {
        phrase.group
        for record in records
        for role, _, _ in record.roles()
        if (phrase := parse_role(role)) is not None
    }
    changes = [(e, assigned.get(e.ref, Assignment(None, "ambiguous", 0.0))) for e in entities]
    _write_assignments(store, changes)  # before roles: they look at who is in their article
    _write_assignments(store, _resolve_roles(store, role_groups, decisions))


def _held_role_groups(store: Store, person_ids: Sequence[str]) -> set[str]:
    rows = store.query_in(
        "SELECT DISTINCT role_group FROM person_roles WHERE person_id IN ({marks})", person_ids
    )
    return {r["role_group"] for r in rows}


def _write_people(store: Store, records: Sequence[PersonRecord]) -> None:
    people, aliases, roles = [], [], []
    for record in records:
        name = record.display_name()
        people.append((record.id, name, record.kind, record.country()))
        seen = {alias_key(name)}
        aliases.append((record.id, name, alias_key(name)))
        for alias in record.aliases():
            if alias_key(alias) not in seen and alias_key(alias):
                seen.add(alias_key(alias))
                aliases.append((record.id, alias, alias_key(alias)))
        for role, first, last in record.roles():
            phrase = parse_role(role)
            roles.append(
                (record.id, role, org_key(role), phrase.group if phrase else "", first, last)
            )
    store.executemany(
        "INSERT INTO people (id, name, kind, country) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
        "country = excluded.country",
        people,
    )
    store.executemany(
        "INSERT INTO person_aliases (person_id, alias, alias_key) VALUES (?, ?, ?) "
        "ON CONFLICT (person_id, alias_key) DO NOTHING",
        aliases,
    )
    store.executemany(
        "INSERT INTO person_roles (person_id, role, role_key, role_group, first_seen, last_seen) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, role_key) DO NOTHING",
        roles,
    )


def _days_apart(day: str | None, first: str | None, last: str | None) -> int:
    if not day or not first:
        return 10**6
    when, start, end = (
        date.fromisoformat(day[:10]),
        date.fromisoformat(first[:10]),
        date.fromisoformat((last or first)[:10]),
    )
    if start <= when <= end:
        return 0
    return min(abs((when - start).days), abs((when - end).days))


def _resolve_roles(
    store: Store, groups: set[str], decisions: Sequence[Decision]
) -> list[tuple[StoredEntity, Assignment]]:
    """Resolve the role-only entities of these role groups to the role's holder nearest in time."""
    if not groups:
        return []
    entities = _entities(store, sorted(f"r:{g}" for g in groups))
    holders: dict[str, list[dict[str, Any]]] = {}
    for row in store.query_in(
        "SELECT r.person_id, r.role, r.role_group, r.first_seen, r.last_seen, p.name "
        "FROM person_roles r JOIN people p ON p.id = r.person_id "
        "WHERE r.role_group IN ({marks}) ORDER BY r.person_id, r.role_key",
        sorted(groups),
    ):
        holders.setdefault(row["role_group"], []).append(row)
    aliases = [d for d in decisions if d.action == "alias"]
    out = []
    for entity in entities:
        out.append(
            (entity, _role_holder(store, entity, holders.get(entity.block[2:], []), aliases))
        )
    return out


def _role_holder(
    store: Store, entity: StoredEntity, holders: list[dict[str, Any]], aliases: Sequence[Decision]
) -> Assignment:
    for decision in aliases:
        if entity.surfaces & {alias_key(a) for a in decision.arguments}:
            found = person_ids_matching(store, decision.subject)
            if len(found) == 1:
                return Assignment(found[0], "decision", 1.0)
    info = entity.detail.get("role") or {}
    phrase = RolePhrase(
        entity.name,
        info.get("group", ""),
        frozenset(info.get("modifiers") or ()),
        info.get("owner"),
    )
    owner = parse_name(phrase.owner) if phrase.owner else None
    # people named in the same article are the likeliest holders ("Grekov ... the minister")
    present = {
        r["person_id"]
        for r in store.query(
            "SELECT DISTINCT person_id FROM person_entities WHERE article_id = ? "
            "AND kind = 'person' AND person_id IS NOT NULL",
            (entity.article_id,),
        )
    }
    bare = not phrase.modifiers and not info.get("country")
    best: dict[str, tuple[int, int]] = {}
    for row in holders:
        if (
            owner is not None
            and parse_name(row["name"]) is not None
            and (
                parse_name(row["name"]).surname_key == owner.surname_key  # type: ignore[union-attr]
            )
        ):
            continue  # "Putin's press secretary" is not Putin
        score = role_fit(phrase, info.get("country"), row["role"])
        if score is None:
            continue
        if row["person_id"] in present:
            score += 3
        elif score == 0 and not bare:
            continue
        distance = _days_apart(entity.published, row["first_seen"], row["last_seen"])
        current = best.get(row["person_id"])
        if current is None or (score, -distance) > (current[0], -current[1]):
            best[row["person_id"]] = (score, distance)
    if not best:
        return Assignment(None, "role", 0.0)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1], item[0]))
    if bare and len(ranked) > 1 and ranked[0][0] not in present:
        return Assignment(None, "ambiguous", 0.0)  # "the spokesman" of whom?
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return Assignment(None, "ambiguous", 0.0)
    return Assignment(ranked[0][0], "role", ROLE_CONFIDENCE)


def _write_assignments(store: Store, changes: Sequence[tuple[StoredEntity, Assignment]]) -> None:
    rows = [(a.person_id, a.basis, a.confidence, e.article_id, e.key) for e, a in changes]
    store.executemany(
        "UPDATE person_entities SET person_id = ?, basis = ?, confidence = ? "
        "WHERE article_id = ? AND entity = ?",
        rows,
    )
    store.executemany(
        "UPDATE quotes SET person_id = ?, person_basis = ?, person_confidence = ? WHERE id IN "
        "(SELECT quote_id FROM person_quotes WHERE article_id = ? AND entity = ?)",
        rows,
    )


def person_ids_matching(store: Store, name: str) -> list[str]:
    """Ids of the people whose name, any alias or id is ``name`` (case-insensitive)."""
    key = alias_key(name)
    rows = store.query(
        "SELECT DISTINCT person_id AS id FROM person_aliases WHERE alias_key = ? "
        "UNION SELECT id FROM people WHERE id = ?",
        (key, name.strip()),
    )
    return sorted(r["id"] for r in rows)


def update_people(store: Store, article_ids: list[str]) -> None:
    """Update people after an ingest batch added ``article_ids`` (inside its transaction)."""
    if not article_ids:
        return
    with store.transaction():
        blocks, role_groups = _analyse(store, article_ids)
        recompute_blocks(store, blocks, role_groups)


def resolve_people(store: Store) -> int:
    """Recompute every person from scratch (same result as the incremental updates).

    Returns the number of people, organisations and groups in the store after it.
    """
    with store.transaction():
        for table in ("people", "person_aliases", "person_roles"):
            store.execute(f"DELETE FROM {table}")
        store.execute(
            "UPDATE quotes SET person_id = NULL, person_basis = NULL, person_confidence = NULL"
        )
        ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]
        blocks, groups = _analyse(store, ids)
        recompute_blocks(store, blocks, groups)
        return int(store.query("SELECT COUNT(*) AS n FROM people")[0]["n"])
