-- Photos. The files live in media/ beside the database, named by their SHA-256; these tables
-- hold what is known about each file and which articles show it.
CREATE TABLE media (
    hash        TEXT    PRIMARY KEY CHECK (length(hash) = 64),  -- SHA-256, lowercase hex
    name        TEXT    NOT NULL,            -- the file name it was first added under
    format      TEXT    NOT NULL CHECK (format IN ('jpeg','png','webp','gif')),
    bytes       INTEGER NOT NULL,
    width       INTEGER NOT NULL,            -- as displayed (the camera's rotation applied)
    height      INTEGER NOT NULL,
    alpha       INTEGER NOT NULL DEFAULT 0,  -- has transparent pixels: renditions stay PNG
    caption     TEXT    NOT NULL DEFAULT '',
    caption_key TEXT    NOT NULL DEFAULT '', -- folded caption, name and credit, for searching
    alt         TEXT    NOT NULL DEFAULT '',
    credit      TEXT    NOT NULL DEFAULT '',
    added_by    TEXT    NOT NULL,
    added_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX media_by_added ON media (added_at DESC, hash);

-- An article's lead photo (role 'lead', position 0) and gallery (role 'gallery', positions
-- 0, 1, 2… in order). caption and alt are this article's; NULL means the library's.
CREATE TABLE article_media (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('lead','gallery')),
    position   INTEGER NOT NULL,
    hash       TEXT    NOT NULL REFERENCES media (hash),
    caption    TEXT,
    alt        TEXT,
    PRIMARY KEY (article_id, role, position),
    UNIQUE (article_id, role, hash)
) WITHOUT ROWID;
CREATE INDEX article_media_by_hash ON article_media (hash);

-- The `![caption](media:HASH)` references in each article's body, as written (a hash or a
-- prefix of one), kept up to date by every save.
CREATE TABLE article_media_refs (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    ref        TEXT    NOT NULL,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
