-- Grouping: statements (one utterance, many reports), claims (one position,
-- many statements over time), stories (near-duplicate articles), and the
-- store-backed LSH buckets that make grouping incremental.
ALTER TABLE quotes ADD COLUMN statement_id TEXT;
ALTER TABLE articles ADD COLUMN story_id TEXT;
CREATE INDEX quotes_statement ON quotes (statement_id);
CREATE INDEX articles_story ON articles (story_id);

CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    person_key TEXT NOT NULL,
    person TEXT,
    said_on TEXT,
    text TEXT NOT NULL,
    quote_count INTEGER NOT NULL DEFAULT 0,
    claim_id TEXT,
    tone REAL,
    updated_at TEXT NOT NULL
);
CREATE INDEX statements_person ON statements (person_key, said_on);
CREATE INDEX statements_said_on ON statements (said_on);
CREATE INDEX statements_claim ON statements (claim_id);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    person_key TEXT NOT NULL,
    person TEXT,
    text TEXT NOT NULL,
    first_said TEXT,
    last_said TEXT,
    method TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX claims_person ON claims (person_key);

-- One vector per statement for claim matching: 'semantic' (sentence embedding,
-- float32, base64) or 'lexical' (no vector: the wording is compared).
CREATE TABLE statement_vectors (
    statement_id TEXT PRIMARY KEY,
    person_key TEXT NOT NULL,
    method TEXT NOT NULL,
    vector TEXT
);
CREATE INDEX statement_vectors_person ON statement_vectors (person_key, method);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_article_id TEXT,
    first_published TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);

-- LSH buckets: (band, bucket hash) -> quote id / article id.
CREATE TABLE statement_lsh (
    band INTEGER NOT NULL,
    bucket BIGINT NOT NULL,
    item_id TEXT NOT NULL,
    PRIMARY KEY (bucket, item_id)
);
CREATE TABLE story_lsh (
    band INTEGER NOT NULL,
    bucket BIGINT NOT NULL,
    item_id TEXT NOT NULL,
    PRIMARY KEY (bucket, item_id)
);
