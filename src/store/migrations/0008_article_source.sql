-- The file an article was imported from: its path below the folder named on the command line,
-- folders separated by '/'. A re-import finds the article by it, so two files with the same
-- title stay two articles. NULL for articles written here or imported before this column:
-- those are still found by slug. One article per file.
ALTER TABLE articles ADD COLUMN source TEXT;
CREATE UNIQUE INDEX articles_by_source ON articles (source) WHERE source IS NOT NULL;
