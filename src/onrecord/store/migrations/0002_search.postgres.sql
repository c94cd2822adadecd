-- Full-text search over quote wording and speakers (PostgreSQL): one tsvector
-- per quote in the 'simple' configuration (no stemming, no stop words, like
-- FTS5's unicode61), written by the store with diacritics already folded.
CREATE TABLE quotes_fts (
    quote_id TEXT PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX quotes_fts_document ON quotes_fts USING GIN (document);
