-- Articles, quotes, named mentions, rejected inputs and runs.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    doc_id TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    byline TEXT,
    published TEXT,
    published_basis TEXT NOT NULL DEFAULT 'unknown',
    text TEXT NOT NULL,
    boilerplate TEXT NOT NULL DEFAULT '[]',
    run_id INTEGER,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_class TEXT NOT NULL DEFAULT 'speech',
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    speaker TEXT,
    speaker_kind TEXT NOT NULL DEFAULT 'unknown',
    speaker_basis TEXT,
    said_on TEXT,
    said_on_precision TEXT,
    said_on_basis TEXT NOT NULL DEFAULT 'unknown',
    confidence REAL NOT NULL DEFAULT 1.0,
    spans TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX quotes_article ON quotes (article_id, start);
CREATE INDEX quotes_said_on ON quotes (said_on);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    PRIMARY KEY (article_id, start, "end")
);
CREATE INDEX mentions_name ON mentions (name);

CREATE TABLE rejected (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    run_id INTEGER,
    seen_at TEXT NOT NULL,
    UNIQUE (source, stage, reason)
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    inputs TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'
);
