-- Custom SQL (not generated; issue 13): an index for the search fallback's substring path, which read every stored
-- document with `doc like '%…%'`. search_docs gets an explicit integer key (a table without one may have its rowids
-- renumbered by VACUUM, and the index below is keyed by it), then a trigram FTS5 table over each document's text with
-- ASCII letters lowered (SQLite's lower() without ICU: the same folding as LIKE, so a case-sensitive trigram match of the
-- lowered query is exactly the LIKE match) and two padding characters (char(1)), so that every occurrence of a one- or
-- two-character query starts a trigram (those are found through the vocabulary, db/queries/search.ts). Contentless
-- (the text is in search_docs): deletes by rowid. Kept in step with search_docs by triggers, so every writer and every
-- later migration that deletes from search_docs keeps it in sync.
CREATE TABLE `search_docs_keyed` (
	`id` integer PRIMARY KEY,
	`article_id` text NOT NULL,
	`doc_hash` text NOT NULL,
	`doc` text NOT NULL,
	`published_num` integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO `search_docs_keyed` (`id`, `article_id`, `doc_hash`, `doc`, `published_num`)
  SELECT rowid, `article_id`, `doc_hash`, `doc`, `published_num` FROM `search_docs`;
--> statement-breakpoint
DROP TABLE `search_docs`;
--> statement-breakpoint
ALTER TABLE `search_docs_keyed` RENAME TO `search_docs`;
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_article_id` ON `search_docs` (`article_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_docs_tri` USING fts5(`text`, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_docs_tri_terms` USING fts5vocab(`search_docs_tri`, 'instance');
--> statement-breakpoint
INSERT INTO `search_docs_tri` (rowid, `text`) SELECT `id`, lower(`doc`) || char(1, 1) FROM `search_docs`;
--> statement-breakpoint
CREATE TRIGGER `search_docs_tri_insert` AFTER INSERT ON `search_docs`
BEGIN
  insert into search_docs_tri (rowid, text) values (new.id, lower(new.doc) || char(1, 1));
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_tri_delete` AFTER DELETE ON `search_docs`
BEGIN
  delete from search_docs_tri where rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_tri_update` AFTER UPDATE OF `id`, `doc` ON `search_docs`
BEGIN
  delete from search_docs_tri where rowid = old.id;
  insert into search_docs_tri (rowid, text) values (new.id, lower(new.doc) || char(1, 1));
END;
