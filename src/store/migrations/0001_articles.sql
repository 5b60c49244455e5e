-- Articles, their tags, their history and the search index.
-- Times are Unix seconds (UTC). *_key columns hold folded text (no marks, đ→d, lowercase).
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    title       TEXT    NOT NULL,
    title_key   TEXT    NOT NULL,
    lede        TEXT    NOT NULL DEFAULT '',
    body        TEXT    NOT NULL DEFAULT '',
    byline      TEXT    NOT NULL DEFAULT '',
    signed_by   TEXT    NOT NULL DEFAULT '',
    section     TEXT    NOT NULL DEFAULT '',
    section_key TEXT    NOT NULL DEFAULT '',
    tags        TEXT    NOT NULL DEFAULT '[]',  -- JSON array, in the editor's order
    status      TEXT    NOT NULL CHECK (status IN ('draft','review','scheduled','published','archived')),
    publish_at  INTEGER,
    created_at  INTEGER NOT NULL,
    created_by  TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    word_count  INTEGER NOT NULL
);
CREATE INDEX articles_by_updated ON articles (updated_at DESC, id DESC);
CREATE INDEX articles_by_status_updated ON articles (status, updated_at DESC, id DESC);
CREATE INDEX articles_by_section_updated ON articles (section_key, updated_at DESC, id DESC);
CREATE INDEX articles_by_publish ON articles (publish_at DESC, id DESC);
CREATE INDEX articles_by_status_publish ON articles (status, publish_at DESC, id DESC);
CREATE INDEX articles_by_title ON articles (title_key, id);

-- One row per tag for tag filters; the display order lives in articles.tags.
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_key    TEXT    NOT NULL,
    PRIMARY KEY (tag_key, article_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_article ON article_tags (article_id);

-- Earlier content of an article, and refused conflicting saves.
CREATE TABLE revisions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    rev        INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('save','conflict')),
    version    INTEGER NOT NULL,
    slug       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    lede       TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    byline     TEXT    NOT NULL,
    signed_by  TEXT    NOT NULL,
    section    TEXT    NOT NULL,
    tags       TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    publish_at INTEGER,
    saved_at   INTEGER NOT NULL,
    saved_by   TEXT    NOT NULL,
    word_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, rev)
);

-- Folded text only; rows are articles.id. Snippets are cut from articles in Rust.
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, lede, body, byline, tags, section,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 3.0, 2.0)');
