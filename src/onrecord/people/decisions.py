"""The user decides last: merge, split and alias decisions, kept in the store.

Decisions are stored in ``people_decisions`` by the names the user gave (an id
is turned into the person's name when the decision is made, since ids of
automatic people can change as articles arrive), replayed in order on every
recomputation, and so survive re-ingest and `resolve_people`.

A ``people.toml`` file holds the same decisions::

    [[merge]]
    people = ["Dmitry Peskov", "Dmitri Peskov"]   # the first one is kept

    [[split]]
    person = "John Smith"
    aliases = ["J. Smith"]                        # moved out into a new person

    [[alias]]
    person = "Dmitry Peskov"
    aliases = ["the Kremlin's chief spokesman"]
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from pathlib import Path

from onrecord.errors import UsageError
from onrecord.people.cluster import decision_blocks
from onrecord.people.update import person_ids_matching, recompute_blocks
from onrecord.store import Store
from onrecord.store.base import now_iso

__all__ = ["add_decision", "alias_person", "apply_people_file", "merge_people", "split_person"]


def _name_of(store: Store, reference: str) -> str:
    """A name for a person given by id or name (an id becomes the person's name)."""
    rows = store.query("SELECT name FROM people WHERE id = ?", (reference.strip(),))
    return rows[0]["name"] if rows else reference.strip()


def _known(store: Store, reference: str) -> None:
    if not person_ids_matching(store, reference):
        raise UsageError(
            f"no person is named {reference!r}: see `onrecord people --search` for names and ids"
        )


def _blocks_of(store: Store, names: Sequence[str]) -> set[str]:
    blocks: set[str] = set()
    for name in names:
        blocks |= decision_blocks(name)
        for person_id in person_ids_matching(store, name):
            blocks.update(
                r["block"]
                for r in store.query(
                    "SELECT DISTINCT block FROM person_entities WHERE person_id = ?", (person_id,)
                )
            )
    return blocks


def add_decision(
    store: Store, action: str, subject: str, arguments: Sequence[str], source: str | None = None
) -> None:
    """Record one decision and recompute the people it touches."""
    if action not in ("merge", "split", "alias"):
        raise UsageError(f"unknown people decision {action!r}: use merge, split or alias")
    if not arguments:
        raise UsageError(f"a {action} decision needs at least one other name")
    with store.transaction():
        subject = _name_of(store, subject)
        arguments = [_name_of(store, a) for a in arguments]
        blocks = _blocks_of(store, [subject, *arguments])
        store.execute(
            "INSERT INTO people_decisions (id, action, subject, arguments, source, created_at) "
            "VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM people_decisions), ?, ?, ?, ?, ?) "
            "ON CONFLICT (action, subject, arguments) DO NOTHING",
            (action, subject, json.dumps(list(arguments), ensure_ascii=False), source, now_iso()),
        )
        recompute_blocks(store, blocks, set())


def merge_people(store: Store, keep: str, other: str) -> None:
    """Make ``other`` the same person as ``keep`` (names or ids), for good."""
    _known(store, keep)
    _known(store, other)
    add_decision(store, "merge", keep, [other])


def split_person(store: Store, person: str, aliases: Sequence[str]) -> None:
    """Move the mentions written as ``aliases`` out of ``person`` into a new person."""
    _known(store, person)
    add_decision(store, "split", person, list(aliases))


def alias_person(store: Store, person: str, alias: str) -> None:
    """Make every mention written as ``alias`` refer to ``person``."""
    _known(store, person)
    add_decision(store, "alias", person, [alias])


def apply_people_file(store: Store, path: str | Path) -> int:
    """Record the decisions of a ``people.toml`` file; return how many it holds.

    Decisions already recorded are not repeated, so applying a file twice changes
    nothing. Names need not exist yet: they take effect when those people arrive.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the people file ({exc})") from None
    count = 0
    for entry in data.get("merge", []):
        people = _strings(entry, "people", path)
        if len(people) < 2:
            raise UsageError(f"{path}: a [[merge]] needs at least two names in 'people'")
        add_decision(store, "merge", people[0], people[1:], str(path))
        count += 1
    for action in ("split", "alias"):
        for entry in data.get(action, []):
            person = entry.get("person")
            if not isinstance(person, str) or not person.strip():
                raise UsageError(f"{path}: a [[{action}]] needs a 'person' name")
            add_decision(store, action, person, _strings(entry, "aliases", path), str(path))
            count += 1
    unknown = set(data) - {"merge", "split", "alias"}
    if unknown:
        raise UsageError(f"{path}: unknown sections {sorted(unknown)}: use merge, split or alias")
    return count


def _strings(entry: object, field: str, path: Path) -> list[str]:
    values = entry.get(field) if isinstance(entry, dict) else None
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise UsageError(f"{path}: '{field}' must be a list of names")
    return [v.strip() for v in values]
