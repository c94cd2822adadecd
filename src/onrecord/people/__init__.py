"""People: one canonical speaker across the whole store.

"Peskov", "Mr Peskov", "Dmitri Peskov", "the Kremlin spokesperson" and
"Kremlin Press Secretary Dmitry Peskov" are one man; "John Smith" the senator
and "Jane Smith" the analyst are two people. The stage works in three steps:

- `onrecord.people.local`: inside one article, mentions and quote speakers are
  grouped into entities (surnames and honorifics join the full name, role
  nouns the person introduced with that role);
- `onrecord.people.cluster`: across articles, entities of one block (a surname,
  an organisation, a group) become people, then the user's decisions apply;
- `onrecord.people.update`: the store side, incremental after each ingest
  batch (`update_people`) or from scratch (`resolve_people`), the same result.
"""

from onrecord.people.decisions import (
    add_decision,
    alias_person,
    apply_people_file,
    merge_people,
    split_person,
)
from onrecord.people.update import person_ids_matching, resolve_people, update_people

__all__ = [
    "add_decision",
    "alias_person",
    "apply_people_file",
    "merge_people",
    "person_ids_matching",
    "resolve_people",
    "split_person",
    "update_people",
]
