"""Across articles: which article-local entities are one person, organisation or group.

Work is done per block (a surname, an organisation key, a group key): the
result for a block depends only on the entities in it and on the user's
decisions, never on the order articles arrived in, so recomputing the blocks an
ingest touched gives the same people as recomputing the whole store.

Rules, in order:

- one person per full name; spellings of one given name (Dmitry, Dmitri,
  Dmitriy) join when the surname matches and their roles or co-occurring
  people agree (or one side has no role to disagree with);
- a surname alone (or "Mr Peskov") joins the only full name in its block that
  fits its honorific, or the one its roles and co-occurring people point to;
  when several fit equally it stays ambiguous (no person);
- two different given names are never joined, whatever the surname;
- then the user's decisions are replayed in the order they were made.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.model import stable_id
from onrecord.people.names import alias_key, country_of, org_key, parse_name, parse_role

__all__ = ["Assignment", "Decision", "PersonRecord", "StoredEntity", "cluster_entities"]


@dataclass(frozen=True, slots=True)
class StoredEntity:
    """An article-local entity as the store keeps it."""

    article_id: str
    key: str
    kind: str
    block: str
    name: str
    detail: dict[str, Any]
    published: str | None = None
    person_id: str | None = None

    @property
    def ref(self) -> tuple[str, str]:
        """The entity's identity: (article id, local key)."""
        return self.article_id, self.key

    @property
    def surfaces(self) -> set[str]:
        """Alias keys of every way the article wrote it, and its name."""
        return {alias_key(a) for a in [self.name, *self.detail.get("aliases", [])]}

    @property
    def role_texts(self) -> list[str]:
        """Roles the article gives it."""
        return list(self.detail.get("roles") or [])


@dataclass(frozen=True, slots=True)
class Decision:
    """A user decision: merge, split or alias, with its subject and arguments."""

    action: str
    subject: str
    arguments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    """The person an entity belongs to (None when ambiguous), on what basis, how sure."""

    person_id: str | None
    basis: str
    confidence: float


@dataclass(slots=True)
class PersonRecord:
    """A person, organisation or group and the entities that are it."""

    id: str
    kind: str
    members: list[StoredEntity] = field(default_factory=list)
    name: str | None = None  # set by a decision; else chosen from the members

    def display_name(self) -> str:
        """The canonical name: as decided, else the commonest full name its members use."""
        if self.name:
            return self.name
        names: Counter[str] = Counter()
        for member in self.members:
            names.update(member.detail.get("names") or [])
        if not names:
            names.update(m.name for m in self.members)
        return max(names, key=lambda n: (names[n], not n.isupper(), n))

    def aliases(self) -> list[str]:
        """Every way the members were written, one spelling per alias key."""
        seen: dict[str, str] = {}
        for member in self.members:
            for alias in [member.name, *member.detail.get("aliases", [])]:
                seen.setdefault(alias_key(alias), alias)
        return sorted(seen.values(), key=str.lower)

    def roles(self) -> list[tuple[str, str | None, str | None]]:
        """(role, first seen, last seen), one per role key, spelling as most often written."""
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        dates: dict[str, list[str]] = defaultdict(list)
        for member in self.members:
            for role in member.role_texts:
                key = org_key(role)
                spellings[key][role] += 1
                if member.published:
                    dates[key].append(member.published)
        out = []
        for key, counts in spellings.items():
            seen = sorted(dates[key])
            out.append(
                (counts.most_common(1)[0][0], seen[0] if seen else None, seen[-1] if seen else None)
            )
        return sorted(out, key=lambda r: (r[1] or "", r[0]))

    def country(self) -> str | None:
        """The country the person speaks for, from the name (organisations) or roles."""
        try:
            from onrecord.countries import speaker_country
        except ImportError:  # optional: no country without it
            return None
        return speaker_country(self.display_name(), self.kind, [r[0] for r in self.roles()])


class _Union:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _role_phrases(entities: Iterable[StoredEntity]) -> list[Any]:
    phrases = []
    for entity in entities:
        for role in entity.role_texts:
            phrase = parse_role(role)
            if phrase is not None:
                phrases.append((phrase, country_of(phrase.text, phrase.owner)))
    return phrases


def _roles_agree(a: list[Any], b: list[Any]) -> bool:
    for pa, ca in a:
        for pb, cb in b:
            if pa.group != pb.group:
                continue
            if ca and cb and ca != cb:
                continue
            if pa.key == pb.key or pa.modifiers & pb.modifiers or (ca and ca == cb):
                return True
    return False


def _context(entities: Iterable[StoredEntity]) -> set[str]:
    return {c for e in entities for c in e.detail.get("context") or []}


def _evidence(entity: StoredEntity, members: list[StoredEntity]) -> int:
    """How much an entity's roles and co-occurring people point at a cluster."""
    score = 2 * len(set(entity.detail.get("context") or []) & _context(members))
    if _roles_agree(_role_phrases([entity]), _role_phrases(members)):
        score += 1
    return score


def _cluster_person_block(
    block: str, entities: list[StoredEntity]
) -> tuple[list[PersonRecord], dict[tuple[str, str], Assignment]]:
    surname = block.removeprefix("p:")
    full = [e for e in entities if e.detail.get("given")]
    short = [e for e in entities if not e.detail.get("given")]
    records: list[PersonRecord] = []
    assigned: dict[tuple[str, str], Assignment] = {}
    by_given: dict[str, list[StoredEntity]] = defaultdict(list)
    for entity in full:
        by_given[entity.detail["given"]].append(entity)
    for given in sorted(by_given):
        spellings: dict[str, list[StoredEntity]] = defaultdict(list)
        for entity in by_given[given]:
            spellings[alias_key(entity.name)].append(entity)
        keys = sorted(spellings)
        union = _Union(keys)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                roles_a, roles_b = _role_phrases(spellings[a]), _role_phrases(spellings[b])
                if (
                    not roles_a
                    or not roles_b
                    or _roles_agree(roles_a, roles_b)
                    or _context(spellings[a]) & _context(spellings[b])
                ):
                    union.union(a, b)
        roots = sorted({union.find(k) for k in keys})
        for root in roots:
            ident = (
                ("person", surname, given) if len(roots) == 1 else ("person", surname, given, root)
            )
            record = PersonRecord(stable_id(*ident), "person")
            for key in keys:
                if union.find(key) == root:
                    record.members.extend(spellings[key])
            records.append(record)
    for record in records:
        for member in record.members:
            assigned[member.ref] = Assignment(record.id, "name", 1.0)
    full_records = list(records)
    leftover: list[StoredEntity] = []
    for entity in sorted(short, key=lambda e: e.ref):
        initial = entity.detail.get("initial")
        gender = entity.detail.get("gender")
        fits = [
            r
            for r in full_records
            if (initial is None or (r.members[0].detail.get("initial") == initial))
            and (gender is None or all(m.detail.get("gender") in (None, gender) for m in r.members))
        ]
        if not full_records or not fits:
            leftover.append(entity)
            continue
        if len(fits) == 1:
            fits[0].members.append(entity)
            assigned[entity.ref] = Assignment(fits[0].id, "surname", 0.9)
            continue
        scored = sorted(((_evidence(entity, r.members), r.id, r) for r in fits), reverse=True)
        if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
            scored[0][2].members.append(entity)
            assigned[entity.ref] = Assignment(scored[0][1], "surname", 0.7)
        else:
            assigned[entity.ref] = Assignment(None, "ambiguous", 0.0)
    if leftover:
        by_gender: dict[str, list[StoredEntity]] = defaultdict(list)
        for entity in leftover:
            by_gender[entity.detail.get("gender") or ""].append(entity)
        if len([g for g in by_gender if g]) <= 1:
            by_gender = {"": leftover}
        for gender, members in sorted(by_gender.items()):
            ident = ("person", surname, "") if not gender else ("person", surname, "", gender)
            record = PersonRecord(stable_id(*ident), "person", members=list(members))
            records.append(record)
            for member in members:
                assigned[member.ref] = Assignment(record.id, "surname", 0.8)
    return records, assigned


def _cluster_other_block(
    block: str, entities: list[StoredEntity]
) -> tuple[list[PersonRecord], dict[tuple[str, str], Assignment]]:
    kind = entities[0].kind
    record = PersonRecord(stable_id(kind, block.split(":", 1)[1]), kind, members=list(entities))
    return [record], {e.ref: Assignment(record.id, "name", 1.0) for e in entities}


def _matches(reference: str, record: PersonRecord) -> bool:
    if reference == record.id:
        return True
    key = alias_key(reference)
    return key == alias_key(record.display_name()) or any(key in m.surfaces for m in record.members)


def _named(entity: StoredEntity, references: Sequence[str]) -> bool:
    keys = {alias_key(r) for r in references}
    names = {alias_key(entity.name), *(alias_key(n) for n in entity.detail.get("names") or [])}
    return bool(keys & names)


def _replay(
    records: list[PersonRecord],
    assigned: dict[tuple[str, str], Assignment],
    loose: list[StoredEntity],
    decisions: Sequence[Decision],
) -> list[PersonRecord]:
    """Apply the user's decisions, oldest first, to the automatic result."""
    for decision in decisions:
        targets = [r for r in records if _matches(decision.subject, r)]
        if decision.action == "merge":
            others = [
                r
                for r in records
                if r not in targets[:1] and any(_matches(a, r) for a in decision.arguments)
            ]
            if not targets or not others:
                continue
            keep = targets[0]
            keep.name = keep.name or keep.display_name()
            for other in others:
                keep.members.extend(other.members)
                records.remove(other)
        elif decision.action == "alias":
            if not targets:
                continue
            keep = targets[0]
            for record in [r for r in records if r is not keep]:
                moving = [
                    m
                    for m in record.members
                    if m.surfaces & {alias_key(a) for a in decision.arguments}
                ]
                for member in moving:
                    record.members.remove(member)
                    keep.members.append(member)
                if not record.members:
                    records.remove(record)
            for entity in list(loose):
                if entity.surfaces & {alias_key(a) for a in decision.arguments}:
                    keep.members.append(entity)
                    loose.remove(entity)
        elif decision.action == "split":
            for record in targets:
                moving = [m for m in record.members if _named(m, decision.arguments)]
                if not moving or len(moving) == len(record.members):
                    continue
                new_id = stable_id(
                    "person", "split", alias_key(decision.subject), alias_key(decision.arguments[0])
                )
                for member in moving:
                    record.members.remove(member)
                new = PersonRecord(new_id, record.kind, members=moving)
                records.append(new)
    for record in records:
        for member in record.members:
            previous = assigned.get(member.ref)
            if previous is None or previous.person_id != record.id:
                assigned[member.ref] = Assignment(record.id, "decision", 1.0)
    return records


def cluster_entities(
    entities: Sequence[StoredEntity], decisions: Sequence[Decision]
) -> tuple[list[PersonRecord], dict[tuple[str, str], Assignment]]:
    """The people the given entities (whole blocks, no role-only ones) make, and who is who."""
    by_block: dict[str, list[StoredEntity]] = defaultdict(list)
    for entity in entities:
        by_block[entity.block].append(entity)
    records: list[PersonRecord] = []
    assigned: dict[tuple[str, str], Assignment] = {}
    for block in sorted(by_block):
        members = sorted(by_block[block], key=lambda e: e.ref)
        if block.startswith("p:"):
            block_records, block_assigned = _cluster_person_block(block, members)
        else:
            block_records, block_assigned = _cluster_other_block(block, members)
        records += block_records
        assigned.update(block_assigned)
    loose = [e for e in entities if assigned.get(e.ref, Assignment(None, "", 0)).person_id is None]
    records = _replay(records, assigned, loose, decisions)
    return [r for r in records if r.members], assigned


def decision_blocks(reference: str) -> set[str]:
    """Every block a name in a decision could belong to."""
    blocks = {f"o:{org_key(reference)}", f"g:{org_key(reference)}"}
    parsed = parse_name(reference)
    if parsed is not None:
        blocks.add(f"p:{parsed.surname_key}")
    phrase = parse_role(reference)
    if phrase is not None:
        blocks.add(f"r:{phrase.group}")
    return blocks
