-- People: one canonical speaker across articles (persons, organisations, groups).
-- Article-local entities are the unit of cross-article resolution; each keeps
-- its block (surname, organisation or group key) so an ingest recomputes only
-- the blocks its articles touch. User decisions are replayed on every recompute.
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'person',
    country TEXT
);
CREATE INDEX people_name ON people (name);

CREATE TABLE person_aliases (
    person_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (person_id, alias_key)
);
CREATE INDEX person_aliases_key ON person_aliases (alias_key);

CREATE TABLE person_roles (
    person_id TEXT NOT NULL,
    role TEXT NOT NULL,
    role_key TEXT NOT NULL,
    role_group TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    PRIMARY KEY (person_id, role_key)
);
CREATE INDEX person_roles_group ON person_roles (role_group);

CREATE TABLE person_entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    kind TEXT NOT NULL,
    block TEXT NOT NULL,
    name TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    person_id TEXT,
    basis TEXT,
    confidence REAL NOT NULL DEFAULT 1.0,
    PRIMARY KEY (article_id, entity)
);
CREATE INDEX person_entities_block ON person_entities (block);
CREATE INDEX person_entities_person ON person_entities (person_id);

CREATE TABLE person_spans (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (article_id, start, "end")
);

CREATE TABLE person_quotes (
    quote_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity TEXT NOT NULL
);
CREATE INDEX person_quotes_entity ON person_quotes (article_id, entity);

CREATE TABLE people_decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    arguments TEXT NOT NULL DEFAULT '[]',
    source TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (action, subject, arguments)
);

ALTER TABLE quotes ADD COLUMN person_id TEXT;
ALTER TABLE quotes ADD COLUMN person_basis TEXT;
ALTER TABLE quotes ADD COLUMN person_confidence REAL;
CREATE INDEX quotes_person ON quotes (person_id);
