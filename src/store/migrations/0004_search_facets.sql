-- The search index gains a `facets` column (status, section and tag tokens), so filtered
-- searches are answered by the index alone, and a larger pending-data buffer for imports.
-- nd_fold() and nd_facets() are Rust functions the store registers on every connection.
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, lede, body, byline, tags, section, facets,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 3.0, 2.0, 0.0)');
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_index (rowid, title, lede, body, byline, tags, section, facets)
    SELECT id, nd_fold(title), nd_fold(lede), nd_fold(body), nd_fold(byline), nd_fold(tags),
           nd_fold(section), nd_facets(status, section, tags)
    FROM articles;
