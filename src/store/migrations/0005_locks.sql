-- Soft locks: who is editing an article, from which host and session, since when. A lock
-- whose heartbeat is older than two minutes is stale and may be taken. Advisory only: the
-- version check on save is still the last line of defence.
CREATE TABLE edit_locks (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    user       TEXT    NOT NULL,
    host       TEXT    NOT NULL,
    session    TEXT    NOT NULL,  -- one running newsdesk: the same user may have two
    since      INTEGER NOT NULL,
    heartbeat  INTEGER NOT NULL
);
