-- Unsaved editor buffers, written while typing and on hang-up; one per user and article
-- (article_id 0 for an article not saved yet). Never a save: nothing here is published.
CREATE TABLE recovery (
    user         TEXT    NOT NULL,
    article_id   INTEGER NOT NULL,
    base_version INTEGER NOT NULL,
    fields       TEXT    NOT NULL,  -- JSON of the editor's fields
    written_at   INTEGER NOT NULL,
    PRIMARY KEY (user, article_id)
) WITHOUT ROWID;
