-- Full-text search over quote wording and speakers (SQLite FTS5).
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    quote_id UNINDEXED,
    text,
    speaker,
    tokenize = 'unicode61 remove_diacritics 2'
);
