-- One number that moves whenever anything the exported site shows may have changed: articles,
-- photos and their use, site settings. An export that finds it where the live build left it
-- (and the same templates) has nothing to do.
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO change_counter (id, n) VALUES (1, 0);

CREATE TRIGGER articles_insert_counts AFTER INSERT ON articles BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER articles_update_counts AFTER UPDATE ON articles BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER articles_delete_counts AFTER DELETE ON articles BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER settings_insert_counts AFTER INSERT ON settings BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER settings_update_counts AFTER UPDATE ON settings BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER settings_delete_counts AFTER DELETE ON settings BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER media_insert_counts AFTER INSERT ON media BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER media_update_counts AFTER UPDATE ON media BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER media_delete_counts AFTER DELETE ON media BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER article_media_insert_counts AFTER INSERT ON article_media BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER article_media_update_counts AFTER UPDATE ON article_media BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER article_media_delete_counts AFTER DELETE ON article_media BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER article_media_refs_insert_counts AFTER INSERT ON article_media_refs BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER article_media_refs_update_counts AFTER UPDATE ON article_media_refs BEGIN UPDATE change_counter SET n = n + 1; END;
CREATE TRIGGER article_media_refs_delete_counts AFTER DELETE ON article_media_refs BEGIN UPDATE change_counter SET n = n + 1; END;
