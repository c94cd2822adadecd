"""People listings and a person's profile with their quotes."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from onrecord.errors import AmbiguousPerson, PersonNotFound
from onrecord.people.names import alias_key
from onrecord.people.update import person_ids_matching
from onrecord.store import Store

__all__ = ["list_people", "person_profile"]

_STATS = (
    "SELECT q.person_id, COUNT(*) AS statements, COUNT(DISTINCT a.outlet) AS outlets, "
    "MIN(COALESCE(q.said_on, a.published)) AS first_said, "
    "MAX(COALESCE(q.said_on, a.published)) AS last_said "
    "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.person_id IS NOT NULL"
)


def _people(store: Store, ids: list[str] | None) -> list[dict[str, Any]]:
    where, params = "", []
    if ids is not None:
        if not ids:
            return []
        where = f" WHERE id IN ({','.join('?' * len(ids))})"
        params = list(ids)
    people = store.query(f"SELECT id, name, kind, country FROM people{where}", params)
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in store.query(
        f"SELECT person_id, alias FROM person_aliases{where.replace('id IN', 'person_id IN')}",
        params,
    ):
        aliases[row["person_id"]].append(row["alias"])
    roles: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.query(
        "SELECT person_id, role, first_seen, last_seen FROM person_roles"
        f"{where.replace('id IN', 'person_id IN')} "
        "ORDER BY first_seen IS NULL, first_seen, role",
        params,
    ):
        roles[row["person_id"]].append(
            {"role": row["role"], "first_seen": row["first_seen"], "last_seen": row["last_seen"]}
        )
    stats_sql = _STATS + (
        " AND q.person_id IN (" + ",".join("?" * len(params)) + ")" if params else ""
    )
    stats = {r["person_id"]: r for r in store.query(stats_sql + " GROUP BY q.person_id", params)}
    out = []
    for person in people:
        stat = stats.get(person["id"], {})
        out.append(
            {
                "id": person["id"],
                "name": person["name"],
                "kind": person["kind"],
                "country": person["country"],
                "aliases": sorted(a for a in aliases[person["id"]] if a != person["name"]),
                "roles": roles[person["id"]],
                "statements": stat.get("statements", 0),
                "outlets": stat.get("outlets", 0),
                "first_said": stat.get("first_said"),
                "last_said": stat.get("last_said"),
            }
        )
    return sorted(out, key=lambda p: (-p["statements"], p["name"].lower()))


def list_people(store: Store, search: str | None = None) -> list[dict[str, Any]]:
    """People, organisations and groups, most quoted first.

    Each has ``id``, ``name``, ``kind``, ``country``, ``aliases``, ``roles`` (each
    with ``role``, ``first_seen``, ``last_seen``), ``statements`` (quotes),
    ``outlets``, ``first_said`` and ``last_said``. ``search`` keeps those whose
    name, an alias or a role contains the text (case-insensitive).
    """
    if not search:
        return _people(store, None)
    needle = f"%{alias_key(search)}%"
    rows = store.query(
        "SELECT DISTINCT person_id FROM person_aliases WHERE alias_key LIKE ? "
        "UNION SELECT DISTINCT person_id FROM person_roles WHERE role_key LIKE ? "
        "UNION SELECT id FROM people WHERE id = ?",
        (needle, needle, search.strip()),
    )
    return _people(store, [r["person_id"] for r in rows])


def person_profile(store: Store, name_or_id: str) -> dict[str, Any]:
    """One person's profile (as in `list_people`) with ``quotes``: what they said, oldest first.

    Raises `PersonNotFound` when nobody has that name or id, `AmbiguousPerson`
    when several people do.
    """
    ids = person_ids_matching(store, name_or_id)
    if not ids:
        ids = [p["id"] for p in list_people(store, name_or_id)]
    if not ids:
        raise PersonNotFound(f"no person is named {name_or_id!r}: try `onrecord people --search`")
    if len(ids) > 1:
        found = ", ".join(f"{p['name']} ({p['id']})" for p in _people(store, ids))
        raise AmbiguousPerson(f"{name_or_id!r} could be several people: {found}; give an id")
    profile = _people(store, ids)[0]
    profile["quotes"] = store.query(
        "SELECT q.id, COALESCE(q.said_on, a.published) AS said_on, a.published, a.outlet, "
        "a.url, a.source, q.kind, q.text, q.speaker_text, q.person_basis, q.person_confidence "
        "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.person_id = ? "
        "ORDER BY COALESCE(q.said_on, a.published) IS NULL, COALESCE(q.said_on, a.published), "
        "q.article_id, q.start",
        (ids[0],),
    )
    return profile
