"""Statements: quotes that report one utterance, grouped incrementally in the store.

For each new quote (in publication order):

1. its *person key*: ``p:<person_id>`` when the people stage set
   ``quotes.person_id``, else ``n:<speaker name normalised>``; a quote with no
   speaker reports nobody's statement and is left out;
2. its MinHash signature over content stems, cut into one-value bands; each
   band key is salted with the person key and a 7-day time block, and the quote
   is filed under its own block and looked up under its block and the two
   neighbouring ones, so candidates are only the same person's quotes from
   nearby days, found through the ``statement_lsh`` table (never all pairs);
3. candidates confirmed by `similarity.match_score`; the quote joins the
   statement of its best-scoring match, or starts one. Statements are never
   merged through one quote: on real pages one extracted quote can span two
   remarks (or an outlet paraphrases two remarks in one sentence), and letting
   it bridge them chains distinct remarks into one statement.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from onrecord.dates.iso import parse_iso_date
from onrecord.errors import OnrecordError
from onrecord.grouping.lsh import MemoryLSH, StoreLSH, TokenMinHasher, band_keys
from onrecord.grouping.provenance import variants
from onrecord.grouping.similarity import Report, match_score
from onrecord.grouping.text import normalise_name, wording
from onrecord.model import quoted_words, stable_id
from onrecord.store import Store
from onrecord.store.base import now_iso

__all__ = [
    "NUM_PERM",
    "QUOTE_COLUMNS",
    "group_reports",
    "person_key",
    "refresh_statements",
    "statement_keys",
    "update_statements",
]

#: Signature length; bands of one value each, so two quotes sharing any content
#: stem that is minimal under some permutation meet (recall for short partial
#: quotes: Jaccard 0.2 meets with probability 1 - 0.8**20 ≈ 0.99).
NUM_PERM = 20
BAND_ROWS = 1
#: Days per time block of the band salt (with both neighbours looked up, any
#: two quotes at most this many days apart meet).
BLOCK_DAYS = 7

Row = dict[str, Any]
_HASHER: TokenMinHasher | None = None


def hasher() -> TokenMinHasher:
    """The process's statement MinHasher (built once; its token cache grows with use)."""
    global _HASHER
    if _HASHER is None:
        _HASHER = TokenMinHasher(NUM_PERM, seed=1)
    return _HASHER


def person_key(row: Row) -> str | None:
    """Who a quote row is by, as a grouping key; None when nobody is named."""
    if row.get("person_id"):
        return f"p:{row['person_id']}"
    name = normalise_name(row.get("speaker") or "")
    return f"n:{name}" if name else None


def report_of(row: Row) -> Report | None:
    """The grouping view of a quote row (date: said_on, else the article's publication)."""
    key = person_key(row)
    if key is None:
        return None
    said_on = parse_iso_date(row.get("said_on")) or parse_iso_date(row.get("published"))
    spans = json.loads(row["spans"]) if row.get("spans") else ()
    return Report(key, said_on, wording(quoted_words(row["text"], row.get("start") or 0, spans)))


def statement_keys(
    report: Report, hashes: TokenMinHasher | None = None
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The ``(band, bucket)`` keys a report is filed under, and the keys to look up."""
    tokens = report.wording.content or frozenset(report.wording.tokens)
    signature = (hashes or hasher()).signature(tokens)
    if signature is None:
        return [], []
    if report.said_on is None:
        own = band_keys(signature, BAND_ROWS, f"{report.person_key}|-")
        return own, own
    block = report.said_on.toordinal() // BLOCK_DAYS
    own = band_keys(signature, BAND_ROWS, f"{report.person_key}|{block}")
    lookup = list(own)
    for near in (block - 1, block + 1):
        lookup += band_keys(signature, BAND_ROWS, f"{report.person_key}|{near}")
    return own, lookup


# -- the store ------------------------------------------------------------------------------


#: The quote and article columns grouping reads.
QUOTE_COLUMNS = (
    "q.id, q.article_id, q.text, q.kind, q.speaker, q.speaker_text, q.said_on, "
    "q.said_on_basis, q.start, q.spans, q.statement_id, q.person_id, a.published, a.outlet, "
    "a.url, a.title"
)


def _person_names(store: Store, person_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(person_ids))
    rows = store.query_in("SELECT id, name FROM people WHERE id IN ({marks})", ids)
    return {r["id"]: r["name"] for r in rows}


def _rows_by_ids(store: Store, table_filter: str, ids: Sequence[str]) -> list[Row]:
    return store.query_in(
        f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"WHERE {table_filter} IN ({{marks}})",
        ids,
    )


def update_statements(store: Store, article_ids: Sequence[str]) -> set[str]:
    """Group the quotes of ``article_ids`` into statements; return the statements touched."""
    rows = _rows_by_ids(store, "q.article_id", article_ids)
    rows.sort(
        key=lambda r: (r["published"] is None, r["published"] or "", r["article_id"], r["start"])
    )
    lsh = StoreLSH(store, "statement_lsh")
    # (statement id, report) of each quote seen in this batch: candidates are
    # normalised once, and the batch's own quotes are never read back.
    known: dict[str, tuple[str | None, Report | None]] = {}
    touched: set[str] = set()
    for row in rows:
        if row.get("statement_id"):
            continue  # already grouped (a re-run)
        report = report_of(row)
        if report is None:
            continue
        own, lookup = statement_keys(report)
        best: tuple[float, str] | None = None
        candidates = sorted(lsh.query(lookup) - {row["id"]}) if lookup else []
        for other in _rows_by_ids(store, "q.id", [c for c in candidates if c not in known]):
            known[other["id"]] = (other["statement_id"], report_of(other))
        for candidate in candidates:
            statement_id, other_report = known.get(candidate, (None, None))
            if not statement_id or other_report is None:
                continue
            score = match_score(report, other_report)
            if score is not None and (best is None or (score, statement_id) > best):
                best = (score, statement_id)
        target = _join(store, row["id"], best[1] if best else None, report)
        known[row["id"]] = (target, report)
        touched.add(target)
        if own:
            lsh.insert(row["id"], own)
    refresh_statements(store, touched)
    return touched


def _join(store: Store, quote_id: str, statement_id: str | None, report: Report) -> str:
    """Put the quote in the given statement, or in a new one."""
    target = statement_id or stable_id("statement", quote_id)
    if statement_id is None:
        store.execute(
            "INSERT INTO statements (id, person_key, said_on, text, updated_at) VALUES (?, ?, ?, ?, ?)",
            (
                target,
                report.person_key,
                report.said_on.isoformat() if report.said_on else None,
                "",
                now_iso(),
            ),
        )
    store.execute("UPDATE quotes SET statement_id = ? WHERE id = ?", (target, quote_id))
    return target


def _display_name(names: Sequence[str]) -> str | None:
    """The fullest name without titles ("Marta Kolvenko" over "Minister Kolvenko"), then the commonest."""
    if not names:
        return None
    counts = Counter(n.strip() for n in names)

    def rank(name: str) -> tuple[int, int, int]:
        core = normalise_name(name).split()
        return (len(core), -(len(name.split()) - len(core)), counts[name])

    return max(counts, key=rank)


def _said_on(rows: Sequence[Row]) -> str | None:
    explicit = [
        r["said_on"]
        for r in rows
        if r.get("said_on") and r.get("said_on_basis") in ("explicit", "relative")
    ]
    dated = explicit or [
        r["said_on"] or r["published"] for r in rows if r.get("said_on") or r.get("published")
    ]
    return min(dated)[:10] if dated else None


def refresh_statements(store: Store, statement_ids: Iterable[str]) -> None:
    """Recompute each statement's person, date, most common wording, count and tone."""
    ids = sorted(set(statement_ids))
    if not ids:
        return
    rows = _rows_by_ids(store, "q.statement_id", ids)
    by_statement: dict[str, list[Row]] = {}
    for r in rows:
        by_statement.setdefault(r["statement_id"], []).append(r)
    names = _person_names(store, (r["person_id"] for r in rows if r.get("person_id")))
    old = {
        r["id"]: r
        for r in store.query_in("SELECT id, text, tone FROM statements WHERE id IN ({marks})", ids)
    }
    store.executemany(
        "DELETE FROM statements WHERE id = ?", [(sid,) for sid in ids if sid not in by_statement]
    )
    updates = []
    for sid, members in sorted(by_statement.items()):
        text = variants(members)[0]["text"]
        person_ids = [r["person_id"] for r in members if r.get("person_id")]
        if person_ids and person_ids[0] in names:
            person = names[person_ids[0]]
        else:
            person = _display_name([r["speaker"] for r in members if r.get("speaker")])
        before = old.get(sid)
        tone = before["tone"] if before and before["text"] == text else statement_tone(text)
        updates.append((person, _said_on(members), text, len(members), tone, now_iso(), sid))
    store.executemany(
        "UPDATE statements SET person = ?, said_on = ?, text = ?, quote_count = ?, tone = ?, "
        "updated_at = ? WHERE id = ?",
        updates,
    )


_TONE: Any = None


def statement_tone(text: str) -> float | None:
    """The tone of a wording in [-1, 1] from `onrecord.tone`, or None when unavailable."""
    global _TONE
    if _TONE is None:
        try:
            from onrecord.tone import ToneScorer

            _TONE = ToneScorer()
        except (ImportError, OnrecordError):  # optional here: no tone rather than no statement
            _TONE = False
    if _TONE is False:
        return None
    return round(float(_TONE(text)), 4)


# -- in memory (benchmarks, one-off runs) -----------------------------------------------------


def group_reports(reports: Sequence[Report | None]) -> list[int]:
    """Group reports in memory; return a statement number per report (-1: no speaker).

    The same algorithm as `update_statements` over a `MemoryLSH`: what the
    benchmark times at scale.
    """
    statement_of: list[int] = []
    lsh = MemoryLSH()
    hashes = hasher()
    for i, report in enumerate(reports):
        if report is None:
            statement_of.append(-1)
            continue
        own, lookup = statement_keys(report, hashes)
        best: tuple[float, int] | None = None
        for j in lsh.query(lookup) if lookup else ():
            other = reports[j]
            assert other is not None
            score = match_score(report, other)
            if score is not None and (best is None or (score, -j) > best):
                best = (score, -j)
        statement_of.append(statement_of[-best[1]] if best else i)
        if own:
            lsh.insert(i, own)
    return statement_of
