-- Search fallback with the knowledge base (issue 12): besides the literal title, names and body, the FTS table holds
-- the entities central to an article (`entities`: title, lede, often named; with aliases and the regions a place lies
-- in), the ones it only mentions (`related`), words found only inside longer words (`subwords`) and its topics'
-- keywords (`topics`). FTS5 cannot add columns, so the table is rebuilt; the derived rows are emptied and the next
-- `kb index` (or `npm run serve`) fills them again from SQLite.
DROP TABLE IF EXISTS `search_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(`article_id` UNINDEXED, `title`, `names`, `body`, `entities`, `related`, `subwords`, `topics`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
DELETE FROM `search_facets`;
--> statement-breakpoint
DELETE FROM `search_docs`;
